package org.dicelens.nifti;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.dicelens.common.Progress;

/** The parallel read of a plain multi-channel file for {@link NiftiReader}. */
final class ChannelTasks {
    private ChannelTasks() {
    }

    /**
     * A plain (not gzipped) multi-channel file: each channel is allocated, read (positional reads) and decoded by
     * its own task on the common pool, the caller taking part. Most of a cold read's CPU is the kernel handing over
     * the fresh pages of the new arrays, paid by the allocating thread, so this spreads it over the cores.
     * Progress is reported from the calling thread only; workers honour cancellation.
     */
    static Object[] read(NiftiReader.Session s, Progress progress) throws NiftiException {
        s.checkFree();
        Object[] channels = new Object[s.layout.channels()];
        Thread caller = Thread.currentThread();
        AtomicLong done = new AtomicLong();
        try (FileChannel fc = FileChannel.open(s.dataFile, StandardOpenOption.READ)) {
            IntStream.range(0, channels.length).parallel().forEach(c -> {
                try {
                    channels[c] = readChannel(s, fc, c, done, progress, caller);
                } catch (NiftiException e) {
                    throw new UncheckedNifti(e);
                }
            });
        } catch (UncheckedNifti e) {
            throw e.cause;
        } catch (IOException e) {
            throw s.ioProblem(e, "data");
        }
        return channels;
    }

    private static Object readChannel(NiftiReader.Session s, FileChannel fc, int c, AtomicLong done, Progress progress,
            Thread caller)
            throws NiftiException {
        int n = s.layout.voxelsPerChannel();
        int esize = s.layout.datatype().bytes();
        Object channel = s.newChannel();
        int perStep = (int) Math.min(NiftiReader.CHUNK, Math.max(4096, (long) n * esize)) / esize;
        byte[] buf = new byte[perStep * esize];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        VoxelDecoder decoder = new VoxelDecoder(s.layout.datatype(), s.header.byteOrder, s.layout.scaled(), s.header.scl_slope,
                s.header.scl_inter, perStep);
        long start = s.layout.dataOffset() + (long) c * n * esize;
        for (int at = 0; at < n; ) {
            progress.checkCancelled();
            int count = Math.min(perStep, n - at);
            bb.clear().limit(count * esize);
            try {
                while (bb.hasRemaining()) {
                    if (fc.read(bb, start + (long) at * esize + bb.position()) < 0) {
                        throw s.truncated((long) c * n * esize + (long) at * esize + bb.position());
                    }
                }
            } catch (IOException e) {
                throw s.ioProblem(e, "data");
            }
            decoder.decode(buf, 0, count, channel, at);
            at += count;
            long all = done.addAndGet(count);
            if (Thread.currentThread() == caller) {
                progress.update((double) all / s.layout.elements(), "reading " + s.dataFile.getFileName());
            }
        }
        return channel;
    }

    /** Carries a NiftiException out of a parallel stream. */
    private static final class UncheckedNifti extends RuntimeException {
        final NiftiException cause;

        UncheckedNifti(NiftiException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
