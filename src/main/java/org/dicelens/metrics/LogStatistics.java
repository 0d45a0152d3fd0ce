package org.dicelens.metrics;

import org.dicelens.common.Progress;
import org.dicelens.volume.Case;

/**
 * The per-(class, level, r) sums of per-voxel non-linear terms, the second pass after {@link CaseStatistics}' histogram
 * pass (see docs/metrics.md for the measured costs). With p clamped to [1e-7, 1 − 1e-7] for logs (q) and
 * p_t = p where r = 1, else 1 − p:
 * <ul>
 * <li>{@code ln}: per (c, ℓ, r), Σ ln q_t, i.e. Σ ln q where r = 1 and Σ ln(1 − q) where r = 0: cross-entropy (binary,
 * multi-class, weighted) and combo are linear in these, so they never need another pass;</li>
 * <li>{@code d2}: per (c, ℓ, r), Σ(p − r)², i.e. Σp² where r = 0 and Σ(1 − p)² where r = 1 (Brier, sensitivity–
 * specificity and Σp² for the squared Dice loss, kept in this form so nothing cancels when p is near r);</li>
 * <li>{@code focal}: per (c, ℓ, r), Σ (1 − p_t)^γ ln q_t for one γ (γ sits inside the per-voxel non-linearity);</li>
 * <li>{@code expLog}: per (reference class l, ℓ), Σ over voxels whose reference is l of (−ln q_l)^γ for one γ, the
 * exponential logarithmic loss's cross-entropy term before its class weights.</li>
 * </ul>
 * Arrays are prefix-summed over levels like the histograms: index [c][ℓ·2 + r] or [l][ℓ]. A part not asked for is null.
 * <p>
 * The same pass also collects, per class, the probabilities the Dice-optimal search needs ({@code candidates}: voxels
 * whose bin is wanted by some margin level's {@link DiceOptimal.Plan}, packed as float bits &lt;&lt; 32 | level).
 */
