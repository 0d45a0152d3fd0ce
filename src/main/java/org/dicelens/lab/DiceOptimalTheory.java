package org.dicelens.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The volume bias built into the Dice-optimal segmentation of a calibrated map q, with no training (formula sheet,
 * "Dice-optimal segmentation"; Lipton et al. 2014, Bertels et al.): sort q descending, k* = argmax_k
 * 2 Σ_{i≤k} q_(i) / (k + Σq); its volume k*·v against the expected volume Σq·v.
 */
public final class DiceOptimalTheory {

    /**
     * The Dice-optimal segmentation of q: its size k* (voxels), the expected Dice D* it reaches, the threshold q_(k*)
     * (voxels with q above it are in; at ties, k* is the smallest maximiser), and Σq.
     */
    public record Optimum(long k, double expectedDice, double threshold, double sumQ) {
        /** (k* − Σq) voxels: positive = the Dice-optimal volume over-estimates the expected volume. */
        public double biasVoxels() {
            return k - sumQ;
        }
    }

    /** One point of the theory curve: the boundary width and the bias averaged over cases. */
    public record Point(double widthMm, Stats biasMl, Stats relativeBias, Stats expectedDice, Stats threshold,
            Stats expectedMl) {
    }

    private DiceOptimalTheory() {
    }

    /** The Dice-optimal segmentation of q (values in [0,1]); O(m log m) in the m voxels with q &gt; 0. */
    public static Optimum of(float[] q) {
        int m = 0;
        double sum = 0;
        for (float v : q) {
            if (v > 0) {
                m++;
                sum += v;
            }
        }
        if (m == 0) {
            return new Optimum(0, 1, Double.NaN, 0); // nothing expected, nothing segmented: both empty
        }
        float[] pos = new float[m];
        int j = 0;
        for (float v : q) {
            if (v > 0) {
                pos[j++] = v;
            }
        }
        Arrays.sort(pos); // ascending; walk from the top
        double prefix = 0;
        double best = -1;
        long bestK = 0;
        double bestT = Double.NaN;
        for (int k = 1; k <= m; k++) {
            float v = pos[m - k];
            prefix += v;
            double d = 2 * prefix / (k + sum);
            if (d > best) {
                best = d;
                bestK = k;
                bestT = v;
            }
        }
        // a voxel of q = 0 never helps (it adds to the denominator only), so k* ≤ m
        return new Optimum(bestK, best, bestT, sum);
    }

    /** The binary Dice-optimal segmentation as a 0/1 map: the k* voxels of largest q (ties by voxel order). */
    public static float[] segmentation(float[] q) {
        Optimum o = of(q);
        float[] out = new float[q.length];
        long left = o.k();
        // strictly above the threshold first, then voxels equal to it until k* are in
        for (int i = 0; i < q.length && left > 0; i++) {
            if (q[i] > o.threshold()) {
                out[i] = 1;
                left--;
            }
        }
        for (int i = 0; i < q.length && left > 0; i++) {
            if (q[i] == o.threshold()) {
                out[i] = 1;
                left--;
            }
        }
        return out;
    }

    /**
     * The theory curve: for each boundary width, {@code cases} phantoms of {@code spec} (seeds seed, seed + 1, …) and
     * the mean ± sd over them of the Dice-optimal volume's bias k*·v − Σq·v (mL) and relative bias (k* − Σq)/Σq.
     * Lesions sit in the same places at every width (placed for the widest band), so only the width varies.
     */
    public static List<Point> curve(SyntheticLesions.Spec spec, double[] widthsMm, int cases, long seed) {
        List<Point> out = new ArrayList<>();
        double widest = 0;
        for (double w : widthsMm) {
            widest = Math.max(widest, w);
        }
        for (double w : widthsMm) {
            SyntheticLesions.Spec s = spec.withWidth(w);
            double[] bias = new double[cases];
            double[] rel = new double[cases];
            double[] dice = new double[cases];
            double[] thr = new double[cases];
            double[] exp = new double[cases];
            for (int c = 0; c < cases; c++) {
                LabCase lc = SyntheticLesions.generate(s, seed + c, "theory", widest);
                double v = lc.geometry().voxelMl();
                Optimum o = of(lc.q());
                bias[c] = o.biasVoxels() * v;
                rel[c] = o.sumQ() > 0 ? o.biasVoxels() / o.sumQ() : Double.NaN;
                dice[c] = o.expectedDice();
                thr[c] = o.threshold();
                exp[c] = o.sumQ() * v;
            }
            out.add(new Point(w, Stats.of(bias), Stats.of(rel), Stats.of(dice), Stats.of(thr), Stats.of(exp)));
        }
        return out;
    }
}
