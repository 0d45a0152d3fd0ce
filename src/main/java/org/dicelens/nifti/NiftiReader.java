package org.dicelens.nifti;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.ZipException;
import org.dicelens.common.Progress;

/**
 * Reads NIfTI-1/NIfTI-2 files (.nii, .nii.gz, .hdr/.img and gzipped pairs), from nifti1.h/nifti2.h.
 * Byte order comes from sizeof_hdr, gzip from the content (not the name). Every size the header claims is
 * checked against the file (for gzip: against the most deflate can expand it to) and against the heap before
 * any voxel array is allocated, so a bad file fails fast with a {@link NiftiException} naming the field.
 */
public final class NiftiReader {
    /** Bytes decoded per step: a multiple of every datatype's size, big enough for bulk reads, small for the heap. */
    static final int CHUNK = 1 << 20;

    private NiftiReader() {
    }

    /** Reads only the header (checking it against the file size and the data layout it implies). */
    public static NiftiHeader readHeader(Path file) throws NiftiException {
        try (Session s = Session.open(file, false)) {
            return s.header;
        }
    }

    /** Reads header and data. */
    public static NiftiVolume read(Path file) throws NiftiException {
        return read(file, Progress.NONE);
    }

    /**
     * Reads header and data, reporting progress and honouring cancellation
     * (a cancelled read throws {@link java.util.concurrent.CancellationException}).
     */
    public static NiftiVolume read(Path file, Progress progress) throws NiftiException {
        try (Session s = Session.open(file, true)) {
            Object[] channels = s.readData(progress);
            return new NiftiVolume(s.header, file, channels);
        }
    }

    /** A one-channel 8-bit volume as stored: one byte per voxel, x fastest; {@code signed} for int8, else uint8. */
    public record ByteVolume(NiftiHeader header, Path source, byte[] data, boolean signed) {
    }

    /**
     * Reads a one-channel, unscaled uint8 or int8 volume (the usual label map) as its stored bytes, so a label map
     * costs one byte per voxel instead of a float; null when the file holds anything else (read it with
     * {@link #read(Path, Progress)}, which also reports what is wrong with it).
     */
    public static ByteVolume readBytes(Path file, Progress progress) throws NiftiException {
        try (Session s = Session.open(file, false)) {
            HeaderChecks.Layout l = s.layout;
            boolean eightBit = l.datatype() == NiftiDatatype.UINT8 || l.datatype() == NiftiDatatype.INT8;
            if (!eightBit || l.scaled() || l.channels() != 1) {
                return null;
            }
            return new ByteVolume(s.header, file, s.readBytes(progress), l.datatype() == NiftiDatatype.INT8);
        }
    }

    /** One open read: header decoded and checked, the stream positioned where the header ended. */
    static final class Session implements AutoCloseable {
        final Path file;
        final NiftiHeader header;
        final HeaderChecks.Layout layout;
        private InputStream in;
        Path dataFile;
        private long consumed;
        private boolean gzip;

        private Session(Path file, NiftiHeader header, HeaderChecks.Layout layout) {
            this.file = file;
            this.header = header;
            this.layout = layout;
        }

        /** @param forData true when the data will be read: a header claiming more than the heap fails here, first */
        static Session open(Path given, boolean forData) throws NiftiException {
            NiftiFiles.checkRegular(given);
            Path hdrFile = NiftiFiles.headerFileFor(given);
            long hdrSize = NiftiFiles.checkRegular(hdrFile);
            NiftiFiles.Opened opened = NiftiFiles.open(hdrFile);
            InputStream in = opened.in();
            try {
                byte[] first4 = new byte[4];
                int n = read(hdrFile, in, first4, 0, 4, "header");
                ByteOrder order = HeaderCodec.detectOrder(hdrFile, first4, n);
                int size = HeaderCodec.headerSize(first4, order);
                byte[] bytes = new byte[size];
                System.arraycopy(first4, 0, bytes, 0, 4);
                int got = read(hdrFile, in, bytes, 4, size - 4, "header");
                if (got < size - 4) {
                    throw new NiftiException(hdrFile, "header", "truncated: the file ends after " + (got + 4) + " of the "
                            + size + " header bytes");
                }
                NiftiHeader h = HeaderCodec.decode(hdrFile, bytes, order);
                HeaderChecks.Layout layout = HeaderChecks.check(hdrFile, h);
                Session s = new Session(hdrFile, h, layout);
                if (forData) {
                    s.checkMaxMemory();
                }
                s.in = in;
                s.gzip = opened.gzip();
                s.consumed = size;
                s.dataFile = hdrFile;
                if (!h.singleFile) {
                    s.switchToImageFile();
                } else {
                    s.checkSize(hdrSize, opened.gzip());
                }
                return s;
            } catch (NiftiException | RuntimeException e) {
                NiftiFiles.close(in);
                throw e;
            }
        }