public record LogStatistics(double[][] ln, double[][] d2, double focalGamma, double[][] focal, double expLogGamma,
        double[][] expLog, long[][] candidates) {
    static final double LOG_FLOOR = 1e-7;
    static final double LOG_CEIL = 1 - 1e-7;
    /** ln q_t of a clamped p, by r: most voxels of real maps are clamped, so their log is one of these four. */
    private static final double LN_FLOOR = Math.log(LOG_FLOOR);
    private static final double LN_ONE_MINUS_FLOOR = Math.log(1 - LOG_FLOOR);
    private static final double LN_CEIL = Math.log(LOG_CEIL);
    private static final double LN_ONE_MINUS_CEIL = Math.log(1 - LOG_CEIL);

    /** p as the statistics see it: NaN and negatives to 0, above 1 to 1 (public: the bench's naive evaluator follows it). */
    public static double clamp01(float f) {
        return f >= 0f ? (f <= 1f ? f : 1.0) : 0.0;
    }

    /** q: p clamped for logs (public: the bench's naive evaluator follows it). */
    public static double forLog(double p) {
        return p < LOG_FLOOR ? LOG_FLOOR : p > LOG_CEIL ? LOG_CEIL : p;
    }

    /**
     * One parallel pass computing the parts asked for.
     *
     * @param withLn      compute the Σ ln q_t and Σ(p − r)² parts
     * @param focalGamma  γ of the focal part, or NaN to skip it
     * @param expLogGamma γ of the exp-log part, or NaN to skip it
     */
    public static LogStatistics compute(Case cs, EvaluationRegion region, boolean withLn, double focalGamma,
            double expLogGamma, Progress progress, double from, double to) {
        return compute(cs, region, withLn, focalGamma, expLogGamma, null, progress, from, to);
    }

    /** As above, also collecting the Dice-optimal candidates of the bins wanted[c][bin] (wanted or wanted[c] null: none). */
    static LogStatistics compute(Case cs, EvaluationRegion region, boolean withLn, double focalGamma, double expLogGamma,
            boolean[][] wanted, Progress progress, double from, double to) {
        int nz = cs.geometry().nz();
        int workers = Parallel.workers(nz);
        Worker[] parts = new Worker[workers];
        Parallel.forPlanes(nz, workers, (w, z) -> {
            if (parts[w] == null) {
                parts[w] = new Worker(cs, region, withLn, focalGamma, expLogGamma, wanted);
            }
            parts[w].plane(z);
        }, progress, from, to, "log sums");
        Worker merged = null;
        for (Worker p : parts) {
            if (p == null) {
                continue;
            }
            if (merged == null) {
                merged = p;
            } else {
                merged.add(p);
            }
        }
        for (Worker p : parts) {
            if (p != null) {
                merged.foldSaturated(p);
            }
        }
        double[][][] out = {merged.ln, merged.d2, merged.focal, merged.exp};
        for (int part = 0; part < 4; part++) {
            if (out[part] != null) {
                prefix(out[part], part == 3 ? 1 : 2);
            }
        }
        long[][] candidates = null;
        if (wanted != null) {
            candidates = new long[merged.nc][];
            for (int c = 0; c < merged.nc; c++) {
                if (wanted[c] == null) {
                    continue;
                }
                int total = 0;
                for (Worker p : parts) {
                    total += p == null ? 0 : p.candidateCount[c];
                }
                long[] all = new long[total];
                int at = 0;
                for (Worker p : parts) {
                    if (p != null) {
                        System.arraycopy(p.candidates[c], 0, all, at, p.candidateCount[c]);
                        at += p.candidateCount[c];
                    }
                }
                candidates[c] = all;
            }
        }
        return new LogStatistics(merged.ln, merged.d2, focalGamma, merged.focal, expLogGamma, merged.exp, candidates);
    }

    /** One worker's sums, row by row and channel by channel like the histogram pass. */
    private static final class Worker {
        final int nx;
        final int ny;
        final int nc;
        final float[][] ch;
        final byte[] ref;
        final EvaluationRegion region;
        final double focalGamma;
        final double expLogGamma;
        final boolean square;
        final double[][] ln;
        final double[][] d2;
        final double[][] focal;
        final double[][] exp;
        final int[] lvRow;
        final double expAtCeil;
        final double expAtFloor;
        final boolean[][] wanted;
        final long[][] candidates;
        final int[] candidateCount;
        /**
         * Per (c, level): voxels with p exactly 0 where r = 0, and exactly 1 where r = 1 (most voxels of real maps:
         * float32 softmax underflows to 0 and rounds to 1). Their terms are constants, so they are counted in the loop
         * and added as count × term once, after the merge ({@link #foldSaturated}).
         */
        final long[][] zeros;
        final long[][] ones;
        /** The terms of such a voxel, worked out by the same expressions as the general path. */
        final double focalAtSaturated0;
        final double focalAtSaturated1;

        Worker(Case cs, EvaluationRegion region, boolean withLn, double focalGamma, double expLogGamma,
                boolean[][] wanted) {
            nx = cs.geometry().nx();
            ny = cs.geometry().ny();
            ch = cs.prediction().channels();
            ref = cs.referenceClass();
            nc = ch.length;
            this.region = region;
            this.focalGamma = focalGamma;
            this.expLogGamma = expLogGamma;
            square = focalGamma == 2.0;
            int levels = region.levelCount();
            ln = withLn ? new double[nc][levels * 2] : null;
            d2 = withLn ? new double[nc][levels * 2] : null;
            focal = Double.isNaN(focalGamma) ? null : new double[nc][levels * 2];
            exp = Double.isNaN(expLogGamma) ? null : new double[nc][levels];
            lvRow = new int[nx];
            expAtCeil = Math.pow(-LN_CEIL, expLogGamma);
            expAtFloor = Math.pow(-LN_FLOOR, expLogGamma);
            this.wanted = wanted;
            zeros = new long[nc][levels];
            ones = new long[nc][levels];
            // u = 1 − p_t = 0 at both: 0² (or 0^γ, 1 when γ = 0) times the clamped log
            double u0 = square ? 0.0 * 0.0 : FastMath.pow(0.0, focalGamma);
            focalAtSaturated0 = u0 * LN_ONE_MINUS_FLOOR;
            focalAtSaturated1 = u0 * LN_CEIL;
            candidates = new long[nc][];
            candidateCount = new int[nc];
            for (int c = 0; c < nc; c++) {
                candidates[c] = wanted != null && wanted[c] != null ? new long[256] : null;
            }
        }

        void plane(int z) {
            for (int y = 0; y < ny; y++) {
                region.rowLevels(y, z, lvRow);
                int base = nx * (y + ny * z);
                boolean perChannel = ln != null || focal != null;
                if (perChannel) {
                    for (int c = 0; c < nc; c++) {
                        channelRow(c, base);
                    }
                }
                if (exp != null && !perChannel) {
                    expLogRow(base); // else channelRow adds the exp-log term from the log it already took
                }
            }
        }

        /**
         * One channel along one row. Terms go straight into the (level, r) cells: measured faster than carrying them in
         * registers between cell changes (the log is the cost either way; FastMath's inlined log lets the CPU overlap
         * consecutive voxels).
         */
        private void channelRow(int c, int base) {
            final float[] p = ch[c];
            final double[] lnC = ln == null ? null : ln[c];
            final double[] d2C = d2 == null ? null : d2[c];
            final double[] focalC = focal == null ? null : focal[c];
            final double[] expC = exp == null ? null : exp[c];
            final boolean[] wantC = wanted == null ? null : wanted[c];
            // a saturated voxel whose bin is wanted for the Dice-optimal search takes the general path
            final long[] zerosC = wantC != null && wantC[0] ? null : zeros[c];
            final long[] onesC = wantC != null && wantC[Bins.COUNT - 1] ? null : ones[c];
            for (int x = 0; x < nx; x++) {
                int i = base + x;
                float f = p[i];
                int r = (ref[i] & 0xFF) == c ? 1 : 0;
                if (f == 0f && r == 0 && zerosC != null) {
                    zerosC[lvRow[x]]++;
                    continue;
                }
                if (f == 1f && r == 1 && onesC != null) {
                    onesC[lvRow[x]]++;
                    continue;
                }
                int k = lvRow[x] * 2 + r;
                double pv = clamp01(f);
                double lnqt;
                if (pv <= LOG_FLOOR) {
                    lnqt = r == 1 ? LN_FLOOR : LN_ONE_MINUS_FLOOR;
                } else if (pv >= LOG_CEIL) {
                    lnqt = r == 1 ? LN_CEIL : LN_ONE_MINUS_CEIL;
                } else {
                    lnqt = FastMath.log(r == 1 ? pv : 1 - pv);
                }
                if (lnC != null) {
                    lnC[k] += lnqt;
                    double d = pv - r;
                    d2C[k] += d * d;
                }
                if (focalC != null) {
                    double u = 1 - (r == 1 ? pv : 1 - pv);
                    focalC[k] += (square ? u * u : FastMath.pow(u, focalGamma)) * lnqt;
                }
                if (expC != null && r == 1) {
                    // the reference class's (−ln q)^γ; the clamped ends are constants
                    expC[lvRow[x]] += lnqt == LN_CEIL ? expAtCeil : lnqt == LN_FLOOR ? expAtFloor
                            : FastMath.pow(-lnqt, expLogGamma);
                }
                if (wantC != null && wantC[Bins.ofFloat((float) pv)]) {
                    collect(c, (long) Float.floatToRawIntBits((float) pv) << 32 | lvRow[x]);
                }
            }
        }

        private void collect(int c, long key) {
            long[] a = candidates[c];
            int n = candidateCount[c];
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, 2 * n);
                candidates[c] = a;
            }
            a[n] = key;
            candidateCount[c] = n + 1;
        }

        private void expLogRow(int base) {
            int cls = -1;
            int lv = -1;
            double s = 0;
            for (int x = 0; x < nx; x++) {
                int i = base + x;
                int refc = ref[i] & 0xFF;
                if (refc >= nc) {
                    continue;
                }
                if (refc != cls || lvRow[x] != lv) {
                    if (cls >= 0) {
                        exp[cls][lv] += s;
                    }
                    cls = refc;
                    lv = lvRow[x];
                    s = 0;
                }
                double q = forLog(clamp01(ch[refc][i]));
                s += FastMath.pow(-FastMath.log(q), expLogGamma);
            }
            if (cls >= 0) {
                exp[cls][lv] += s;
            }
        }

        /**
         * Adds worker o's saturated voxels as count × term: p = 0, r = 0 gives ln(1 − q) at the floor, (p − r)² = 0
         * and the focal term at u = 0; p = 1, r = 1 gives ln q at the ceiling, 0, the focal term at u = 0 and the
         * exp-log term at the ceiling. Called once per worker, in worker order, so the sums do not depend on timing.
         */
        void foldSaturated(Worker o) {
            for (int c = 0; c < nc; c++) {
                for (int lv = 0; lv < o.zeros[c].length; lv++) {
                    long n0 = o.zeros[c][lv];
                    long n1 = o.ones[c][lv];
                    if (n0 > 0) {
                        if (ln != null) {
                            ln[c][lv * 2] += n0 * LN_ONE_MINUS_FLOOR;
                        }
                        if (focal != null) {
                            focal[c][lv * 2] += n0 * focalAtSaturated0;
                        }
                    }
                    if (n1 > 0) {
                        if (ln != null) {
                            ln[c][lv * 2 + 1] += n1 * LN_CEIL;
                        }
                        if (focal != null) {
                            focal[c][lv * 2 + 1] += n1 * focalAtSaturated1;
                        }
                        if (exp != null) {
                            exp[c][lv] += n1 * expAtCeil;
                        }
                    }
                }
            }
        }

        void add(Worker o) {
            addAll(ln, o.ln);
            addAll(d2, o.d2);
            addAll(focal, o.focal);
            addAll(exp, o.exp);
        }

        private static void addAll(double[][] a, double[][] b) {
            if (a == null) {
                return;
            }
            for (int c = 0; c < a.length; c++) {
                for (int j = 0; j < a[c].length; j++) {
                    a[c][j] += b[c][j];
                }
            }
        }
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

    /** Σ(p − r)² of class c over {level ≤ lv, r}. */
    public double d2(int c, int lv, int r) {
        return d2[c][lv * 2 + r];
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
