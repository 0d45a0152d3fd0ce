package org.dicelens.metrics;

import java.util.concurrent.CancellationException;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;

/**
 * The histograms of a case, built in ONE parallel pass over the voxels (planes shared among the cores, one partial per
 * worker, merged). Per class c, split by reference value r ∈ {0,1}, by probability bin k (see {@link Bins}) and by
 * evaluation-region margin level ℓ: the count and Σp. For argmax mode, per argmax channel a, level and bin of the
 * voxel's max p: counts over all voxels, over voxels whose reference is a, and over voxels whose reference is the
 * background channel, so any confidence floor c = k/1000 is exact.
 * <p>
 * Layout, chosen for the pass's speed: one double array per class holding (count, Σp) side by side per cell, so a voxel
 * touches one cache line per class (counts are exact in double up to 2^53); argmax counts "all" and "reference = a"
 * packed in one long (both &lt; 2^31). After the merge, counts are made cumulative in place, prefix over levels
 * (ℓ' &le; ℓ) and suffix over bins (k' &ge; k), so every count query is one read; sums are prefix-summed over levels only
 * (a bin range's sum read as a difference of suffix sums would lose the small bins' digits).
 * <p>
 * Probabilities outside [0,1] are clamped (and counted); NaN is rejected. Sums needing a per-voxel log or square live
 * in {@link LogStatistics}, the second pass.
 */
public final class CaseStatistics {
    static final int B = Bins.COUNT;
    private static final long REF_ONE = 1L << 32;

    private final int classes;
    private final int levels;
    private final int background;
    /** [c][((ℓ·2 + r)·B + k)·2]: #{level ≤ ℓ, r, bin ≥ k}; at +1: Σp over {level ≤ ℓ, r, bin = k}. */
    private final double[][] hist;
    /** [c][ℓ·2 + r]: Σp over {level ≤ ℓ, r}. */
    private final double[][] sumP;
    /** [a][ℓ·B + k]: low 32 bits #{argmax a, max-p bin ≥ k, level ≤ ℓ}; high 32 bits the same with reference = a. */
    private final long[][] am;
    /** [a][ℓ·B + k]: as the low half of {@link #am}, over voxels whose reference is the background channel. */
    private final int[][] amBg;
    private final long clamped;

    private CaseStatistics(Partial merged, int background) {
        this.classes = merged.classes;
        this.levels = merged.levels;
        this.background = background;
        this.hist = merged.hist;
        this.am = merged.am;
        this.amBg = merged.amBg;
        this.clamped = merged.clamped;
        this.sumP = new double[classes][levels * 2];
        for (int c = 0; c < classes; c++) {
            for (int lr = 0; lr < levels * 2; lr++) {
                double s = 0;
                int o = lr * B * 2 + 1;
                for (int k = B - 1; k >= 0; k--) {
                    s += hist[c][o + 2 * k];
                }
                sumP[c][lr] = s;
            }
        }
    }

    /**
     * The pass.
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
        return k >= B ? 0 : (long) hist[c][((lv * 2 + r) * B + k) * 2];
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

    /** Σp of class c over {level ≤ lv, r, bin = k}. */
    public double sumInBin(int c, int lv, int r, int k) {
        return hist[c][((lv * 2 + r) * B + k) * 2 + 1];
    }

    /** Σp of class c over {level ≤ lv, bin = k}. */
    public double sumInBin(int c, int lv, int k) {
        return sumInBin(c, lv, 0, k) + sumInBin(c, lv, 1, k);
    }

