package org.dicelens.npz;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;

/**
 * Reads one {@code .npy} array (a file, or a stream from an archive) into an {@link NpyArray}. The element count
 * the header declares is checked against the bytes really there (when the caller knows them) and against a memory
 * cap before anything is allocated, and no more than that many bytes are ever read, so a hostile header or a
 * zip bomb costs at most the cap.
 */
public final class NpyReader {
    /** The largest Java array. */
    static final long MAX_SLAB = Integer.MAX_VALUE - 8;
    /** Bytes per slab beyond its values (array header, padding, reference), counted so that a shape like (10^9, 0) cannot allocate a billion slabs. */
    private static final long SLAB_OVERHEAD = 32;
    private static final int CHUNK = 1 << 16;

    private NpyReader() {
    }

    /** The default memory cap: half of what this JVM may hold. */
    public static long defaultMaxBytes() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    /** Reads a .npy file with the default cap. */
    public static NpyArray read(Path file, Progress progress) throws InputException {
        return read(file, defaultMaxBytes(), progress);
    }

    public static NpyArray read(Path file, long maxBytes, Progress progress) throws InputException {
        try (InputStream in = Files.newInputStream(file)) {
            String name = String.valueOf(file.getFileName());
            return read(in, Files.size(file), maxBytes, stripNpy(name), progress);
        } catch (NpyFormatException e) {
            throw new InputException(file, e.field(), e.getMessage());
        } catch (IOException e) {
            throw new InputException(file, null, "cannot read the .npy file: " + e.getMessage(), e);
        }
    }

    static String stripNpy(String name) {
        return name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
    }

    /**
     * Reads one array from {@code in}.
     *
     * @param length the stream's true length in bytes, or -1 when unknown (then the data must end where the shape
     *               says, checked by reading one byte past it)
     * @param maxBytes the most memory the array may take as floats
     */
    static NpyArray read(InputStream raw, long length, long maxBytes, String name, Progress progress)
            throws NpyFormatException, IOException {
        Progress p = progress == null ? Progress.NONE : progress;
        InputStream in = new BufferedInputStream(raw, CHUNK);
        NpyHeader h = header(in);
        NpyDtype.Parsed[] dt = new NpyDtype.Parsed[1];
        String refused = NpyDtype.parse(h.descr(), dt);
        if (refused != null) {
            throw new NpyFormatException("descr", refused);
        }
        long count = count(h.shape());
        int size = dt[0].type().size;
        long dataBytes = count < 0 ? -1 : multiply(count, size);
        if (length >= 0 && dataBytes >= 0 && dataBytes != length - h.dataOffset()) {
            long have = Math.max(0, length - h.dataOffset());
            throw new NpyFormatException("shape", "the header declares shape " + h.shapeText() + " of " + dt[0].type().label()
                    + " (" + dataBytes + " bytes of data) but " + have + " bytes follow the header"
                    + (have < dataBytes ? " (truncated)" : ""));
        }
        long slabs = h.shape().length == 0 ? 1 : h.shape()[0];
        long need = count < 0 ? -1 : multiply(count, 4);
        if (need >= 0) {
            need = add(need, multiply(slabs, SLAB_OVERHEAD));
        }
        if (count < 0 || need < 0 || need > maxBytes) {
            throw new NpyFormatException("shape", "the header declares shape " + h.shapeText() + ": "
                    + (count < 0 ? "more values than can be counted" : count + " values")
                    + ", more than the " + (maxBytes >> 20) + " MiB DiceLens may use for one array (raise -Xmx to read it)");
        }
        long slabLength = slabs == 0 ? 0 : count / slabs;
        if (slabLength > MAX_SLAB) {
            throw new NpyFormatException("shape", "the header declares shape " + h.shapeText() + ": " + slabLength
                    + " values per slice of the first axis, more than one Java array holds");
        }
        float[][] out = new float[(int) slabs][(int) slabLength];
        decode(in, h, dt[0], out, count, p, "reading " + name);
        if (in.read() >= 0) {
            throw new NpyFormatException("shape", "more data follows than the shape " + h.shapeText() + " declares");
        }
        return new NpyArray(name, h.descr(), h.shape(), h.fortranOrder(), out);
    }

