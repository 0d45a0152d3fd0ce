package org.dicelens.phantom;

import org.dicelens.volume.Geometry;

/**
 * The mean over a box around each voxel, clipped to the volume: the smoothing of the phantoms' rater fields and of the
 * lab model's image features.
 */
public final class BoxMean {

    private BoxMean() {
    }

    /** A half-width in mm as whole voxels along each axis (rounded). */
    public static int[] halfWidths(Geometry g, double mm) {
        double[] s = g.spacing();
        return new int[] {(int) Math.round(mm / s[0]), (int) Math.round(mm / s[1]), (int) Math.round(mm / s[2])};
    }

    /** Mean over the box of half-widths h (voxels) around each voxel, clipped to the volume; separable, O(n). */
    public static float[] of(Geometry g, float[] v, int[] h) {
        double[] cur = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            cur[i] = v[i];
        }
        int[] dims = g.dims();
        int[] stride = {1, dims[0], dims[0] * dims[1]};
        for (int axis = 0; axis < 3; axis++) {
            if (h[axis] == 0) {
                continue;
            }
            double[] out = new double[v.length];
            int len = dims[axis];
            double[] prefix = new double[len + 1];
            int a1 = (axis + 1) % 3;
            int a2 = (axis + 2) % 3;
            for (int j = 0; j < dims[a2]; j++) {
                for (int k = 0; k < dims[a1]; k++) {
                    int base = j * stride[a2] + k * stride[a1];
                    for (int t = 0; t < len; t++) {
                        prefix[t + 1] = prefix[t] + cur[base + t * stride[axis]];
                    }
                    for (int t = 0; t < len; t++) {
                        int lo = Math.max(0, t - h[axis]);
                        int hi = Math.min(len - 1, t + h[axis]);
                        out[base + t * stride[axis]] = (prefix[hi + 1] - prefix[lo]) / (hi - lo + 1);
                    }
                }
            }
            cur = out;
        }
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) cur[i];
        }
        return f;
    }
}
