package org.dicelens.metrics.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dicelens.common.Progress;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;
import org.junit.jupiter.api.Test;

/**
 * Four 4-voxel cases of 1 mL voxels, every number worked by hand: A and B have the class, C has label 1 in its table
 * but neither a reference nor a voxel at p ≥ 0.5 (left out), D has no label 1 at all (labels 0 and 2).
 */
class CohortHandWorkedTest {
    private static final Geometry G = Geometry.ofSpacing(4, 1, 1, 10, 10, 10); // 1 mL voxels

    private static CohortCase binary(String name, int[] ref, float[] p1, int... labels) {
        float[] p0 = new float[4];
        for (int i = 0; i < 4; i++) {
            p0[i] = 1 - p1[i];
        }
        byte[] r = new byte[4];
        for (int i = 0; i < 4; i++) {
            r[i] = (byte) ref[i];
        }
        Case c = new Case(name, G, null, r, new ProbabilityMaps(G, new float[][] {p0, p1}, 0, List.of("t")),
                ClassTable.forLabels(labels), List.of());
        return CohortCase.of(name, Engine.build(c, Progress.NONE));
    }

    static Cohort cohort() {
        return new Cohort(List.of(
                binary("A", new int[] {1, 1, 0, 0}, new float[] {0.9f, 0.6f, 0.2f, 0f}, 0, 1),
                binary("B", new int[] {1, 0, 0, 0}, new float[] {0.8f, 0.7f, 0f, 0f}, 0, 1),
                binary("C", new int[] {0, 0, 0, 0}, new float[] {0f, 0f, 0f, 0f}, 0, 1),
                binary("D", new int[] {1, 0, 0, 0}, new float[] {1f, 0f, 0f, 0f}, 0, 2)));
    }

    @Test
    void handWorkedNumbersAtHalf() {
        Cohort co = cohort();
        assertEquals(List.of(0, 1, 2), co.classTable().all().stream().map(c -> c.label()).toList());
        ClassSummary s = co.summarise(Settings.defaults(3)).summaries().get(1);
        assertEquals(2, s.cases()); // C left out (absent), D has no label 1
        double softA = 2 * (0.9f + (double) 0.6f) / (2.0 + 0.9f + 0.6f + 0.2f);
        double softB = 2 * (double) 0.8f / (1.0 + 0.8f + 0.7f);
        assertEquals((softA + softB) / 2, s.meanSoftDice(), 1e-12);
        assertEquals(5 / 6.0, s.meanHardDice(), 1e-12); // A: 1, B: 2·1/(2 + 1)
        assertEquals((1 - 2 / 3.0) / Math.sqrt(2), s.sdHardDice(), 1e-12);
        assertEquals(5 / 6.0, s.medianHardDice(), 1e-12);
        assertEquals(0.5, s.meanDeltaHardMl(), 1e-12); // A: 2 − 2, B: 2 − 1
        assertEquals(Math.sqrt(0.5), s.sdDeltaHardMl(), 1e-12);
        assertEquals(0.5 - 1.96 * Math.sqrt(0.5), s.loaLowHardMl(), 1e-12);
        assertEquals(0.5 + 1.96 * Math.sqrt(0.5), s.loaHighHardMl(), 1e-12);
        double dsA = 0.9f + (double) 0.6f + 0.2f - 2;
        double dsB = 0.8f + (double) 0.7f - 1;
        assertEquals((dsA + dsB) / 2, s.meanDeltaSoftMl(), 1e-12);
        assertEquals(Math.abs(dsA - dsB) / Math.sqrt(2), s.sdDeltaSoftMl(), 1e-12);
        assertEquals(1.0, s.correlationSoftRef(), 1e-12); // two points
        assertTrue(Double.isNaN(s.correlationHardRef())); // V_hard = 2 mL in both
        // curves: t ∈ (0, 0.2] A 4/5, B 2/3; (0.2, 0.6] A 1, B 2/3 → 5/6 first at 0.201 (0.2f ≥ 0.2 still counts at 0.200)
        assertEquals(0.201, s.cohortBestThreshold());
        assertEquals(5 / 6.0, s.cohortBestMeanHardDice(), 1e-15);
        // mean ΔV_hard: (0.6, 0.7) A 1 − 2, B 2 − 1 → 0; 0.6f ≥ 0.6 keeps A's voxel at 0.600, so 0.601
        assertEquals(0.601, s.cohortZeroBiasThreshold());
        ClassCurves cv = co.summarise(Settings.defaults(3)).classes().get(1).curves();
        assertEquals(3, cv.cases()[0]); // at t = 0 C predicts every voxel: counted, Dice 0, ΔV 4 mL
        assertEquals((4 / 6.0 + 2 / 5.0 + 0) / 3, cv.meanHardDice()[0], 1e-12);
        assertEquals(3.0, cv.meanDeltaHardMl()[0], 1e-12);
        ClassSummary two = co.summarise(Settings.defaults(3)).summaries().get(2);
        assertEquals(1, two.cases());
        assertEquals(1.0, two.meanHardDice());
        assertTrue(Double.isNaN(two.sdHardDice()));
    }

