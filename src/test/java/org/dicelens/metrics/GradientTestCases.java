package org.dicelens.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;

/**
 * Test helpers shared by the gradient tests: small random cases and the loss VALUES written straight from the
 * formula sheet (shared/docs/LOSSES.md) in double precision, independent of the code under test.
 */
public final class GradientTestCases {

    private GradientTestCases() {
    }

    /** A random case: probabilities uniform in [lo, hi] per channel (not normalised), reference uniform over classes. */
    public static Case randomCase(long seed, int nx, int ny, int nz, int classes, double lo, double hi) {
        Random rnd = new Random(seed);
        Geometry g = Geometry.ofSpacing(nx, ny, nz, 1.0, 1.5, 2.0);
        int n = g.voxelCount();
        float[][] p = new float[classes][n];
        byte[] ref = new byte[n];
        for (int i = 0; i < n; i++) {
            ref[i] = (byte) rnd.nextInt(classes);
            for (int c = 0; c < classes; c++) {
                p[c][i] = (float) (lo + (hi - lo) * rnd.nextDouble());
            }
        }
        int[] labels = new int[classes];
        for (int c = 0; c < classes; c++) {
            labels[c] = c;
        }
        return new Case("random-" + seed, g, null, ref, new ProbabilityMaps(g, p, 0, List.of()), ClassTable.forLabels(labels),
                List.of());
    }

    /**
     * A random 3-class case of 9×8×7 voxels whose reference foreground (labels 1, 2) lies in the box x 3..5, y 2..4,
     * z 2..3 (background elsewhere), so that evaluation regions Ω_m grow with m until m = 5.
     */
    public static Case boxedCase(long seed) {
        Case c = randomCase(seed, 9, 8, 7, 3, 0.02, 0.98);
        Geometry g = c.geometry();
        byte[] ref = c.referenceClass();
        Random rnd = new Random(seed + 99);
        for (int z = 0; z < 7; z++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 9; x++) {
                    boolean inBox = x >= 3 && x <= 5 && y >= 2 && y <= 4 && z >= 2 && z <= 3;
                    ref[g.index(x, y, z)] = (byte) (inBox ? rnd.nextInt(3) : 0);
                }
            }
        }
        ref[g.index(3, 2, 2)] = 1; // the box's corners are foreground, so the box is exactly this
        ref[g.index(5, 4, 3)] = 2;
        return c;
    }

    /** A random region holding about {@code fraction} of the voxels (a set, tested by lookup). */
    public static IntPredicate randomRegion(long seed, int voxels, double fraction) {
        Random rnd = new Random(seed);
        boolean[] in = new boolean[voxels];
        for (int i = 0; i < voxels; i++) {
            in[i] = rnd.nextDouble() < fraction;
        }
        return i -> in[i];
    }

    public static int[] regionVoxels(int voxels, IntPredicate region) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < voxels; i++) {
            if (region == null || region.test(i)) {
                list.add(i);
            }
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The probabilities as doubles (exactly the float values), [channel][voxel]. */
    public static double[][] asDouble(Case c) {
        float[][] f = c.prediction().channels();
        double[][] d = new double[f.length][f[0].length];
        for (int l = 0; l < f.length; l++) {
            for (int i = 0; i < f[l].length; i++) {
                d[l][i] = f[l][i];
            }
        }
        return d;
    }

    /**
     * A loss value from the formula sheet, over the region voxels {@code omega}, for class k (GDL: all classes with
     * weights w). {@code wceW} is the WCE weight, held fixed by the caller.
     */
    public static double loss(GradientLoss loss, int k, double[][] p, byte[] ref, int[] omega, LossParams lp, double[] w,
            double wceW) {
        double sNr = lp.smoothNr();
        double sDr = lp.smoothDr();
        double n = omega.length;
        double i = 0, sp = 0, r = 0, p2 = 0, r2 = 0, ce = 0, wce = 0;
        for (int v : omega) {
            double q = p[k][v];
            double rv = ref[v] == k ? 1 : 0;
            i += q * rv;
            sp += q;
            r += rv;
            p2 += q * q;
            r2 += rv * rv;
            double qc = Math.min(Math.max(q, 1e-7), 1 - 1e-7);
            ce += rv * Math.log(qc) + (1 - rv) * Math.log(1 - qc);
            wce += wceW * rv * Math.log(qc) + (1 - rv) * Math.log(1 - qc);
        }
        double a = lp.tverskyAlpha();
        double b = lp.tverskyBeta();
        double t = (i + sNr) / (i + a * (sp - i) + b * (r - i) + sDr);
        switch (loss) {
            case SOFT_DICE:
                return 1 - (2 * i + sNr) / (sp + r + sDr);
            case SQUARED_DICE:
                return 1 - (2 * i + sNr) / (p2 + r2 + sDr);
            case TVERSKY:
                return 1 - t;
            case FOCAL_TVERSKY:
                return Math.pow(1 - t, 1 / lp.focalTverskyGamma());
            case CE:
                return -ce / n;
            case WCE:
                return -wce / n;
            case GDL: {
                double num = 0, den = 0;
                for (int l = 0; l < p.length; l++) {
                    double il = 0, pl = 0, rl = 0;
                    for (int v : omega) {
                        double rv = ref[v] == l ? 1 : 0;
                        il += p[l][v] * rv;
                        pl += p[l][v];
                        rl += rv;
                    }
                    num += w[l] * il;
                    den += w[l] * (pl + rl);
                }
                return 1 - (2 * num + sNr) / (den + sDr);
            }
            default:
                throw new AssertionError(loss);
        }
    }

    /** Sheet focal loss (Lin 2017): −(1/N) Σ (1 − p_t)^γ ln p_t, p clamped as for CE. */
    public static double focal(double[] p, double[] r, double gamma) {
        double s = 0;
        for (int n = 0; n < p.length; n++) {
            double q = Math.min(Math.max(p[n], 1e-7), 1 - 1e-7);
            double pt = r[n] == 1 ? q : 1 - q;
            s += Math.pow(1 - pt, gamma) * Math.log(pt);
        }
        return -s / p.length;
    }

    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    public static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
