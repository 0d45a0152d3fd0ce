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

    /**
     * Re-lays a slice given in voxel-axis order — pixel (u, w) at {@code in[u + nu·w]}, u and w the two voxel
     * axes other than the view's slice axis in increasing order, as {@code metrics.GradientMaps.slice} writes
     * it — into screen layout.
     */
    public static void fromAxisOrder(float[] in, ViewGeometry v, float[] out) {
        int w = v.width();
        int h = v.height();
        if (out.length < w * h || in.length < w * h) {
            throw new IllegalArgumentException("buffers smaller than the slice " + w + "x" + h);
        }
        // the first remaining axis (u) is screen x unless the screen-x axis is the larger of the two
        boolean xIsU = v.screenXAxis() < v.screenYAxis();
        int nu = xIsU ? w : h;
        for (int sy = 0, o = 0; sy < h; sy++) {
            int vy = v.voxelAlongY(sy);
            for (int sx = 0; sx < w; sx++) {
                int vx = v.voxelAlongX(sx);
                out[o++] = xIsU ? in[vx + nu * vy] : in[vy + nu * vx];
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
