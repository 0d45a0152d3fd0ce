package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

/** Hand-worked small cases for the conventions of the formula sheet. */
class EngineConventionsTest {
    private static final double EPS = 1e-12;

    /** 4 voxels of 2x2x2 mm (0.008 mL), labels 0/1, reference 0,1,1,0; class-1 p = 1/8, 3/4, 3/8, 5/8 (exact floats). */
    private static Case fourVoxels() {
        Geometry g = Geometry.ofSpacing(4, 1, 1, 2, 2, 2);
        float[] p1 = {0.125f, 0.75f, 0.375f, 0.625f};
        float[] p0 = new float[4];
        for (int i = 0; i < 4; i++) {
            p0[i] = 1 - p1[i];
        }
        return TestCases.of("four", g, new byte[] {0, 1, 1, 0}, new float[][] {p0, p1}, 0, 1);
    }

    @Test
    void fourVoxelsByHand() {
        Engine e = Engine.build(fourVoxels(), Progress.NONE);
        CaseMetrics m = e.evaluate(Settings.defaults(2).withCalibrationBins(4));
        ClassMetrics c = m.classes().get(1);
        // I = 3/4 + 3/8 = 9/8, P = 15/8, R = 2
        assertEquals(2 * 1.125 / (1.875 + 2), c.softDice(), EPS);
        assertEquals(1.125 / (1.875 + 2 - 1.125), c.softJaccard(), EPS);
        // t = 0.5: predicted {3/4, 5/8}: TP 1, FP 1, FN 1, TN 1
        assertEquals(1, c.tp());
        assertEquals(1, c.fp());
        assertEquals(1, c.fn());
        assertEquals(1, c.tn());
        assertEquals(0.5, c.hardDice(), EPS);
        assertEquals(1 / 3.0, c.hardJaccard(), EPS);
        assertEquals(0.5, c.precision(), EPS);
        assertEquals(0.5, c.recall(), EPS);
        assertEquals(0.5, c.specificity(), EPS);
        assertEquals(0.016, c.refMl(), EPS);
        assertEquals(0.015, c.softMl(), EPS);
        assertEquals(0.016, c.hardMl(), EPS);
        assertEquals(-0.001, c.deltaSoftMl(), EPS);
        assertEquals(0.0, c.deltaHardMl(), EPS);
        assertEquals(-0.001 / 0.016, c.relativeDeltaSoft(), EPS);
        assertEquals(0.0, c.relativeDeltaHard(), EPS);
        double ce = -(Math.log(0.875) + Math.log(0.75) + Math.log(0.375) + Math.log(1 - 0.625)) / 4;
        assertEquals(ce, c.ce(), EPS);
        // WCE, weight from the reference: w = (4 - 2)/2 = 1, so it equals CE
        assertEquals(ce, c.wce(), EPS);
        // Brier: (1/8² + 1/4² + 5/8² + 5/8²)/4
        assertEquals(0.859375 / 4, c.brier(), EPS);
        // 4 bins, one voxel each: ECE = (1/8 + 5/8 + 5/8 + 1/4)/4
        assertEquals(1.625 / 4, c.ece(), EPS);
        // HD(t): 2/3 up to 0.125, 0.8 on (0.125, 0.375], 0.5 on (0.375, 0.625], ...: best from step 126
        assertEquals(0.126, c.tBest(), EPS);
        // 2 voxels (= V_ref) and nearest to V_soft = 1.875 voxels: t in (0.375, 0.625], lowest step 376
        assertEquals(0.376, c.tVol(), EPS);
        assertEquals(0.376, c.tCal(), EPS);
        // Dice-optimal: f(1..4) = 1.5/2.875, 2.75/3.875, 3.5/4.875, 3.75/5.875 -> k* = 3
        assertEquals(3, c.diceOptimalK());
        assertEquals(3.5 / 4.875, c.diceOptimalExpectedDice(), EPS);
        assertEquals(0.375, c.diceOptimalThreshold(), EPS);
        assertEquals(0.024, c.diceOptimalMl(), EPS);
        assertEquals(0.008, m.voxelMl(), EPS);
        assertEquals(4, m.regionVoxels());
        assertEquals(0.5, m.foregroundFraction(), EPS);
    }

    @Test
    void thresholdIsInclusiveAtExactlyTheStep() {
        // p = 0.3f is 0.30000001192..., above the double 0.3: counted at t = 0.3, not at t = 0.301
        Geometry g = Geometry.ofSpacing(2, 1, 1, 1, 1, 1);
        float[] p1 = {0.3f, Math.nextDown(0.3f)};
        Case c = TestCases.of("edge", g, new byte[] {1, 1}, new float[][] {new float[2], p1}, 0, 1);
        Engine e = Engine.build(c, Progress.NONE);
        Settings s = Settings.defaults(2).withThresholdSteps(new int[] {500, 300});
        assertEquals(1, e.evaluate(s).classes().get(1).tp());
        assertEquals(0, e.evaluate(s.withThresholdSteps(new int[] {500, 301})).classes().get(1).tp());
        assertEquals(2, e.evaluate(s.withThresholdSteps(new int[] {500, 299})).classes().get(1).tp());
        assertEquals(1, e.sweep(s, 1).tp()[300]);
    }