    @Test
    void settingsMustAddressTheCohortClasses() {
        Cohort co = cohort();
        assertThrows(IllegalArgumentException.class, () -> co.summarise(Settings.defaults(2)));
        assertThrows(IllegalArgumentException.class, () -> co.summarise(Settings.defaults(3).withMargin(-2)));
    }

    @Test
    void statisticsAreSmall() {
        for (CohortCase c : cohort().cases()) {
            assertTrue(c.bytes() < 4096, c.name() + " " + c.bytes());
        }
    }

    /**
     * MONAI's ignore_empty in the cohort: E has no lesion in its reference but predicts one voxel at 0.7. Under ZERO it
     * counts with hard Dice 0 and ΔV +1 mL; under EXCLUDE it is left out of the class's means and curves.
     */
    @Test
    void excludeLeavesOutCasesWhoseReferenceLacksTheClass() {
        Cohort co = new Cohort(List.of(
                binary("A", new int[] {1, 1, 0, 0}, new float[] {0.9f, 0.6f, 0.2f, 0f}, 0, 1),
                binary("B", new int[] {1, 0, 0, 0}, new float[] {0.8f, 0.7f, 0f, 0f}, 0, 1),
                binary("E", new int[] {0, 0, 0, 0}, new float[] {0.7f, 0f, 0f, 0f}, 0, 1)));
        Settings zero = Settings.defaults(2);
        ClassSummary z = co.summarise(zero).summaries().get(1);
        assertEquals(3, z.cases());
        assertEquals((1 + 2 / 3.0 + 0) / 3, z.meanHardDice(), 1e-12); // E: 2·0/(1 + 0)
        assertEquals((0 + 1 + 1) / 3.0, z.meanDeltaHardMl(), 1e-12); // A 0, B +1, E +1
        ClassSummary x = co.summarise(zero.withEmptyClasses(org.dicelens.metrics.EmptyClasses.EXCLUDE)).summaries().get(1);
        assertEquals(2, x.cases());
        assertEquals(5 / 6.0, x.meanHardDice(), 1e-12);
        assertEquals(0.5, x.meanDeltaHardMl(), 1e-12);
        ClassCurves cz = co.summarise(zero).classes().get(1).curves();
        ClassCurves cx = co.summarise(zero.withEmptyClasses(org.dicelens.metrics.EmptyClasses.EXCLUDE)).classes().get(1)
                .curves();
        assertEquals(3, cz.cases()[500]);
        assertEquals(2, cx.cases()[500]);
        assertEquals(5 / 6.0, cx.meanHardDice()[500], 1e-12);
        // and back: the curves follow the rule, not the first call's
        assertEquals(3, co.summarise(zero).classes().get(1).curves().cases()[500]);
    }
}
