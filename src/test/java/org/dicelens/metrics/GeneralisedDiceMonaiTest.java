package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

/**
 * Generalised Dice against MONAI's GeneralizedDiceLoss, worked by hand. MONAI (monai/losses/dice.py, commit e4dd079c,
 * class GeneralizedDiceLoss) computes, per batch item, over the spatial axes:
 *
 * <pre>
 *     intersection = torch.sum(target * input, reduce_axis)
 *     ground_o = torch.sum(target, reduce_axis)
 *     pred_o = torch.sum(input, reduce_axis)
 *     denominator = ground_o + pred_o
 *     w = self.w_func(ground_o.float())          # square: torch.reciprocal(grnd * grnd); simple: torch.reciprocal(grnd)
 *     for b in w:
 *         infs = torch.isinf(b)
 *         b[infs] = 0.0
 *         b[infs] = torch.max(b)
 *     f = 1.0 - (2.0 * (intersection * w).sum(1) + self.smooth_nr) / ((denominator * w).sum(1) + self.smooth_dr)
 * </pre>
 *
 * and with include_background=False drops channel 0 before all of this ({@code target = target[:, 1:]}). So an absent
 * class (ground_o = 0, weight ∞) gets the largest finite weight of the others: DiceLens's rule "max".
 * <p>
 * The case: 4 voxels, channels labels 0, 1, 2; reference 0, 0, 1, 1 (label 2 absent); probabilities per voxel
 * (0.5, 0.25, 0.25), (0.75, 0.125, 0.125), (0.25, 0.5, 0.25), (0.125, 0.75, 0.125) (exact in float).
 * By hand: ground_o = (2, 2, 0); pred_o = (1.625, 1.625, 0.75); intersection = (1.25, 1.25, 0).
 */
class GeneralisedDiceMonaiTest {
    private static final double S = 1e-5;
    private static final double EPS = 1e-14;

    private static Engine engine() {
        Geometry g = Geometry.ofSpacing(4, 1, 1, 1, 1, 1);
        float[][] p = {{0.5f, 0.75f, 0.25f, 0.125f}, {0.25f, 0.125f, 0.5f, 0.75f}, {0.25f, 0.125f, 0.25f, 0.125f}};
        Case c = TestCases.of("monai", g, new byte[] {0, 0, 1, 1}, p, 0, 1, 2);
        return Engine.build(c, Progress.NONE);
    }

    @Test
    void squareWeightsRuleMaxEqualsMonai() {
        // w = (1/4, 1/4, inf) -> inf set to 0 -> max(b) = 1/4: w = (1/4, 1/4, 1/4)
        // numerator 2 * (1/4 * 1.25 + 1/4 * 1.25 + 0) = 1.25; denominator 1/4 * (3.625 + 3.625 + 0.75) = 2
        CaseMetrics m = engine().evaluate(Settings.defaults(3));
        assertEquals(1 - (1.25 + S) / (2.0 + S), m.gdl(), EPS);
        for (int c = 0; c < 3; c++) {
            assertEquals(0.25, m.classes().get(c).gdlWeight(), EPS);
        }
        // shares of the denominator: 0.90625/2, 0.90625/2, 0.1875/2
        assertEquals(0.453125, m.classes().get(0).gdlShare(), EPS);
        assertEquals(0.453125, m.classes().get(1).gdlShare(), EPS);
        assertEquals(0.09375, m.classes().get(2).gdlShare(), EPS);
        // hard counts at t = 0.5: class 0 predicts voxels 0,1 (TP 2), class 1 voxels 2,3 (TP 2), class 2 nothing
        // score = 2 (1/4*2 + 1/4*2 + 0) / (1/4*4 + 1/4*4 + 1/4*0) = 1
        assertEquals(1.0, m.gdlScore(), EPS);
    }

    @Test
    void ruleZeroDropsTheAbsentClass() {
        Settings s = Settings.defaults(3).withWeights(WeightScheme.SQUARE, null, EmptyRule.ZERO, true);
        CaseMetrics m = engine().evaluate(s);
        // w = (1/4, 1/4, 0): denominator 1/4 * 7.25 = 1.8125
        assertEquals(1 - (1.25 + S) / (1.8125 + S), m.gdl(), EPS);
        assertEquals(0.0, m.classes().get(2).gdlWeight());
        assertEquals(0.0, m.classes().get(2).gdlShare());
    }

    @Test
    void simpleWeightsAndBackgroundExcludedAsMonai() {
        Settings simple = Settings.defaults(3).withWeights(WeightScheme.SIMPLE, null, EmptyRule.MAX, true);
        // w = (1/2, 1/2, inf -> 1/2): numerator 2 * (0.625 + 0.625) = 2.5; denominator 1/2 * 8 = 4
        assertEquals(1 - (2.5 + S) / (4.0 + S), engine().evaluate(simple).gdl(), EPS);
        // include_background=False: channels 1, 2 only; w = (1/4, inf -> 1/4);
        // numerator 2 * 1/4 * 1.25 = 0.625; denominator 1/4 * (3.625 + 0.75) = 1.09375
        Settings noBg = Settings.defaults(3).withWeights(WeightScheme.SQUARE, null, EmptyRule.MAX, false);
        CaseMetrics m = engine().evaluate(noBg);
        assertEquals(1 - (0.625 + S) / (1.09375 + S), m.gdl(), EPS);
        assertTrue(Double.isNaN(m.classes().get(0).gdlWeight()), "background out: no weight");
        assertEquals(0.25, m.classes().get(2).gdlWeight(), EPS);
        // mean Dice over the included classes only
        double sd1 = 2 * 1.25 / (1.625 + 2);
        double sd2 = 1.0 * 0 / 0.75; // 2I/(P+R) = 0/0.75 = 0
        assertEquals((sd1 + sd2) / 2, m.meanSoftDice(), EPS);
    }

    @Test
    void everyClassAbsentGivesZeroWeightsUnderMax() {
        // MONAI: all weights infinite -> all set to 0 -> max 0: numerator and denominator are the smoothing terms
        Geometry g = Geometry.ofSpacing(2, 1, 1, 1, 1, 1);
        float[][] p = {{0.5f, 0.5f}, {0.5f, 0.5f}};
        Case c = TestCases.of("none", g, new byte[] {0, 0}, p, 0, 1);
        Settings s = Settings.defaults(2).withWeights(WeightScheme.SQUARE, null, EmptyRule.MAX, false);
        CaseMetrics m = Engine.build(c, Progress.NONE).evaluate(s);
        assertEquals(1 - S / S, m.gdl(), EPS);
        assertEquals(0.0, m.classes().get(1).gdlWeight());
    }
}
