package org.dicelens.lab;

import java.util.List;
import org.dicelens.common.Progress;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.phantom.LabCase;

/**
 * Volume bias and overlap of predictions on held-out cases, as mean ± sd over the cases (formula sheet: V_soft = Σp·v,
 * V_hard = Σ[p ≥ 0.5]·v, ΔV signed, positive = over-estimation). Each ΔV is taken against the sampled reference
 * (R·v, what a user can measure) and against the expected volume (Σq·v, the truth the phantom knows). The numbers
 * per case come from the metrics engine (lesion channel, threshold 0.5, whole volume), as the viewer shows them.
 */
public record Evaluation(Stats deltaSoftRefMl, Stats deltaHardRefMl, Stats deltaSoftExpectedMl, Stats deltaHardExpectedMl,
        Stats hardDice, Stats softDice, Stats softMl, Stats hardMl) {

    /** The threshold of the hard segmentation (inclusive, as MONAI's AsDiscrete). */
    public static final double THRESHOLD = 0.5;

    /** Evaluates predictions.get(i) on cases.get(i). */
    public static Evaluation of(List<LabCase> cases, List<float[]> predictions) {
        int n = cases.size();
        if (predictions.size() != n) {
            throw new IllegalArgumentException(n + " cases but " + predictions.size() + " predictions");
        }
        double[][] v = new double[8][n];
        Settings settings = Settings.defaults(2); // threshold mode, t = 0.5, whole volume
        for (int i = 0; i < n; i++) {
            LabCase c = cases.get(i);
            ClassMetrics m = Engine.build(c.toCase(c.name(), predictions.get(i)), Progress.NONE).evaluate(settings)
                    .classes().get(1);
            double expectedMl = c.expectedVoxels() * c.geometry().voxelMl();
            v[0][i] = m.softMl() - m.refMl();
            v[1][i] = m.hardMl() - m.refMl();
            v[2][i] = m.softMl() - expectedMl;
            v[3][i] = m.hardMl() - expectedMl;
            v[4][i] = m.hardDice();
            v[5][i] = m.softDice();
            v[6][i] = m.softMl();
            v[7][i] = m.hardMl();
        }
        return new Evaluation(Stats.of(v[0]), Stats.of(v[1]), Stats.of(v[2]), Stats.of(v[3]), Stats.of(v[4]),
                Stats.of(v[5]), Stats.of(v[6]), Stats.of(v[7]));
    }
}
