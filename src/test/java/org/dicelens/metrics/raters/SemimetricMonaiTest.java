package org.dicelens.metrics.raters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dicelens.metrics.LossParams;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.ClassTable;
import org.junit.jupiter.api.Test;

/**
 * The Dice semimetric loss against MONAI's DiceLoss(soft_label=True), worked by hand. MONAI 1.5.0,
 * monai/losses/utils.py, compute_tp_fp_fn, lines 54-66 (the branch taken when soft_label is True):
 *
 * <pre>
 *     else:
 *         pred_o = LA.vector_norm(input, ord=ord, dim=reduce_axis)
 *         ground_o = LA.vector_norm(target, ord=ord, dim=reduce_axis)
 *         difference = LA.vector_norm(input - target, ord=ord, dim=reduce_axis)
 *
 *         if ord > 1:
 *             pred_o = torch.pow(pred_o, exponent=ord)
 *             ground_o = torch.pow(ground_o, exponent=ord)
 *             difference = torch.pow(difference, exponent=ord)
 *
 *         tp = (pred_o + ground_o - difference) / 2
 *         fp = pred_o - tp
 *         fn = ground_o - tp
 * </pre>
 *
 * and monai/losses/dice.py, DiceLoss.forward, lines 192-198: fp and fn halved, then
 * 1 − (2·tp + smooth_nr) / (2·(tp + fp + fn) + smooth_dr).
 * <p>
 * The case: 4 voxels, two raters; class 1 marked by rater 1 on voxels 0, 1, 2 and by rater 2 on voxels 0, 2, so
 * q̂ = (1, 1/2, 1, 0); p = (1/2, 1/4, 1, 0) (exact in float). By hand (ord = 1): pred_o = ‖p‖₁ = 7/4,
 * ground_o = ‖q̂‖₁ = 5/2, difference = ‖p − q̂‖₁ = 1/2 + 1/4 + 0 + 0 = 3/4; tp = (7/4 + 5/2 − 3/4)/2 = 7/4,
 * fp = 0, fn = 3/4; halved: fp = 0, fn = 3/8.
 */
class SemimetricMonaiTest {
    private static final double EPS = 1e-15;

    private static RaterClassMetrics classOne(double snr, double sdr) {
        byte[] r1 = {1, 1, 1, 0};
        byte[] r2 = {1, 0, 1, 0};
        float[] p1 = {0.5f, 0.25f, 1f, 0f};
        float[] p0 = {0.5f, 0.75f, 0f, 1f};
        LossParams d = LossParams.defaults();
        Settings s = Settings.defaults(2).withLosses(new LossParams(snr, sdr, d.tverskyAlpha(), d.tverskyBeta(),
                d.focalTverskyGamma(), d.wceWeightSource(), d.ssLambda(), d.focalGamma(), d.expLogGamma(), d.expLogWDice(),
                d.expLogWCe(), d.comboAlpha(), d.comboBeta()));
        return RaterStatistics.compute(RaterReference.ofLabelMaps(List.of(r1, r2), 2), new float[][] {p0, p1},
                ClassTable.forLabels(0, 1), 1, s, null).classes().get(1);
    }

    @Test
    void lossAsMonaiComputesIt() {
        // s = 1: 1 − (2·7/4 + 1)/(2·(7/4 + 0 + 3/8) + 1) = 1 − (9/2)/(17/4 + 1) = 1 − (9/2)/(21/4) = 1 − 18/21 = 1/7
        assertEquals(1.0 / 7, classOne(1, 1).semimetricLoss(), EPS);
        // s = 0: 1 − (7/2)/(17/4) = 1 − 14/17 = 3/17
        assertEquals(3.0 / 17, classOne(0, 0).semimetricLoss(), EPS);
        // s_nr = 0, s_dr = 4: 1 − (7/2)/(17/4 + 4) = 1 − 14/33 = 19/33
        assertEquals(19.0 / 33, classOne(0, 4).semimetricLoss(), EPS);
    }

    @Test
    void semimetricAgainstClassicSoftDice() {
        RaterClassMetrics k = classOne(0, 0);
        // semimetric: (7/4 + 5/2 − 3/4)/(7/4 + 5/2) = (7/2)/(17/4) = 14/17
        assertEquals(14.0 / 17, k.semimetricDice(), EPS);
        // classic against q̂: Σpq̂ = 1/2 + 1/8 + 1 = 13/8; 2·13/8 / (17/4) = 13/17: lower, as the soft reference
        // keeps classic soft Dice below 1 even for p = q̂
        assertEquals(13.0 / 17, k.softDiceVsMean(), EPS);
        // expected volume 5/2 voxels of 1 mL; raters 3 and 2; sd of {3, 2} = √(1/2)
        assertEquals(2.5, k.expectedMl(), EPS);
        assertEquals(Math.sqrt(0.5), k.raterMlSd(), EPS);
        // inter-rater Dice 2·2/(3 + 2) = 4/5
        assertEquals(0.8, k.interRaterDice(), EPS);
    }

    @Test
    void predictionEqualToTheMeanScoresOne() {
        byte[] r1 = {1, 1, 1, 0};
        byte[] r2 = {1, 0, 1, 0};
        float[][] p = {{0f, 0.5f, 0f, 1f}, {1f, 0.5f, 1f, 0f}};
        RaterClassMetrics k = RaterStatistics.compute(RaterReference.ofLabelMaps(List.of(r1, r2), 2), p,
                ClassTable.forLabels(0, 1), 1, Settings.defaults(2), null).classes().get(1);
        assertEquals(1.0, k.semimetricDice(), EPS);
        // classic: Σpq̂ = 1 + 1/4 + 1 = 9/4; 2·9/4 / (5/2 + 5/2) = 9/10
        assertEquals(0.9, k.softDiceVsMean(), EPS);
        assertEquals(0.0, k.deltaSoftVsExpectedMl(), EPS);
        assertEquals(0.0, k.eceVsMean(), EPS);
    }
}
