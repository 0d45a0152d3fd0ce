package org.dicelens.metrics;

import java.util.Arrays;
import org.dicelens.volume.Case;

/**
 * The Dice-optimal segmentation of one class from its probabilities q taken as calibrated (Lipton et al. 2014,
 * Nordström et al.), inside one evaluation region: sort q descending, k* = argmax_k f(k), f(k) = 2 Σ_{i≤k} q_(i)/(k + Σq).
 * Needs no reference.
 * <p>
 * Exact without sorting the region: f(k+1) &gt; f(k) iff q_(k+1) &gt; f(k)/2, and this holds for k &lt; k* and fails
 * after (f is unimodal), so the crossing is found on the histogram (bin edges bound every value of a bin), and only
 * the values of the one or two bins where it can lie are read from the voxels and sorted. Ties of f keep the smallest k.
 *
 * @param k            k*, voxels in the optimal segmentation (0 when Σq = 0)
 * @param expectedDice D* = f(k*); 1 when Σq = 0 (nothing expected, nothing predicted: both empty)
 * @param threshold    q_(k*), the smallest probability kept (close to D* / 2); NaN when k* = 0
 * @param ml           k*·v
 */
public record DiceOptimal(long k, double expectedDice, double threshold, double ml) {

    static DiceOptimal compute(Case cs, EvaluationRegion region, CaseStatistics st, int c, int lv, double voxelMl) {
        double q = st.sumAtLeast(c, lv, 0);
        if (!(q > 0)) {
            return new DiceOptimal(0, 1.0, Double.NaN, 0);
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
        long k0;
        double s0;
        if (lo < 0) {
            lo = hi; // every value is taken: the scan only needs the last bin's smallest value
        }
        if (hi < 0) {
            hi = lo;
            k0 = kAbove;
            s0 = sAbove;
        } else {
            k0 = hiK;
            s0 = hiS;
        }
        double[] values = scan(cs, region, c, lv, lo, hi);
        Arrays.sort(values);
        long k = k0;
        double s = s0;
        double last = Double.NaN;
        for (int j = values.length - 1; j >= 0; j--) {
            double v = values[j];
            if (!(v > s / (k + q))) {
                break;
            }
            s += v;
            k++;
            last = v;
        }
        return new DiceOptimal(k, 2 * s / (k + q), last, k * voxelMl);
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
                    double p = LogStatistics.clamp01(ch[base + x]);
                    int bin = Bins.of(p);
                    if (bin >= lo && bin <= hi) {
                        if (n == out.length) {
                            out = Arrays.copyOf(out, 2 * n);
                        }
                        out[n++] = p;
                    }
                }
            }
        }
        return Arrays.copyOf(out, n);
    }
}
