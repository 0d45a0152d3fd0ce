package org.dicelens.lab;

import java.util.List;

/**
 * Volume bias and overlap of predictions on held-out cases, as mean ± sd over the cases (formula sheet: V_soft = Σp·v,
 * V_hard = Σ[p ≥ 0.5]·v, ΔV signed, positive = over-estimation). Each ΔV is taken against the sampled reference
 * (R·v, what a user can measure) and against the expected volume (Σq·v, the truth the phantom knows).
 */
public record Evaluation(Stats deltaSoftRefMl, Stats deltaHardRefMl, Stats deltaSoftExpectedMl, Stats deltaHardExpectedMl,
        Stats hardDice, Stats softDice, Stats softMl, Stats hardMl) {

    /** The threshold of the hard segmentation (inclusive, as MONAI's AsDiscrete). */
    public static final double THRESHOLD = 0.5;

    /** One case's sums; volumes in voxels. */
    record CaseSums(double p, long hard, double intersection, long truePositives, long reference, double expected,
            double voxelMl) {

        static CaseSums of(LabCase c, float[] prob) {
            double p = 0;
            long hard = 0;
            double inter = 0;
            long tp = 0;
            byte[] r = c.reference();
            for (int i = 0; i < prob.length; i++) {
                p += prob[i];
                boolean in = prob[i] >= THRESHOLD;
                if (in) {
                    hard++;
                }
                if (r[i] != 0) {
                    inter += prob[i];
                    if (in) {
                        tp++;
                    }
                }
            }
            return new CaseSums(p, hard, inter, tp, c.referenceVoxels(), c.expectedVoxels(), c.geometry().voxelMl());
        }

        /** 2TP/(H + R); 1 when both are empty (formula sheet, "both empty"). */
        double hardDice() {
            return hard + reference == 0 ? 1 : 2.0 * truePositives / (hard + reference);
        }

        double softDice() {
            return p + reference == 0 ? 1 : 2 * intersection / (p + reference);
        }
    }

    /** Evaluates predictions.get(i) on cases.get(i). */
    public static Evaluation of(List<LabCase> cases, List<float[]> predictions) {
        int n = cases.size();
        if (predictions.size() != n) {
            throw new IllegalArgumentException(n + " cases but " + predictions.size() + " predictions");
        }
        double[][] v = new double[8][n];
        for (int i = 0; i < n; i++) {
            CaseSums s = CaseSums.of(cases.get(i), predictions.get(i));
            double ml = s.voxelMl;
            v[0][i] = (s.p - s.reference) * ml;
            v[1][i] = (s.hard - s.reference) * ml;
            v[2][i] = (s.p - s.expected) * ml;
            v[3][i] = (s.hard - s.expected) * ml;
            v[4][i] = s.hardDice();
            v[5][i] = s.softDice();
            v[6][i] = s.p * ml;
            v[7][i] = s.hard * ml;
        }
        return new Evaluation(Stats.of(v[0]), Stats.of(v[1]), Stats.of(v[2]), Stats.of(v[3]), Stats.of(v[4]),
                Stats.of(v[5]), Stats.of(v[6]), Stats.of(v[7]));
    }
}
