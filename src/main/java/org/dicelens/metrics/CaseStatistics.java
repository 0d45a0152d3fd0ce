package org.dicelens.metrics;

import java.util.concurrent.CancellationException;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;

/**
 * The sufficient statistics of a case, built in ONE parallel pass over the voxels. Per class c, split by reference value
 * r ∈ {0,1}, by probability bin k (see {@link Bins}) and by evaluation-region margin level ℓ:
 * <ul>
 * <li>counts, and Σp per (ℓ, k) (both r together: reliability and the Dice-optimal search need no split by r);</li>
 * <li>per (ℓ, r): Σp and Σ(p − r)² (that is Σp² where r = 0 and Σ(1−p)² where r = 1: kept in this form so that
 * Brier and sensitivity–specificity have no cancellation when p is near r);</li>
 * <li>argmax mode: per argmax channel a, counts of the max p's bin over all voxels, over voxels whose reference is a,
 * and over voxels whose reference is the background channel, so any confidence floor c = k/1000 is exact.</li>
 * </ul>
 * After merging the workers' partials, counts are made cumulative: prefix over levels (ℓ' &le; ℓ) and suffix over bins
 * (k' &ge; k), so every count query is one array read; sums are prefix-summed over levels only (a sum over a bin range
 * read as a difference of suffix sums would lose the small bins' digits). Probabilities outside [0,1] are clamped (and counted); NaN is
 * rejected. The log terms live in {@link LogStatistics} (a second pass, see docs/metrics.md).
 */
public final class CaseStatistics {
    static final int B = Bins.COUNT;

    private final int classes;
    private final int levels;
    private final int background;
    /** [c][(ℓ·2 + r)·B + k]: #{level ≤ ℓ, r, bin ≥ k}. */
    private final int[][] count;
    /** [c][ℓ·B + k]: Σp over {level ≤ ℓ, bin = k} (not summed over bins: a bin range's sum is then free of cancellation). */
    private final double[][] sum;
    /** [c][ℓ·2 + r]: Σp and Σ(p − r)² over {level ≤ ℓ, r}. */
    private final double[][] sumP;
    private final double[][] sumD2;
    /** [a][ℓ·B + k]: argmax channel a with max-p bin ≥ k, level ≤ ℓ; all voxels / reference = a / reference = bg. */
    private final int[][] amAll;
    private final int[][] amRef;
    private final int[][] amBg;
    private final long clamped;

    private CaseStatistics(Partial merged, int background) {
        this.classes = merged.classes;
        this.levels = merged.levels;
        this.background = background;
        this.count = merged.count;
        this.sum = merged.sum;
        this.sumP = merged.sumP;
        this.sumD2 = merged.sumD2;
        this.amAll = merged.amAll;
        this.amRef = merged.amRef;
        this.amBg = merged.amBg;
        this.clamped = merged.clamped;
    }

    /**
     * The pass: planes are shared among the cores, each worker fills its own partial histograms, which are then merged
     * and made cumulative.
     *
     * @throws CancellationException when cancelled
     * @throws IllegalArgumentException on a NaN probability (the loader rejects them; a hand-made case may not)
     */
    public static CaseStatistics compute(Case c, EvaluationRegion region, Progress progress, double from, double to) {
        int nz = c.geometry().nz();
        int workers = Parallel.workers(nz);
        int bg = c.classes().backgroundChannel();
        Partial[] parts = new Partial[workers];
        Parallel.forPlanes(nz, workers, (w, z) -> {
            if (parts[w] == null) {
                parts[w] = new Partial(c, region, bg);
            }
            parts[w].plane(z);
        }, progress, from, to, "statistics");
        Partial merged = null;
        for (Partial p : parts) {
            if (p == null) {
                continue;
            }
            if (p.nan > 0) {
                throw new IllegalArgumentException(c.name() + ": " + p.nan + " NaN probabilities (first in channel "
                        + p.nanChannel + ")");
            }
            if (merged == null) {
                merged = p;
            } else {
                merged.add(p);
            }
        }
        merged.makeCumulative();
        return new CaseStatistics(merged, bg);
    }

    public int classCount() {
        return classes;
    }

    public int levelCount() {
        return levels;
    }

    /** Channel of label 0, or −1. */
    public int backgroundChannel() {
        return background;
    }

    /** Probabilities this pass clamped into [0,1]. */
    public long clampedValues() {
        return clamped;
    }

    /** #{level ≤ lv, reference flag r for class c, bin ≥ k}; k = 1001 gives 0. */
    public long count(int c, int lv, int r, int k) {
        return k >= B ? 0 : count[c][(lv * 2 + r) * B + k];
    }

    /** #{level ≤ lv, bin ≥ k} for class c (the threshold-mode predicted count at t = k/1000). */
    public long predicted(int c, int lv, int k) {
        return count(c, lv, 0, k) + count(c, lv, 1, k);
    }

    /** |Ω| for level index lv. */
    public long voxels(int lv) {
        return predicted(0, lv, 0);
    }

    /** R: reference voxels of class c at level ≤ lv. */
    public long reference(int c, int lv) {
        return count(c, lv, 1, 0);
    }

    /** Σp of class c over {level ≤ lv, bin = k}. */
    public double sumInBin(int c, int lv, int k) {
        return sum[c][lv * B + k];
    }

    /** Σp of class c over {level ≤ lv, k ≤ bin &lt; end}, summed from the top bin down. */
    public double sumInBins(int c, int lv, int k, int end) {
        double s = 0;
        int o = lv * B;
        for (int b = Math.min(end, B) - 1; b >= k; b--) {
            s += sum[c][o + b];
        }
        return s;
    }