        /** Header/image pair: the data lives in X.img(.gz), starting at vox_offset there. */
        private void switchToImageFile() throws NiftiException {
            NiftiFiles.close(in);
            in = null;
            dataFile = NiftiFiles.imageFileFor(file);
            long size = NiftiFiles.checkRegular(dataFile);
            NiftiFiles.Opened opened = NiftiFiles.open(dataFile);
            in = opened.in();
            gzip = opened.gzip();
            consumed = 0;
            checkSize(size, gzip);
        }

        /** The data must fit in the file (plain) or in what deflate could expand the file to (gzip). */
        private void checkSize(long fileSize, boolean gz) throws NiftiException {
            long offset = layout.dataOffset();
            if (offset > Long.MAX_VALUE / 2) {
                throw new NiftiException(file, "vox_offset", "is " + offset + ", past the end of the " + fileSize + "-byte file "
                        + dataFile.getFileName());
            }
            long end = offset + layout.dataBytes(); // no overflow: dataBytes < 2^63/8 (HeaderChecks) and offset < 2^62
            if (!gz) {
                if (offset > fileSize) {
                    throw new NiftiException(file, "vox_offset", "is " + offset + ", past the end of the " + fileSize
                            + "-byte file " + dataFile.getFileName());
                }
                if (end > fileSize) {
                    throw new NiftiException(file, "dim", HeaderChecks.dims(header) + " " + layout.datatype().name().toLowerCase()
                            + " needs " + layout.dataBytes() + " data bytes from offset " + offset + ", but "
                            + dataFile.getFileName() + " has only " + (fileSize - offset) + " (truncated)");
                }
            } else {
                long most = fileSize > Long.MAX_VALUE / NiftiFiles.DEFLATE_MAX_RATIO ? Long.MAX_VALUE
                        : fileSize * NiftiFiles.DEFLATE_MAX_RATIO + 1024;
                if (offset > most) {
                    throw new NiftiException(file, "vox_offset", "is " + offset + ", past the end of anything the "
                            + fileSize + "-byte gzip file " + dataFile.getFileName() + " can hold");
                }
                if (end > most) {
                    throw new NiftiException(file, "dim", HeaderChecks.dims(header) + " " + layout.datatype().name().toLowerCase()
                            + " needs " + NiftiFiles.bytes(layout.dataBytes()) + " of data, more than the "
                            + fileSize + "-byte gzip file " + dataFile.getFileName() + " can hold (truncated or corrupt)");
                }
            }
        }

        /** The data bytes of a one-channel 8-bit volume, read straight into the result (no decoding). */
        byte[] readBytes(Progress progress) throws NiftiException {
            int n = layout.voxelsPerChannel();
            byte[] data;
            try {
                data = new byte[n];
            } catch (OutOfMemoryError e) {
                throw new NiftiException(file, "dim", memoryNeed() + ", more than is free in this Java VM (raise it with -Xmx)");
            }
            skipToData(new byte[4096]);
            int done = 0;
            while (done < n) {
                progress.checkCancelled();
                int count = Math.min(CHUNK, n - done);
                int got = read(dataFile, in, data, done, count, "data");
                if (got < count) {
                    throw truncated(done + got);
                }
                done += count;
                progress.update((double) done / n, "reading " + dataFile.getFileName());
            }
            if (gzip) {
                drain(new byte[(int) Math.min(CHUNK, Math.max(4096, n))]);
            }
            return data;
        }

        private void skipToData(byte[] buf) throws NiftiException {
            long skip = layout.dataOffset() - consumed;
            try {
                if (skip > 0 && NiftiFiles.skipUpTo(in, skip, buf) < skip) {
                    throw new NiftiException(file, "vox_offset", "is " + layout.dataOffset() + ", past the end of the data in "
                            + dataFile.getFileName());
                }
            } catch (IOException e) {
                throw ioProblem(e, "data");
            }
        }

        NiftiException truncated(long bytesRead) {
            return new NiftiException(file, "dim", "truncated data: " + dataFile.getFileName() + " ends after "
                    + bytesRead + " of the " + layout.dataBytes() + " data bytes that "
                    + HeaderChecks.dims(header) + " " + layout.datatype().name().toLowerCase() + " needs");
        }

