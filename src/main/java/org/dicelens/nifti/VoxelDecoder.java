package org.dicelens.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes runs of stored values into a channel's float[] or double[], applying scl_slope/scl_inter in double
 * (value = stored * slope + inter, multiply skipped when slope is 1 and add skipped when inter is 0, exactly as
 * nibabel's get_fdata does). One switch per run, then a tight monomorphic loop: no per-voxel calls or objects.
 */
final class VoxelDecoder {
    private final NiftiDatatype type;
    private final ByteOrder order;
    private final boolean scaled;
    private final double slope;
    private final double inter;
    private final int maxRun;
    private short[] shorts;
    private int[] ints;
    private long[] longs;
    private float[] floats;

    /** @param maxRun the largest count one {@link #decode} call will ask for (sizes the scratch arrays) */
    VoxelDecoder(NiftiDatatype type, ByteOrder order, boolean scaled, double slope, double inter, int maxRun) {
        this.type = type;
        this.order = order;
        this.scaled = scaled;
        this.slope = scaled ? slope : 1;
        this.inter = scaled ? inter : 0;
        this.maxRun = maxRun;
    }

    /** Decodes count values starting at src[srcOff] into dst (float[] or double[]) from dstOff. */
    void decode(byte[] src, int srcOff, int count, Object dst, int dstOff) {
        ByteBuffer bb = ByteBuffer.wrap(src, srcOff, count * type.bytes()).slice().order(order);
        if (dst instanceof float[] f) {
            decodeFloat(src, srcOff, bb, count, f, dstOff);
        } else {
            double[] d = (double[]) dst;
            decodeDouble(src, srcOff, bb, count, d, dstOff);
            if (scaled) {
                scale(d, dstOff, count);
            }
        }
    }

    /** Unscaled float32 and integers of at most 16 bits: float is exact. */
    private void decodeFloat(byte[] src, int off, ByteBuffer bb, int n, float[] f, int at) {
        switch (type) {
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    f[at + i] = src[off + i] & 0xFF;
                }
            }
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    f[at + i] = src[off + i];
                }
            }
            case INT16 -> {
                short[] s = shorts(n, bb);
                for (int i = 0; i < n; i++) {
                    f[at + i] = s[i];
                }
            }
            case UINT16 -> {
                short[] s = shorts(n, bb);
                for (int i = 0; i < n; i++) {
                    f[at + i] = s[i] & 0xFFFF;
                }
            }
            case FLOAT32 -> bb.asFloatBuffer().get(f, at, n);
            default -> throw new IllegalStateException("float output for " + type);
        }
    }

    private void decodeDouble(byte[] src, int off, ByteBuffer bb, int n, double[] d, int at) {
        switch (type) {
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    d[at + i] = src[off + i] & 0xFF;
                }
            }
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    d[at + i] = src[off + i];
                }
            }
            case INT16 -> {
                short[] s = shorts(n, bb);
                for (int i = 0; i < n; i++) {
                    d[at + i] = s[i];
                }
            }
            case UINT16 -> {
                short[] s = shorts(n, bb);
                for (int i = 0; i < n; i++) {
                    d[at + i] = s[i] & 0xFFFF;
                }
            }
            case INT32 -> {
                int[] v = ints(n, bb);
                for (int i = 0; i < n; i++) {
                    d[at + i] = v[i];
                }
            }
            case UINT32 -> {
                int[] v = ints(n, bb);
                for (int i = 0; i < n; i++) {
                    d[at + i] = v[i] & 0xFFFFFFFFL;
                }
            }
            case INT64 -> {
                long[] v = longs(n, bb);
                for (int i = 0; i < n; i++) {
                    d[at + i] = v[i];
                }
            }
            case UINT64 -> {
                long[] v = longs(n, bb);
                for (int i = 0; i < n; i++) {
                    d[at + i] = unsignedToDouble(v[i]);
                }
            }
            case FLOAT32 -> {
                if (floats == null) {
                    floats = new float[maxRun];
                }
                bb.asFloatBuffer().get(floats, 0, n);
                for (int i = 0; i < n; i++) {
                    d[at + i] = floats[i];
                }
            }
            case FLOAT64 -> bb.asDoubleBuffer().get(d, at, n);
            default -> throw new IllegalStateException("unknown type " + type);
        }
    }

    private void scale(double[] d, int at, int n) {
        if (slope != 1) {
            for (int i = at; i < at + n; i++) {
                d[i] *= slope;
            }
        }
        if (inter != 0) {
            for (int i = at; i < at + n; i++) {
                d[i] += inter;
            }
        }
    }

    /** Correctly rounded uint64 to double (halve keeping the sticky bit, convert, double). */
    static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        return ((double) ((v >>> 1) | (v & 1))) * 2.0;
    }

    private short[] shorts(int n, ByteBuffer bb) {
        if (shorts == null) {
            shorts = new short[maxRun];
        }
        bb.asShortBuffer().get(shorts, 0, n);
        return shorts;
    }

    private int[] ints(int n, ByteBuffer bb) {
        if (ints == null) {
            ints = new int[maxRun];
        }
        bb.asIntBuffer().get(ints, 0, n);
        return ints;
    }

    private long[] longs(int n, ByteBuffer bb) {
        if (longs == null) {
            longs = new long[maxRun];
        }
        bb.asLongBuffer().get(longs, 0, n);
        return longs;
    }
}
