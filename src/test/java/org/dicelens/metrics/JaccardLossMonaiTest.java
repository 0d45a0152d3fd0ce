package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

/**
 * The Jaccard loss against MONAI's DiceLoss(jaccard=True), worked by hand. MONAI 1.5.0 (monai/losses/dice.py, DiceLoss.forward,
 * lines 190-198) computes, per batch item and channel, with compute_tp_fp_fn's ord = 1 branch (tp = Σ p·r,
 * fp = Σ p − tp, fn = Σ r − tp):
 *
 * <pre>
 *     if not self.jaccard:
 *         fp *= 0.5
 *         fn *= 0.5
 *     numerator = 2 * tp + self.smooth_nr
 *     denominator = 2 * (tp + fp + fn) + self.smooth_dr
 *     f: torch.Tensor = 1 - numerator / denominator
 * </pre>
 *
 * so with jaccard the loss is 1 − (2I + s_nr)/(2(P + R − I) + s_dr), not 1 − (I + s_nr)/(P + R − I + s_dr).
 * <p>
 * The case: 4 voxels, reference 0, 1, 1, 0; class-1 p = 1/8, 3/4, 3/8, 5/8 (class 0 gets 1 − p).
 * Class 1: I = 3/4 + 3/8 = 9/8, P = 15/8, R = 2, P + R − I = 22/8 = 11/4.
 * Class 0: p = 7/8, 1/4, 5/8, 3/8 on reference 1, 0, 0, 1: I = 7/8 + 3/8 = 5/4, P = 17/8, R = 2, P + R − I = 23/8.
 */
class JaccardLossMonaiTest {
    private static final double EPS = 1e-14;

    private static Engine engine() {
        Geometry g = Geometry.ofSpacing(4, 1, 1, 1, 1, 1);
        float[] p1 = {0.125f, 0.75f, 0.375f, 0.625f};
        float[] p0 = new float[4];
        for (int i = 0; i < 4; i++) {
            p0[i] = 1 - p1[i];
        }
        Case c = TestCases.of("jaccard", g, new byte[] {0, 1, 1, 0}, new float[][] {p0, p1}, 0, 1);
        return Engine.build(c, Progress.NONE);
    }

    private static Settings smoothing(double snr, double sdr) {
        LossParams d = LossParams.defaults();
        LossParams lp = new LossParams(snr, sdr, d.tverskyAlpha(), d.tverskyBeta(), d.focalTverskyGamma(),
                d.wceWeightSource(), d.ssLambda(), d.focalGamma(), d.expLogGamma(), d.expLogWDice(), d.expLogWCe(),
                d.comboAlpha(), d.comboBeta());
        return Settings.defaults(2).withLosses(lp);
    }

    @Test
    void smoothingOneAsMonai() {
        CaseMetrics m = engine().evaluate(smoothing(1, 1));
        // class 1: 1 − (2·9/8 + 1)/(2·11/4 + 1) = 1 − (13/4)/(13/2) = 1/2 (the old form gave 1 − (17/8)/(15/4) = 13/30)
        assertEquals(0.5, m.classes().get(1).jaccardLoss(), EPS);
        // class 0: 1 − (2·5/4 + 1)/(2·23/8 + 1) = 1 − (7/2)/(27/4) = 1 − 14/27 = 13/27
        assertEquals(13.0 / 27, m.classes().get(0).jaccardLoss(), EPS);
    }

    @Test
    void smoothingHundredAsMonai() {
        CaseMetrics m = engine().evaluate(smoothing(100, 100));
        // class 1: 1 − (9/4 + 100)/(11/2 + 100) = 1 − (409/4)/(211/2) = 1 − 409/422 = 13/422
        // (the old form: 1 − (9/8 + 100)/(11/4 + 100) = 13/822, half as large)
        assertEquals(13.0 / 422, m.classes().get(1).jaccardLoss(), EPS);
        // class 0: 1 − (5/2 + 100)/(23/4 + 100) = 1 − (205/2)/(423/4) = 1 − 410/423 = 13/423
        assertEquals(13.0 / 423, m.classes().get(0).jaccardLoss(), EPS);
    }

    @Test
    void unequalSmoothingAndNoneReduceToJaccard() {
        // s_nr = 0, s_dr = 1: 1 − (9/4)/(11/2 + 1) = 1 − 9/26 = 17/26
        assertEquals(17.0 / 26, engine().evaluate(smoothing(0, 1)).classes().get(1).jaccardLoss(), EPS);
        // s = 0: 1 − soft Jaccard = 1 − (9/8)/(11/4) = 13/22
        ClassMetrics k = engine().evaluate(smoothing(0, 0)).classes().get(1);
        assertEquals(13.0 / 22, k.jaccardLoss(), EPS);
        assertEquals(1 - k.softJaccard(), k.jaccardLoss(), EPS);
    }
}
