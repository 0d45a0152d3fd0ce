package org.dicelens.lab;

import java.util.ArrayList;
import java.util.List;
import org.dicelens.common.Progress;
import org.dicelens.metrics.DiceOptimal;
import org.dicelens.phantom.LabCase;
import org.dicelens.phantom.LabCaseSource;
import org.dicelens.phantom.PhantomDiceOptimal;
import org.dicelens.volume.Geometry;

/**
 * The volume bias built into the Dice-optimal segmentation of a calibrated map q, with no training (formula sheet,
 * "Dice-optimal segmentation"; Lipton et al. 2014, Bertels et al.): sort q descending, k* = argmax_k
 * 2 Σ_{i≤k} q_(i) / (k + Σq); its volume k*·v against the expected volume Σq·v. The optimum itself comes from the
 * metrics engine ({@link PhantomDiceOptimal#engine}), so the lab and the viewer report the same k*.
 */
public final class DiceOptimalTheory {

    /**
     * The Dice-optimal segmentation of q: its size k* (voxels), the expected Dice D* it reaches, the threshold q_(k*)
     * (NaN when k* = 0) and Σq.
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

    /** The Dice-optimal segmentation of the case's q (the engine, whole volume, q as the lesion channel). */
    public static Optimum of(LabCase c) {
        DiceOptimal d = PhantomDiceOptimal.engine(c);
        return new Optimum(d.k(), d.expectedDice(), d.threshold(), c.expectedVoxels());
    }

    /** The Dice-optimal segmentation of a bare map q (values in [0, 1]). */
    public static Optimum of(float[] q) {
        Geometry g = Geometry.ofSpacing(q.length, 1, 1, 1, 1, 1);
        return of(new LabCase("q", g, new float[q.length], q, new byte[q.length]));
    }

    /** The binary Dice-optimal segmentation as a 0/1 map: the k* voxels of largest q (ties by voxel order). */
    public static float[] segmentation(float[] q, Optimum o) {
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
     * The theory curve: for each boundary width, {@code cases} cases of {@code source} (seeds seed, seed + 1, …) and
     * the mean ± sd over them of the Dice-optimal volume's bias k*·v − Σq·v (mL) and relative bias (k* − Σq)/Σq.
     * Where the source can, lesions sit in the same places at every width (placed for the widest band).
     */
    public static List<Point> curve(LabCaseSource source, double[] widthsMm, int cases, long seed, Progress progress) {
        List<Point> out = new ArrayList<>();
        double widest = 0;
        for (double w : widthsMm) {
            widest = Math.max(widest, w);
        }
        for (int j = 0; j < widthsMm.length; j++) {
            double w = widthsMm[j];
            LabCaseSource s = source.withWidth(w);
            double[] bias = new double[cases];
            double[] rel = new double[cases];
            double[] dice = new double[cases];
            double[] thr = new double[cases];
            double[] exp = new double[cases];
            for (int c = 0; c < cases; c++) {
                progress.checkCancelled();
                LabCase lc = s.generateForCurve(seed + c, "theory", widest);
                double v = lc.geometry().voxelMl();
                Optimum o = of(lc);
                bias[c] = o.biasVoxels() * v;
                rel[c] = o.sumQ() > 0 ? o.biasVoxels() / o.sumQ() : Double.NaN;
                dice[c] = o.expectedDice();
                thr[c] = o.threshold();
                exp[c] = o.sumQ() * v;
            }
            out.add(new Point(w, Stats.of(bias), Stats.of(rel), Stats.of(dice), Stats.of(thr), Stats.of(exp)));
            progress.update((j + 1.0) / widthsMm.length, "theory curve: width " + LabTables.g(w) + " mm");
        }
        return out;
    }
}