    /** Σp of class c over {level ≤ lv, bin ≥ k}. */
    public double sumAtLeast(int c, int lv, int k) {
        return sumInBins(c, lv, k, B);
    }

    /** Σp of class c over {level ≤ lv, r}. */
    public double sumP(int c, int lv, int r) {
        return sumP[c][lv * 2 + r];
    }

    /** Σ(p − r)² of class c over {level ≤ lv, r}. */
    public double sumD2(int c, int lv, int r) {
        return sumD2[c][lv * 2 + r];
    }

    /** Voxels at level ≤ lv whose argmax channel is a and whose max p has bin ≥ k. */
    public long argmaxAll(int a, int lv, int k) {
        return k >= B ? 0 : amAll[a][lv * B + k];
    }

    /** As {@link #argmaxAll} over voxels whose reference channel is a. */
    public long argmaxRef(int a, int lv, int k) {
        return k >= B ? 0 : amRef[a][lv * B + k];
    }

    /** As {@link #argmaxAll} over voxels whose reference channel is the background channel (0 without one). */
    public long argmaxBg(int a, int lv, int k) {
        return k >= B || amBg == null ? 0 : amBg[a][lv * B + k];
    }

    /** One worker's histograms (raw while filling, cumulative after {@link #makeCumulative}). */
    private static final class Partial {
        final int classes;
        final int levels;
        final int nx;
        final int ny;
        final float[][] ch;
        final byte[] ref;
        final EvaluationRegion region;
        final int bg;
        final int[][] count;
        final double[][] sum;
        final double[][] sumP;
        final double[][] sumD2;
        final int[][] amAll;
        final int[][] amRef;
        final int[][] amBg;
        final int[] rowLevels;
        long clamped;
        long nan;
        int nanChannel = -1;

        Partial(Case c, EvaluationRegion region, int bg) {
            this.ch = c.prediction().channels();
            this.ref = c.referenceClass();
            this.region = region;
            this.bg = bg;
            this.classes = ch.length;
            this.levels = region.levelCount();
            this.nx = c.geometry().nx();
            this.ny = c.geometry().ny();
            count = new int[classes][levels * 2 * B];
            sum = new double[classes][levels * B];
            sumP = new double[classes][levels * 2];
            sumD2 = new double[classes][levels * 2];
            amAll = new int[classes][levels * B];
            amRef = new int[classes][levels * B];
            amBg = bg >= 0 ? new int[classes][levels * B] : null;
            rowLevels = new int[nx];
        }

        void plane(int z) {
            final int nc = classes;
            for (int y = 0; y < ny; y++) {
                region.rowLevels(y, z, rowLevels);
                int base = nx * (y + ny * z);
                for (int x = 0; x < nx; x++) {
                    int i = base + x;
                    int lv = rowLevels[x];
                    int refc = ref[i] & 0xFF;
                    int lvB = lv * B;
                    int best = 0;
                    double bestP = -1;
                    int bestBin = 0;
                    for (int c = 0; c < nc; c++) {
                        float f = ch[c][i];
                        if (!(f >= 0f && f <= 1f)) {
                            f = clampRare(f, c);
                        }
                        double p = f;
                        int bin = Bins.of(p);
                        int r = refc == c ? 1 : 0;
                        int lr = lv * 2 + r;
                        count[c][lr * B + bin]++;
                        sum[c][lvB + bin] += p;
                        sumP[c][lr] += p;
                        double d = p - r;
                        sumD2[c][lr] += d * d;
                        if (p > bestP) {
                            bestP = p;
                            best = c;
                            bestBin = bin;
                        }
                    }
                    int at = lvB + bestBin;
                    amAll[best][at]++;
                    if (refc == best) {
                        amRef[best][at]++;
                    }
                    if (refc == bg) {
                        amBg[best][at]++;
                    }
                }
            }
        }

        private float clampRare(float f, int c) {
            if (Float.isNaN(f)) {
                if (nan++ == 0) {
                    nanChannel = c;
                }
                return 0f;
            }
            clamped++;
            return f < 0f ? 0f : 1f;
        }

        void add(Partial o) {
            for (int c = 0; c < classes; c++) {
                addInto(count[c], o.count[c]);
                addInto(sum[c], o.sum[c]);
                addInto(sumP[c], o.sumP[c]);
                addInto(sumD2[c], o.sumD2[c]);
                addInto(amAll[c], o.amAll[c]);
                addInto(amRef[c], o.amRef[c]);
                if (amBg != null) {
                    addInto(amBg[c], o.amBg[c]);
                }
            }
            clamped += o.clamped;
        }

        void makeCumulative() {
            for (int c = 0; c < classes; c++) {
                cumulate(count[c], levels, 2);
                prefixLevels(sum[c], levels, B);
                prefixLevels(sumP[c], levels, 2);
                prefixLevels(sumD2[c], levels, 2);
                cumulate(amAll[c], levels, 1);
                cumulate(amRef[c], levels, 1);
                if (amBg != null) {
                    cumulate(amBg[c], levels, 1);
                }
            }
        }
    }

    private static void addInto(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }

    private static void addInto(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }

    /** Layout [(ℓ·groups + g)·B + k]: suffix over k, then prefix over ℓ. */
    private static void cumulate(int[] a, int levels, int groups) {
        for (int row = 0; row < levels * groups; row++) {
            int o = row * B;
            for (int k = B - 2; k >= 0; k--) {
                a[o + k] += a[o + k + 1];
            }
        }
        int stride = groups * B;
        for (int i = stride; i < levels * stride; i++) {
            a[i] += a[i - stride];
        }
    }

    private static void prefixLevels(double[] a, int levels, int groups) {
        for (int i = groups; i < levels * groups; i++) {
            a[i] += a[i - groups];
        }
    }
}