    @Test
    void bothEmptyIsOneAndFlaggedUndefinedIsNaN() {
        // class 1 absent from the reference and predicted nowhere
        Geometry g = Geometry.ofSpacing(3, 1, 1, 1, 1, 1);
        float[] one = {1, 1, 1};
        Case c = TestCases.of("empty", g, new byte[3], new float[][] {one, new float[3]}, 0, 1);
        Engine e = Engine.build(c, Progress.NONE);
        CaseMetrics m = e.evaluate(Settings.defaults(2));
        ClassMetrics k = m.classes().get(1);
        assertEquals(1.0, k.softDice());
        assertEquals(1.0, k.hardDice());
        assertEquals(1.0, k.softJaccard());
        assertEquals(1.0, k.hardJaccard());
        assertTrue(m.softDiceEmpty()[1]);
        assertTrue(m.hardDiceEmpty()[1]);
        assertFalse(m.softDiceEmpty()[0]);
        assertTrue(Double.isNaN(k.precision()), "TP + FP = 0: undefined, not 0");
        assertTrue(Double.isNaN(k.recall()), "TP + FN = 0: undefined, not 0");
        assertEquals(1.0, k.specificity());
        assertTrue(Double.isNaN(k.tBest()), "t_best needs reference voxels");
        assertTrue(Double.isNaN(k.relativeDeltaSoft()), "relative volume bias undefined without reference volume");
        assertEquals(0, k.diceOptimalK());
        assertEquals(1.0, k.diceOptimalExpectedDice());
        assertTrue(Double.isNaN(k.diceOptimalThreshold()));
        // no foreground: the region is the whole volume at any margin, foreground fraction 0
        assertEquals(3, e.evaluate(Settings.defaults(2).withMargin(0)).regionVoxels());
        assertEquals(0.0, m.foregroundFraction());
    }

    @Test
    void argmaxTiesGoToTheLowestChannelAndTheFloorToBackground() {
        // channels: label 3 (ch 0), label 0 (ch 1), label 5 (ch 2); voxel 0 ties ch0/ch2 at 0.4, voxel 1 max 0.45 at ch2
        Geometry g = Geometry.ofSpacing(2, 1, 1, 1, 1, 1);
        float[][] p = {{0.4f, 0.3f}, {0.2f, 0.25f}, {0.4f, 0.45f}};
        Case c = TestCases.of("ties", g, new byte[] {0, 2}, p, 3, 0, 5);
        Engine e = Engine.build(c, Progress.NONE);
        Settings s = Settings.defaults(3).withMode(HardMode.ARGMAX, 0);
        CaseMetrics m = e.evaluate(s);
        assertEquals(1, m.classes().get(0).hardVoxels(), 0); // tie -> lowest index, channel 0
        assertEquals(1, m.classes().get(0).tp());
        assertEquals(1, m.classes().get(2).hardVoxels(), 0);
        assertEquals(0, m.classes().get(1).hardVoxels(), 0);
        // floor 0.42: voxel 0 (max 0.4) goes to the background channel (label 0, channel 1); voxel 1 (0.45) stays
        CaseMetrics f = e.evaluate(s.withMode(HardMode.ARGMAX, 420));
        assertEquals(0, f.classes().get(0).hardVoxels(), 0);
        assertEquals(1, f.classes().get(1).hardVoxels(), 0);
        assertEquals(1, f.classes().get(2).hardVoxels(), 0);
        assertEquals(0.42, f.classes().get(0).threshold(), EPS);
        // floor exactly at 0.45: 0.45f >= 0.45 in double? 0.45f = 0.449999988..., below: background
        CaseMetrics f2 = e.evaluate(s.withMode(HardMode.ARGMAX, 450));
        assertEquals(0, f2.classes().get(2).hardVoxels(), 0);
        assertEquals(2, f2.classes().get(1).hardVoxels(), 0);
    }

    @Test
    void valuesOutsideTheUnitIntervalAreClampedAndCounted() {
        Geometry g = Geometry.ofSpacing(3, 1, 1, 1, 1, 1);
        float[] p1 = {1.3f, -0.2f, 0.5f};
        Case c = TestCases.of("clamp", g, new byte[] {1, 0, 1}, new float[][] {new float[3], p1}, 0, 1);
        CaseMetrics m = Engine.build(c, Progress.NONE).evaluate(Settings.defaults(2));
        assertEquals(2, m.clampedValues());
        assertEquals(1.5, m.classes().get(1).softVoxels(), EPS); // 1 + 0 + 0.5
        assertEquals(2 * 1.5 / (1.5 + 2), m.classes().get(1).softDice(), EPS);
    }

    @Test
    void badInputAndSettingsAreRejected() {
        Geometry g = Geometry.ofSpacing(2, 1, 1, 1, 1, 1);
        Case nan = TestCases.of("nan", g, new byte[2], new float[][] {{Float.NaN, 0}, {0, 1}}, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> Engine.build(nan, Progress.NONE));
        Engine e = Engine.build(fourVoxels(), Progress.NONE);
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(Settings.defaults(3)));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(Settings.defaults(2).withCalibrationBins(7)));
        assertThrows(IllegalArgumentException.class,
                () -> e.evaluate(Settings.defaults(2).withThresholdSteps(new int[] {0, 1001})));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(Settings.defaults(2).withMargin(-5)));
        assertThrows(IllegalArgumentException.class,
                () -> e.evaluate(Settings.defaults(2).withWeights(WeightScheme.CUSTOM, new double[] {1}, EmptyRule.MAX,
                        true)));
        assertThrows(IllegalArgumentException.class, () -> e.sweep(Settings.defaults(2), 2));
    }

    @Test
    void cancellationStopsTheBuild() {
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> Engine.build(fourVoxels(), cancelled));
    }
}