    /** The .npy header (magic, version, dict) at the start of {@code in}; the stream is left at the data. */
    static NpyHeader header(InputStream in) throws NpyFormatException, IOException {
        byte[] pre = new byte[12];
        if (in.readNBytes(pre, 0, 8) < 8) {
            throw new NpyFormatException("magic", "the file ends before the .npy header (truncated or empty)");
        }
        int preamble = NpyHeader.preambleLength(pre);
        if (in.readNBytes(pre, 8, preamble - 8) < preamble - 8) {
            throw new NpyFormatException("header", "the file ends inside the .npy header (truncated)");
        }
        int dictLength = NpyHeader.dictLength(pre);
        byte[] dict = in.readNBytes(dictLength);
        if (dict.length < dictLength) {
            throw new NpyFormatException("header", "the file ends inside the .npy header (truncated): " + dict.length
                    + " of " + dictLength + " header bytes");
        }
        return NpyHeader.parse(dict, pre[6], preamble + (long) dictLength);
    }

    /** Reads {@code count} elements into the slabs, C order within each slab, from C or Fortran storage order. */
    private static void decode(InputStream in, NpyHeader h, NpyDtype.Parsed dt, float[][] out, long count, Progress p,
            String message)
            throws IOException, NpyFormatException {
        int size = dt.type().size;
        boolean big = dt.order() == java.nio.ByteOrder.BIG_ENDIAN;
        byte[] buf = new byte[(CHUNK / size) * size];
        Cursor cursor = h.fortranOrder() && h.shape().length > 1 ? new FortranCursor(h.shape()) : new CCursor(out);
        long done = 0;
        while (done < count) {
            p.checkCancelled();
            int want = (int) Math.min(buf.length, (count - done) * size);
            int got = in.readNBytes(buf, 0, want);
            if (got < want) {
                throw new NpyFormatException("shape", "the data ends after " + (done + got / size) + " of the " + count
                        + " values the shape " + h.shapeText() + " declares (truncated)");
            }
            for (int off = 0; off < got; off += size) {
                cursor.put(out, dt.type().decode(buf, off, big));
            }
            done += got / size;
            p.update((double) done / count, message);
        }
    }

    /** Where the next stored element goes. */
    private interface Cursor {
        void put(float[][] out, float v);
    }

    /** C order: slab after slab, each filled in sequence. */
    private static final class CCursor implements Cursor {
        private int slab;
        private int pos;
        private final int slabLength;

        CCursor(float[][] out) {
            slabLength = out.length == 0 ? 0 : out[0].length;
        }

        @Override
        public void put(float[][] out, float v) {
            out[slab][pos++] = v;
            if (pos == slabLength) {
                pos = 0;
                slab++;
            }
        }
    }

    /** Fortran order: the first axis varies fastest; the C offset within the slab is kept incrementally. */
    private static final class FortranCursor implements Cursor {
        private final long[] shape;
        private final long[] index;
        private final long[] cStride;
        private long offset;

        FortranCursor(long[] shape) {
            this.shape = shape;
            this.index = new long[shape.length];
            this.cStride = new long[shape.length];
            long s = 1;
            for (int k = shape.length - 1; k >= 1; k--) {
                cStride[k] = s;
                s *= shape[k];
            }
        }

        @Override
        public void put(float[][] out, float v) {
            out[(int) index[0]][(int) offset] = v;
            for (int k = 0; k < shape.length; k++) {
                index[k]++;
                if (k > 0) {
                    offset += cStride[k];
                }
                if (index[k] < shape[k]) {
                    return;
                }
                index[k] = 0;
                if (k > 0) {
                    offset -= cStride[k] * shape[k];
                }
            }
        }
    }

    /** The product of the shape, or -1 when it overflows a long. */
    static long count(long[] shape) {
        long c = 1;
        for (long d : shape) {
            c = multiply(c, d);
            if (c < 0) {
                return -1;
            }
        }
        return c;
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    private static long add(long a, long b) {
        try {
            return b < 0 ? -1 : Math.addExact(a, b);
        } catch (ArithmeticException e) {
            return -1;
        }
    }
}
