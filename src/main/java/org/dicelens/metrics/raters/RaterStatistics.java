package org.dicelens.metrics.raters;

import java.util.ArrayList;
import java.util.List;
import org.dicelens.metrics.EvaluationRegion;
import org.dicelens.metrics.LossParams;
import org.dicelens.metrics.Reliability;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.ClassTable;

/**
 * Every multi-rater number of a prediction against a {@link RaterReference}, per class, in one pass over the voxels
 * of the evaluation region. The prediction's hard masks follow the engine's rule under the settings (threshold or
 * argmax with floor); the Dice smoothing and the calibration bins come from the settings too.
 */
public final class RaterStatistics {
    private RaterStatistics() {
    }

    /**
     * @param p       probabilities [channel][voxel], one channel per class of the reference (clamped into [0, 1] here)
     * @param classes the class table (labels and names; its label-0 channel is the argmax floor's background)
     * @param voxelMl volume of one voxel in mL
     * @param region  the evaluation region the settings' margin applies to, or null for the whole volume
     */
    public static RaterMetrics compute(RaterReference ref, float[][] p, ClassTable classes, double voxelMl, Settings s,
            EvaluationRegion region) {
        int channels = ref.classCount();
        if (p.length != channels || classes.size() != channels) {
            throw new IllegalArgumentException("reference has " + channels + " classes, prediction " + p.length
                    + " channels, class table " + classes.size());
        }
        if (p[0].length != ref.voxelCount()) {
            throw new IllegalArgumentException("prediction has " + p[0].length + " voxels, reference " + ref.voxelCount());
        }
        Reliability.checkBins(s.calibrationBins());
        byte[][] hard = EngineHardRule.masks(p, s, classes.backgroundChannel());
        int k = ref.raterCount();
        RaterSums[] sums = new RaterSums[channels];
        for (int c = 0; c < channels; c++) {
            sums[c] = new RaterSums(k, s.calibrationBins());
        }
        long voxels = 0;
        long agreed = 0;
        int n = ref.voxelCount();
        for (int i = 0; i < n; i++) {
            if (region != null && !region.contains(i, s.margin())) {
                continue;
            }
            voxels++;
            agreed += ref.consensus(i) ? 1 : 0;
            for (int c = 0; c < channels; c++) {
                long votes = ref.votes(c, i);
                double q = ref.qHat(c, i);
                sums[c].add(EngineHardRule.clamp(p[c][i]), hard[c][i] != 0, votes, q, qAtLeast(ref, votes, q));
            }
        }
        List<RaterClassMetrics> out = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            out.add(finish(sums[c], classes.get(c).label(), classes.get(c).name(), voxelMl, s.losses()));
        }
        return new RaterMetrics(k, ref.isSoft(), voxels, agreed, List.copyOf(out));
    }

    /** Bit j − 1 set when q̂ ≥ j/10; for K raters decided in integers (10·votes ≥ j·K), so no rounding enters. */
    private static int qAtLeast(RaterReference ref, long votes, double q) {
        int bits = 0;
        int m = Long.bitCount(votes);
        for (int j = 1; j <= RaterSums.TAUS; j++) {
            boolean at = ref.isSoft() ? q >= j / 10.0 : 10 * m >= j * ref.raterCount();
            bits |= at ? 1 << (j - 1) : 0;
        }
        return bits;
    }

    static RaterClassMetrics finish(RaterSums t, int label, String name, double v, LossParams lp) {
        int k = t.raters;
        double[] ml = new double[k];
        double[] dice = new double[k];
        double[] soft = new double[k];
        double min = Double.NaN;
        double max = Double.NaN;
        for (int r = 0; r < k; r++) {
            ml[r] = t.raterVoxels[r] * v;
            dice[r] = dice(2.0 * t.raterTp[r], t.hard + t.raterVoxels[r]);
            soft[r] = dice(2 * t.raterP[r], t.p + t.raterVoxels[r]);
            min = r == 0 ? ml[r] : Math.min(min, ml[r]);
            max = r == 0 ? ml[r] : Math.max(max, ml[r]);
        }
        double inter = Double.NaN;
        if (k >= 2) {
            double sum = 0;
            for (int a = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++) {
                    sum += dice(2.0 * t.pairs[a][b], t.raterVoxels[a] + t.raterVoxels[b]);
                }
            }
            inter = sum / (k * (k - 1) / 2.0);
        }
        double qubiq = 0;
        boolean qubiqEmpty = false;
        for (int j = 0; j < RaterSums.TAUS; j++) {
            qubiqEmpty |= t.tauP[j] + t.tauQ[j] == 0;
            qubiq += dice(2.0 * t.tauBoth[j], t.tauP[j] + t.tauQ[j]);
        }
        double ece = 0;
        for (int b = 0; b < t.binN.length; b++) {
            ece += Math.abs(t.binQ[b] - t.binP[b]); // (n_b/N)|mean q̂_b − mean p_b| = |Σq̂_b − Σp_b|/N
        }
        double[] raterEce = new double[k];
        for (int r = 0; r < k; r++) {
            double sum = 0;
            for (int b = 0; b < t.binN.length; b++) {
                sum += Math.abs(t.binRater[r][b] - t.binP[b]); // (n_b/N)|frequency_b − mean p_b| = |R_b − Σp_b|/N
            }
            raterEce[r] = t.n == 0 ? Double.NaN : sum / t.n;
        }
        double pq = t.p + t.q;
        double semimetric = pq - t.absDiff; // 2·TP of compute_tp_fp_fn's soft branch
        return new RaterClassMetrics(label, name, t.q * v, ml, min, max, sd(ml), dice(semimetric, pq),
                1 - (semimetric + lp.smoothNr()) / (pq + lp.smoothDr()), dice(2 * t.pq, pq), pq == 0, dice, soft, inter,
                qubiq / RaterSums.TAUS, qubiqEmpty,
                dice(2.0 * t.consensusTp, 2.0 * t.consensusTp + t.consensusFp + t.consensusFn), t.consensus,
                (t.p - t.q) * v, (t.hard - t.q) * v, t.n == 0 ? Double.NaN : ece / t.n, raterEce);
    }

    /** num/den with the Dice convention: both sides empty (den = 0) gives 1. */
    private static double dice(double num, double den) {
        return den == 0 ? 1.0 : num / den;
    }

    /** Sample standard deviation; NaN for fewer than two values. */
    private static double sd(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double d : x) {
            mean += d;
        }
        mean /= x.length;
        double ss = 0;
        for (double d : x) {
            ss += (d - mean) * (d - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }
}