        Object[] readData(Progress progress) throws NiftiException {
            if (!gzip && layout.channels() > 1) {
                return ChannelTasks.read(this, progress);
            }
            Object[] channels = new Object[layout.channels()];
            CompletableFuture<?>[] later = allocate(channels);
            // small files get a small buffer: many small reads (a corpus, a class table of masks) stay cheap
            byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(4096, layout.dataBytes()))];
            skipToData(buf);
            int esize = layout.datatype().bytes();
            int n = layout.voxelsPerChannel();
            long total = layout.elements();
            int perStep = buf.length / esize;
            VoxelDecoder decoder = new VoxelDecoder(layout.datatype(), header.byteOrder, layout.scaled(), header.scl_slope,
                    header.scl_inter, perStep);
            long done = 0;
            ChannelListener listener = progress instanceof ChannelListener l ? l : null;
            while (done < total) {
                progress.checkCancelled();
                int count = (int) Math.min(perStep, total - done);
                int got = read(dataFile, in, buf, 0, count * esize, "data");
                if (got < count * esize) {
                    throw truncated(done * esize + got);
                }
                int pos = 0;
                while (pos < count) {
                    int channel = (int) (done / n);
                    int offset = (int) (done % n);
                    int m = Math.min(count - pos, n - offset);
                    if (channels[channel] == null) {
                        awaitChannel(later[channel]);
                    }
                    decoder.decode(buf, pos * esize, m, channels[channel], offset);
                    pos += m;
                    done += m;
                    if (listener != null && offset + m == n) {
                        listener.channelRead(channel, channels.length, channels[channel]);
                    }
                }
                progress.update((double) done / total, "reading " + dataFile.getFileName());
            }
            if (gzip) {
                drain(buf);
            }
            return channels;
        }

        /** Reads a gzip stream to its end so the CRC and length in its trailer are checked. */
        private void drain(byte[] buf) throws NiftiException {
            try {
                while (in.read(buf, 0, buf.length) >= 0) {
                    // bounded: at most 1032 bytes per compressed byte
                }
            } catch (IOException e) {
                throw ioProblem(e, "end of the stream (its CRC-32 and length trailer)");
            }
        }

        String memoryNeed() {
            return HeaderChecks.dims(header) + " " + layout.datatype().name().toLowerCase() + " decoded as "
                    + (layout.asFloat() ? "float" : "double") + " needs " + NiftiFiles.bytes(layout.memoryBytes())
                    + " of memory";
        }

        /** A header claiming more than the heap can ever hold is refused with what it would need. */
        private void checkMaxMemory() throws NiftiException {
            long max = Runtime.getRuntime().maxMemory();
            if (layout.memoryBytes() > max) {
                throw new NiftiException(file, "dim", memoryNeed() + ", more than this Java VM may ever use ("
                        + NiftiFiles.bytes(max) + "; raise it with -Xmx)");
            }
        }

        /** Refuses (with what it would need) a read that cannot fit in the heap, after one full collection if needed. */
        void checkFree() throws NiftiException {
            long need = layout.memoryBytes();
            Runtime rt = Runtime.getRuntime();
            long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            checkMaxMemory();
            if (need > free) {
                System.gc(); // a rare, big request: worth one full collection before refusing
                free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            }
            if (need > free) {
                throw new NiftiException(file, "dim", memoryNeed() + ", but only " + NiftiFiles.bytes(free)
                        + " is free in this Java VM (raise it with -Xmx or close other volumes)");
            }
        }

        /**
         * Allocates the channels: the first now, the others on the common pool (joined by {@link #awaitChannel} when the
         * read reaches them), so the kernel faults in their fresh pages on another core while this one reads and
         * inflates the first. Returns the pending allocations by channel (null for those already done).
         */
        private CompletableFuture<?>[] allocate(Object[] channels) throws NiftiException {
            checkFree();
            CompletableFuture<?>[] later = new CompletableFuture<?>[channels.length];
            channels[0] = newChannel();
            for (int c = 1; c < channels.length; c++) {
                int k = c;
                later[c] = CompletableFuture.runAsync(() -> channels[k] = layout.asFloat()
                        ? new float[layout.voxelsPerChannel()] : new double[layout.voxelsPerChannel()]);
            }
            return later;
        }

        Object newChannel() throws NiftiException {
            try {
                return layout.asFloat() ? new float[layout.voxelsPerChannel()] : new double[layout.voxelsPerChannel()];
            } catch (OutOfMemoryError e) {
                throw new NiftiException(file, "dim", memoryNeed() + ", more than is free in this Java VM (raise it with -Xmx)");
            }
        }

        /** Waits for a channel allocated on the pool; join() publishes its array to this thread. */
        private void awaitChannel(CompletableFuture<?> f) throws NiftiException {
            try {
                f.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof OutOfMemoryError) {
                    throw new NiftiException(file, "dim", memoryNeed() + ", more than is free in this Java VM (raise it with -Xmx)");
                }
                throw e;
            }
        }

        /** Reads up to len bytes; stream problems (corrupt or truncated gzip, I/O errors) become NiftiExceptions. */
        private static int read(Path file, InputStream in, byte[] b, int off, int len, String part) throws NiftiException {
            try {
                return NiftiFiles.readUpTo(in, b, off, len);
            } catch (IOException e) {
                throw ioProblem(file, e, part, part);
            }
        }

        NiftiException ioProblem(IOException e, String part) {
            return ioProblem(dataFile, e, part.equals("data") ? "data" : "gzip", part);
        }

        /** @param part what was being read, for the message: "header", "data", "end of the stream ..." */
        private static NiftiException ioProblem(Path file, IOException e, String field, String part) {
            if (e instanceof EOFException) {
                return new NiftiException(file, "gzip", "truncated gzip stream (" + e.getMessage() + ") while reading the "
                        + part, e);
            }
            if (e instanceof ZipException) {
                return new NiftiException(file, "gzip", "corrupt gzip stream (" + e.getMessage() + ") while reading the "
                        + part, e);
            }
            return new NiftiException(file, field, "read failed: " + e.getMessage(), e);
        }

        @Override
        public void close() {
            NiftiFiles.close(in);
        }
    }
}