    /** Σp of class c over {level ≤ lv, k ≤ bin &lt; end}, summed from the top bin down. */
    public double sumInBins(int c, int lv, int k, int end) {
        double s = 0;
        for (int b = Math.min(end, B) - 1; b >= k; b--) {
            s += sumInBin(c, lv, b);
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

    /** Voxels at level ≤ lv whose argmax channel is a and whose max p has bin ≥ k. */
    public long argmaxAll(int a, int lv, int k) {
        return k >= B ? 0 : am[a][lv * B + k] & 0xFFFFFFFFL;
    }

    /** As {@link #argmaxAll} over voxels whose reference channel is a. */
    public long argmaxRef(int a, int lv, int k) {
        return k >= B ? 0 : am[a][lv * B + k] >>> 32;
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
        final double[][] hist;
        final long[][] am;
        final int[][] amBg;
        final int[] rowLevels;
        final int[] rowBest;
        final float[] rowBestP;
        /**
         * Voxels with p exactly 0 (exactly 1) of the current plane per channel and (level, r), added to bin 0 (bin B − 1)
         * after the plane: those cells' Σp only ever gains 0 (only 1s), so a count gives the same doubles exactly.
         */
        final int[][] zeros;
        final int[][] ones;
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
            hist = new double[classes][levels * 2 * B * 2];
            am = new long[classes][levels * B];
            amBg = bg >= 0 ? new int[classes][levels * B] : null;
            rowLevels = new int[nx];
            rowBest = new int[nx];
            rowBestP = new float[nx];
            zeros = new int[classes][levels * 2];
            ones = new int[classes][levels * 2];
        }

        /**
         * Row by row, channel-major: one tight loop per channel over the row (one histogram at a time, nothing but
         * that channel's arrays in play) that also keeps the row's running argmax, then one loop for the argmax counts.
         * Measured about twice as fast as the voxel-major loop over channels (docs/perf/metrics.md).
         */
        void plane(int z) {
            final int nc = classes;
            final int[] lvRow = rowLevels;
            for (int y = 0; y < ny; y++) {
                region.rowLevels(y, z, lvRow);
                final int base = nx * (y + ny * z);
                final float[] bestP = rowBestP;
                final int[] best = rowBest;
                for (int c = 0; c < nc; c++) {
                    final float[] p = ch[c];
                    final double[] h = hist[c];
                    final int refOne = c;
                    final int[] z0 = zeros[c];
                    final int[] o1 = ones[c];
                    for (int x = 0; x < nx; x++) {
                        int i = base + x;
                        float f = p[i];
                        if (f == 0f) {
                            // most voxels of a confident map are 0 or 1: a count (a short int dependency chain instead
                            // of two double ones through the same histogram cells)
                            z0[lvRow[x] * 2 + ((ref[i] & 0xFF) == refOne ? 1 : 0)]++;
                            if (c == 0) {
                                bestP[x] = f;
                                best[x] = 0;
                            }
                            continue;
                        }
                        if (f == 1f) {
                            o1[lvRow[x] * 2 + ((ref[i] & 0xFF) == refOne ? 1 : 0)]++;
                            if (c == 0 || HardRule.beats(f, bestP[x])) {
                                bestP[x] = f;
                                best[x] = c;
                            }
                            continue;
                        }
                        if (!(f >= 0f && f <= 1f)) {
                            f = clampRare(f, c);
                        }
                        // the hard rule's step of a float in [0,1] is its exact bin (Bins.ofFloat)
                        int at = (lvRow[x] * 2 * B + ((ref[i] & 0xFF) == refOne ? B : 0) + HardRule.stepOf(f)) * 2;
                        h[at] += 1;
                        h[at + 1] += f;
                        if (c == 0 || HardRule.beats(f, bestP[x])) { // ties keep the lowest channel
                            bestP[x] = f;
                            best[x] = c;
                        }
                    }
                }
                for (int x = 0; x < nx; x++) {
                    int i = base + x;
                    int a = best[x];
                    int refc = ref[i] & 0xFF;
                    int at = lvRow[x] * B + HardRule.stepOf(bestP[x]);
                    am[a][at] += refc == a ? REF_ONE + 1 : 1;
                    if (refc == bg) {
                        amBg[a][at]++;
                    }
                }
            }
            for (int c = 0; c < nc; c++) {
                int[] z0 = zeros[c];
                int[] o1 = ones[c];
                for (int k = 0; k < z0.length; k++) {
                    int at = ((k >> 1) * 2 * B + (k & 1) * B) * 2; // bin 0 of (level k / 2, r = k % 2)
                    hist[c][at] += z0[k];
                    hist[c][at + 2 * (B - 1)] += o1[k];
                    hist[c][at + 2 * (B - 1) + 1] += o1[k];
                    z0[k] = 0;
                    o1[k] = 0;
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
                double[] a = hist[c];
                double[] b = o.hist[c];
                for (int i = 0; i < a.length; i++) {
                    a[i] += b[i];
                }
                long[] la = am[c];
                long[] lb = o.am[c];
                for (int i = 0; i < la.length; i++) {
                    la[i] += lb[i];
                }
                if (amBg != null) {
                    int[] ia = amBg[c];
                    int[] ib = o.amBg[c];
                    for (int i = 0; i < ia.length; i++) {
                        ia[i] += ib[i];
                    }
                }
            }
            clamped += o.clamped;
        }

        void makeCumulative() {
            for (int c = 0; c < classes; c++) {
                double[] h = hist[c];
                // counts (even slots): suffix over bins within each (ℓ, r) row
                for (int row = 0; row < levels * 2; row++) {
                    int o = row * B * 2;
                    for (int k = B - 2; k >= 0; k--) {
                        h[o + 2 * k] += h[o + 2 * k + 2];
                    }
                }
                // counts and sums: prefix over levels
                int stride = 2 * B * 2;
                for (int i = stride; i < levels * stride; i++) {
                    h[i] += h[i - stride];
                }
                long[] a = am[c];
                for (int lv = 0; lv < levels; lv++) {
                    int o = lv * B;
                    for (int k = B - 2; k >= 0; k--) {
                        a[o + k] += a[o + k + 1]; // both packed halves at once: neither can carry (< 2^31)
                    }
                }
                for (int i = B; i < levels * B; i++) {
                    a[i] += a[i - B];
                }
                if (amBg != null) {
                    int[] g = amBg[c];
                    for (int lv = 0; lv < levels; lv++) {
                        int o = lv * B;
                        for (int k = B - 2; k >= 0; k--) {
                            g[o + k] += g[o + k + 1];
                        }
                    }
                    for (int i = B; i < levels * B; i++) {
                        g[i] += g[i - B];
                    }
                }
            }
        }
    }
}
