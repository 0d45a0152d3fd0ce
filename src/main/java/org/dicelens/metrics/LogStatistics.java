package org.dicelens.metrics;

import org.dicelens.common.Progress;
import org.dicelens.volume.Case;

/**
 * The sums that need a logarithm per voxel, kept out of {@link CaseStatistics}' pass so that pass stays a pure
 * histogram (see docs/metrics.md for the measured costs). With p clamped to [1e-7, 1 − 1e-7] for logs (q) and
 * p_t = p where r = 1, else 1 − p:
 * <ul>
 * <li>{@code ln}: per (c, ℓ, r), Σ ln q_t, i.e. Σ ln q where r = 1 and Σ ln(1 − q) where r = 0: cross-entropy (binary,
 * multi-class, weighted) and combo are linear in these, so they never need another pass;</li>
 * <li>{@code focal}: per (c, ℓ, r), Σ (1 − p_t)^γ ln q_t for one γ (γ sits inside the per-voxel non-linearity);</li>
 * <li>{@code expLog}: per (reference class l, ℓ), Σ over voxels whose reference is l of (−ln q_l)^γ for one γ, the
 * exponential logarithmic loss's cross-entropy term before its class weights.</li>
 * </ul>
 * Arrays are prefix-summed over levels like the histograms: index [c][ℓ·2 + r] or [l][ℓ]. A part not asked for is null.
 */
public record LogStatistics(double[][] ln, double focalGamma, double[][] focal, double expLogGamma, double[][] expLog) {
    static final double LOG_FLOOR = 1e-7;
    static final double LOG_CEIL = 1 - 1e-7;

    /** p as the statistics see it: NaN and negatives to 0, above 1 to 1. */
    static double clamp01(float f) {
        return f >= 0f ? (f <= 1f ? f : 1.0) : 0.0;
    }

    /** q: p clamped for logs. */
    static double forLog(double p) {
        return p < LOG_FLOOR ? LOG_FLOOR : p > LOG_CEIL ? LOG_CEIL : p;
    }

    /**
     * One parallel pass computing the parts asked for.
     *
     * @param withLn      compute the Σ ln q_t part
     * @param focalGamma  γ of the focal part, or NaN to skip it
     * @param expLogGamma γ of the exp-log part, or NaN to skip it
     */
    public static LogStatistics compute(Case cs, EvaluationRegion region, boolean withLn, double focalGamma,
            double expLogGamma, Progress progress, double from, double to) {
        int nx = cs.geometry().nx();
        int ny = cs.geometry().ny();
        int nz = cs.geometry().nz();
        float[][] ch = cs.prediction().channels();
        byte[] ref = cs.referenceClass();
        int nc = ch.length;
        int levels = region.levelCount();
        boolean wantFocal = !Double.isNaN(focalGamma);
        boolean wantExp = !Double.isNaN(expLogGamma);
        boolean perChannel = withLn || wantFocal;
        boolean square = focalGamma == 2.0;
        int workers = Parallel.workers(nz);
        double[][][][] parts = new double[workers][][][];
        int[][] rows = new int[workers][];
        Parallel.forPlanes(nz, workers, (w, z) -> {
            if (parts[w] == null) {
                parts[w] = new double[][][] {new double[nc][levels * 2], new double[nc][levels * 2],
                    new double[nc][levels]};
                rows[w] = new int[nx];
            }
            double[][] lnAcc = parts[w][0];
            double[][] focalAcc = parts[w][1];
            double[][] expAcc = parts[w][2];
            int[] lvRow = rows[w];
            for (int y = 0; y < ny; y++) {
                region.rowLevels(y, z, lvRow);
                int base = nx * (y + ny * z);
                for (int x = 0; x < nx; x++) {
                    int i = base + x;
                    int refc = ref[i] & 0xFF;
                    int lv = lvRow[x];
                    if (wantExp && refc < nc) {
                        double q = forLog(clamp01(ch[refc][i]));
                        expAcc[refc][lv] += Math.pow(-Math.log(q), expLogGamma);
                    }
                    if (!perChannel) {
                        continue;
                    }
                    for (int c = 0; c < nc; c++) {
                        double p = clamp01(ch[c][i]);
                        double q = forLog(p);
                        int r = refc == c ? 1 : 0;
                        double lnqt = r == 1 ? Math.log(q) : Math.log(1 - q);
                        int at = lv * 2 + r;
                        lnAcc[c][at] += lnqt;
                        if (wantFocal) {
                            double u = 1 - (r == 1 ? p : 1 - p);
                            focalAcc[c][at] += (square ? u * u : Math.pow(u, focalGamma)) * lnqt;
                        }
                    }
                }
            }
        }, progress, from, to, "log sums");
        double[][][] merged = null;
        for (double[][][] p : parts) {
            if (p == null) {
                continue;
            }
            if (merged == null) {
                merged = p;
                continue;
            }
            for (int part = 0; part < 3; part++) {
                for (int c = 0; c < nc; c++) {
                    for (int j = 0; j < merged[part][c].length; j++) {
                        merged[part][c][j] += p[part][c][j];
                    }
                }
            }
        }
        prefix(merged[0], 2);
        prefix(merged[1], 2);
        prefix(merged[2], 1);
        return new LogStatistics(withLn ? merged[0] : null, focalGamma, wantFocal ? merged[1] : null, expLogGamma,
                wantExp ? merged[2] : null);
    }

    private static void prefix(double[][] arrays, int groups) {
        for (double[] a : arrays) {
            for (int j = groups; j < a.length; j++) {
                a[j] += a[j - groups];
            }
        }
    }

    /** Σ ln q_t of class c over {level ≤ lv, r}. */
    public double ln(int c, int lv, int r) {
        return ln[c][lv * 2 + r];
    }

    /** Σ (1 − p_t)^γ ln q_t of class c over {level ≤ lv, r}. */
    public double focal(int c, int lv, int r) {
        return focal[c][lv * 2 + r];
    }

    /** Σ (−ln q_l)^γ over voxels at level ≤ lv whose reference is class l. */
    public double expLog(int l, int lv) {
        return expLog[l][lv];
    }
}
