package org.dicelens.metrics;

import java.util.Arrays;
import org.dicelens.volume.Case;

/**
 * The Dice-optimal segmentation of one class from its probabilities q taken as calibrated (Lipton et al. 2014,
 * Nordström et al.), inside one evaluation region: sort q descending, k* = argmax_k f(k), f(k) = 2 Σ_{i≤k} q_(i)/(k + Σq).
 * Needs no reference.
 * <p>
 * Exact without sorting the region: f(k+1) &gt; f(k) iff q_(k+1) &gt; f(k)/2, and this holds for k &lt; k* and fails
 * after (f is unimodal), so the crossing is located on the histogram (bin edges bound every value of a bin; see
 * {@link #plan}), and only the values of the one or two bins where it can lie are needed, sorted. The engine collects
 * those values for every margin level during its log pass ({@link #computeAll}), so no margin change reads voxels;
 * {@link #compute} scans the region itself when that collection was skipped (too many candidates). Ties of f keep the
 * smallest k.
 *
 * @param k            k*, voxels in the optimal segmentation (0 when Σq = 0)
 * @param expectedDice D* = f(k*); 1 when Σq = 0 (nothing expected, nothing predicted: both empty)
 * @param threshold    q_(k*), the smallest probability kept (close to D* / 2); NaN when k* = 0
 * @param ml           k*·v
 */
public record DiceOptimal(long k, double expectedDice, double threshold, double ml) {

    /**
     * Where the optimum of one class in one region lies: values of bins lo..hi decide it, starting from k0 voxels and
     * their sum s0 above bin hi; q = Σq. {@code q = 0} means nothing to search.
     */
    record Plan(double q, int lo, int hi, long k0, double s0) {
        boolean empty() {
            return !(q > 0);
        }
    }

    static Plan plan(CaseStatistics st, int c, int lv) {
        double q = st.sumAtLeast(c, lv, 0);
        if (!(q > 0)) {
            return new Plan(q, -1, -1, 0, 0);
        }
        int lo = -1;
        int hi = -1;
        long hiK = 0;
        double hiS = 0;
        long kAbove = 0;
        double sAbove = 0;
        for (int b = Bins.COUNT - 1; b >= 0; b--) {
            long inBin = st.predicted(c, lv, b) - kAbove;
            if (inBin == 0) {
                continue;
            }
            if (Bins.edge(b) > sAbove / (kAbove + q)) {
                // even the smallest value of this bin beats f/2 at the bin's start: its first value is taken
                hi = b;
                hiK = kAbove;
                hiS = sAbove;
                kAbove += inBin;
                sAbove += st.sumInBin(c, lv, b);
                continue;
            }
            lo = b;
            break;
        }
        if (lo < 0) {
            return new Plan(q, hi, hi, hiK, hiS); // every value is taken: only the last bin's smallest value matters
        }
        if (hi < 0) {
            return new Plan(q, lo, lo, kAbove, sAbove);
        }
        return new Plan(q, lo, hi, hiK, hiS);
    }

    /** Scans the region's voxels for the plan's values (used when the log pass did not collect them). */
    static DiceOptimal compute(Case cs, EvaluationRegion region, CaseStatistics st, int c, int lv, double voxelMl) {
        Plan p = plan(st, c, lv);
        if (p.empty()) {
            return empty();
        }
        double[] values = scan(cs, region, c, lv, p.lo(), p.hi());
        Arrays.sort(values);
        Step s = new Step(p);
        for (int j = values.length - 1; j >= 0 && s.take(values[j]); j--) {
            // taken
        }
        return s.result(voxelMl);
    }

    /**
     * Every level of one class at once from the candidates the log pass collected: packed keys
     * (float bits of q) &lt;&lt; 32 | level, for every voxel whose bin is in some level's plan.
     */
    static DiceOptimal[] computeAll(Plan[] plans, long[] candidates, double voxelMl) {
        long[] sorted = candidates.clone();
        Arrays.sort(sorted); // ascending value (non-negative float bits are ordered), then level
        int n = sorted.length;
        // each bin's candidates form one contiguous range of the sorted keys
        int[] binStart = new int[Bins.COUNT + 1];
        Arrays.fill(binStart, -1);
        int[] binEnd = new int[Bins.COUNT + 1];
        for (int j = 0; j < n; j++) {
            int b = Bins.ofFloat(Float.intBitsToFloat((int) (sorted[j] >>> 32)));
            if (binStart[b] < 0) {
                binStart[b] = j;
            }
            binEnd[b] = j + 1;
        }
        DiceOptimal[] out = new DiceOptimal[plans.length];
        for (int lv = 0; lv < plans.length; lv++) {
            Plan p = plans[lv];
            if (p.empty()) {
                out[lv] = empty();
                continue;
            }
            Step s = new Step(p);
            scanning:
            for (int b = p.hi(); b >= p.lo(); b--) {
                if (binStart[b] < 0) {
                    continue;
                }
                for (int j = binEnd[b] - 1; j >= binStart[b]; j--) {
                    long key = sorted[j];
                    if ((int) key <= lv && !s.take(Float.intBitsToFloat((int) (key >>> 32)))) {
                        break scanning;
                    }
                }
            }
            out[lv] = s.result(voxelMl);
        }
        return out;
    }

    /** The walk down the sorted values: take q_(k+1) while it beats f(k)/2. */
    private static final class Step {
        final double q;
        long k;
        double s;
        double last = Double.NaN;

        Step(Plan p) {
            q = p.q();
            k = p.k0();
            s = p.s0();
        }

        boolean take(double v) {
            if (!(v > s / (k + q))) {
                return false;
            }
            s += v;
            k++;
            last = v;
            return true;
        }

        DiceOptimal result(double voxelMl) {
            return new DiceOptimal(k, 2 * s / (k + q), last, k * voxelMl);
        }
    }

    static DiceOptimal empty() {
        return new DiceOptimal(0, 1.0, Double.NaN, 0);
    }

    /** The probabilities of class c in bins lo..hi at level ≤ lv (Ω_lv is a box: loop over it only). */
    private static double[] scan(Case cs, EvaluationRegion region, int c, int lv, int lo, int hi) {
        int[] b = region.bounds(lv);
        int nx = cs.geometry().nx();
        int ny = cs.geometry().ny();
        float[] ch = cs.prediction().channels()[c];
        double[] out = new double[64];
        int n = 0;
        for (int z = b[2]; z <= b[5]; z++) {
            for (int y = b[1]; y <= b[4]; y++) {
                int base = nx * (y + ny * z);
                for (int x = b[0]; x <= b[3]; x++) {
                    float q = ch[base + x];
                    int bin = HardRule.stepOfAny(q);
                    if (bin >= lo && bin <= hi) {
                        if (n == out.length) {
                            out = Arrays.copyOf(out, 2 * n);
                        }
                        out[n++] = LogStatistics.clamp01(q);
                    }
                }
            }
        }
        return Arrays.copyOf(out, n);
    }
}
