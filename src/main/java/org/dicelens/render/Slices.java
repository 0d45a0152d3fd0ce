package org.dicelens.render;

/**
 * Copies one slice of a volume into a caller-provided buffer laid out as the screen shows it
 * (row-major: index sy·width + sx). No allocation: the caller reuses its buffers frame after frame.
 */
public final class Slices {
    private Slices() {
    }

    public static void extract(float[] volume, ViewGeometry v, int slice, float[] out) {
        int w = v.width();
        int h = v.height();
        check(v, slice, out.length);
        int dx = v.indexStrideX();
        int dy = v.indexStrideY();
        int row = v.voxelIndex(0, 0, slice);
        for (int sy = 0, o = 0; sy < h; sy++, row += dy) {
            for (int sx = 0, i = row; sx < w; sx++, i += dx) {
                out[o++] = volume[i];
            }
        }
    }

    public static void extract(byte[] volume, ViewGeometry v, int slice, byte[] out) {
        int w = v.width();
        int h = v.height();
        check(v, slice, out.length);
        int dx = v.indexStrideX();
        int dy = v.indexStrideY();
        int row = v.voxelIndex(0, 0, slice);
        for (int sy = 0, o = 0; sy < h; sy++, row += dy) {
            for (int sx = 0, i = row; sx < w; sx++, i += dx) {
                out[o++] = volume[i];
            }
        }
    }

    /** The flat voxel index of every slice pixel, for callers that compute per-voxel values lazily. */
    public static void indices(ViewGeometry v, int slice, int[] out) {
        int w = v.width();
        int h = v.height();
        check(v, slice, out.length);
        int dx = v.indexStrideX();
        int dy = v.indexStrideY();
        int row = v.voxelIndex(0, 0, slice);
        for (int sy = 0, o = 0; sy < h; sy++, row += dy) {
            for (int sx = 0, i = row; sx < w; sx++, i += dx) {
                out[o++] = i;
            }
        }
    }

    private static void check(ViewGeometry v, int slice, int outLength) {
        if (slice < 0 || slice >= v.sliceCount()) {
            throw new IndexOutOfBoundsException("slice " + slice + " of " + v.sliceCount() + " (" + v.view() + ")");
        }
        if (outLength < v.width() * v.height()) {
            throw new IllegalArgumentException("buffer of " + outLength + " < slice " + v.width() + "x" + v.height());
        }
    }
}
