package org.dicelens.lab.training;

import java.util.List;
import org.dicelens.phantom.BoxMean;
import org.dicelens.volume.Geometry;

/**
 * Local image features per voxel for the logistic-regression model, as in Bertels et al.'s weak model: the
 * intensity, box means at three scales, the gradient magnitude of the finest mean and the local standard deviation.
 * Scales are in mm, so anisotropic voxels get fewer neighbours along their long axis. Boxes are clipped at the
 * volume's edge (the mean of the voxels inside).
 */
public final class Features {

    /** Half-widths of the box means in mm. */
    static final double[] SCALES_MM = {1.5, 3, 6};

    public static final List<String> NAMES = List.of("intensity", "mean 1.5 mm", "mean 3 mm", "mean 6 mm",
            "gradient magnitude", "sd 3 mm");

    private Features() {
    }

    public static int count() {
        return NAMES.size();
    }

    /** The raw features of an image, float[feature][voxel]. */
    public static float[][] compute(Geometry g, float[] image) {
        int n = g.voxelCount();
        float[][] f = new float[count()][];
        f[0] = image.clone();
        for (int s = 0; s < SCALES_MM.length; s++) {
            f[1 + s] = BoxMean.of(g, image, BoxMean.halfWidths(g, SCALES_MM[s]));
        }
        f[4] = gradientMagnitude(g, f[1]);
        float[] sqr = new float[n];
        for (int i = 0; i < n; i++) {
            sqr[i] = image[i] * image[i];
        }
        float[] m2 = BoxMean.of(g, sqr, BoxMean.halfWidths(g, SCALES_MM[1]));
        float[] sd = new float[n];
        for (int i = 0; i < n; i++) {
            double m = f[2][i];
            sd[i] = (float) Math.sqrt(Math.max(0, m2[i] - m * m));
        }
        f[5] = sd;
        return f;
    }

    /** |∇v| in intensity per mm by central differences (one-sided at the edges; 0 along an axis of length 1). */
    static float[] gradientMagnitude(Geometry g, float[] v) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        double[] s = g.spacing();
        float[] out = new float[v.length];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double gx = diff(v, g, x, y, z, 0, nx) / s[0];
                    double gy = diff(v, g, x, y, z, 1, ny) / s[1];
                    double gz = diff(v, g, x, y, z, 2, nz) / s[2];
                    out[g.index(x, y, z)] = (float) Math.sqrt(gx * gx + gy * gy + gz * gz);
                }
            }
        }
        return out;
    }

    private static double diff(float[] v, Geometry g, int x, int y, int z, int axis, int len) {
        if (len == 1) {
            return 0;
        }
        int[] c = {x, y, z};
        int t = c[axis];
        int lo = Math.max(0, t - 1);
        int hi = Math.min(len - 1, t + 1);
        c[axis] = lo;
        double a = v[g.index(c[0], c[1], c[2])];
        c[axis] = hi;
        double b = v[g.index(c[0], c[1], c[2])];
        return (b - a) / (hi - lo);
    }

    /** Per-feature mean and standard deviation of a training set, applied to every set so the weights compare. */
    public record Standardisation(double[] mean, double[] sd) {

        public static Standardisation of(List<float[][]> sets) {
            int f = sets.get(0).length;
            double[] mean = new double[f];
            double[] sd = new double[f];
            for (int k = 0; k < f; k++) {
                double s = 0;
                double s2 = 0;
                long n = 0;
                for (float[][] set : sets) {
                    for (float v : set[k]) {
                        s += v;
                        s2 += (double) v * v;
                        n++;
                    }
                }
                mean[k] = s / n;
                double var = Math.max(0, s2 / n - mean[k] * mean[k]);
                sd[k] = var > 0 ? Math.sqrt(var) : 1;
            }
            return new Standardisation(mean, sd);
        }

        /** (x − mean)/sd in place. */
        public float[][] apply(float[][] features) {
            for (int k = 0; k < features.length; k++) {
                float[] fk = features[k];
                for (int i = 0; i < fk.length; i++) {
                    fk[i] = (float) ((fk[i] - mean[k]) / sd[k]);
                }
            }
            return features;
        }
    }
}
