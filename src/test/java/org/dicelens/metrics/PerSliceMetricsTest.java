package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;
import org.junit.jupiter.api.Test;

/** Per-slice metrics against a brute-force per-voxel computation written in the test. */
class PerSliceMetricsTest {

    /**
     * A random 3-class case whose probabilities often sit exactly on threshold steps (float k/1000), are 0 or 1, or
     * tie between channels; z = 0 has no foreground reference and class 2 predicts nothing there.
     */
    static Case edgyCase(long seed, int... labels) {
        return edgyCaseOfSize(seed, 7, 5, 4, labels);
    }

    static Case edgyCaseOfSize(long seed, int nx, int ny, int nz, int... labels) {
        Random rnd = new Random(seed);
        Geometry g = Geometry.ofSpacing(nx, ny, nz, 0.5, 1.0, 2.5);
        int n = g.voxelCount();
        int classes = labels.length;
        float[][] p = new float[classes][n];
        byte[] ref = new byte[n];
        for (int i = 0; i < n; i++) {
            boolean firstZ = i < nx * ny;
            ref[i] = (byte) (firstZ ? 0 : rnd.nextInt(classes));
            for (int c = 0; c < classes; c++) {
                double u = rnd.nextDouble();
                p[c][i] = u < 0.3 ? rnd.nextInt(1001) / 1000f : u < 0.35 ? 0f : u < 0.4 ? 1f : rnd.nextFloat();
            }
            if (rnd.nextDouble() < 0.1) {
                p[classes - 1][i] = p[0][i]; // a tie: argmax must pick the lower index
            }
            if (firstZ) {
                p[classes - 1][i] = 0f;
            }
        }
        return new Case("edgy", g, null, ref, new ProbabilityMaps(g, p, 0, List.of()), ClassTable.forLabels(labels), List.of());
    }

    @Test
    void thresholdModeMatchesBruteForceOnEveryAxis() {
        Case c = edgyCase(1, 0, 1, 2);
        for (IntPredicate region : new IntPredicate[] {null, GradientTestCases.randomRegion(2, c.voxelCount(), 0.7)}) {
            for (int axis = 0; axis < 3; axis++) {
                PerSliceHistogram h = PerSliceHistogram.build(c, region, axis);
                for (int[] steps : new int[][] {{500, 500, 500}, {0, 1000, 300}, {1, 999, 731}, {250, 17, 1000}}) {
                    Settings s = Settings.defaults(3).withThresholdSteps(steps);
                    check(c, region, axis, s, h.metrics(s));
                }
            }
        }
    }

    /** Wide enough in x that x-slices are accumulated in several blocks (16 slices per task). */
    @Test
    void wideCaseAcrossXBlocks() {
        Case c = edgyCaseOfSize(8, 37, 3, 2, 0, 1, 2);
        PerSliceHistogram h = PerSliceHistogram.build(c, null, 0);
        Settings s = Settings.defaults(3).withThresholdSteps(new int[] {100, 400, 800});
        check(c, null, 0, s, h.metrics(s));
        check(c, null, 0, s.withMode(HardMode.ARGMAX, 500), h.metrics(s.withMode(HardMode.ARGMAX, 500)));
    }

    @Test
    void argmaxModeWithFloorMatchesBruteForceOnEveryAxis() {
        for (int[] labels : new int[][] {{0, 1, 2}, {1, 2, 4}}) { // the second has no background channel
            Case c = edgyCase(3, labels);
            IntPredicate region = GradientTestCases.randomRegion(4, c.voxelCount(), 0.8);
            for (int axis = 0; axis < 3; axis++) {
                PerSliceHistogram h = PerSliceHistogram.build(c, region, axis);
                for (int floor : new int[] {0, 400, 731, 1000}) {
                    Settings s = Settings.defaults(3).withMode(HardMode.ARGMAX, floor);
                    check(c, region, axis, s, h.metrics(s));
                }
            }
        }
    }

    /** Inside Ω_m of an evaluation region (walked as a box) against the brute force with the same region as a set. */
    @Test
    void evaluationRegionMatchesBruteForce() {
        Case c = GradientTestCases.boxedCase(6);
        EvaluationRegion er = EvaluationRegion.of(c);
        Engine e = Engine.build(c, org.dicelens.common.Progress.NONE);
        for (int margin : new int[] {0, 2, Settings.WHOLE_VOLUME}) {
            IntPredicate inside = i -> er.contains(i, margin);
            for (int axis = 0; axis < 3; axis++) {
                Settings t = Settings.defaults(3).withMargin(margin).withThresholdSteps(new int[] {200, 500, 650});
                check(c, inside, axis, t, PerSliceMetrics.compute(c, er, margin, axis, t));
                Settings a = t.withMode(HardMode.ARGMAX, 450);
                check(c, inside, axis, a, PerSliceMetrics.compute(e, a, axis));
            }
        }
    }

    @Test
    void emptySlicesAreFlaggedNotOne() {
        Case c = edgyCase(5, 0, 1, 2);
        PerSliceMetrics m = PerSliceMetrics.compute(c, null, 2, Settings.defaults(3));
        // z = 0: class 2 has no reference and predicts 0 everywhere
        assertTrue(m.hardEmpty()[2][0]);
        assertTrue(m.softEmpty()[2][0]);
        assertTrue(Double.isNaN(m.hardDice()[2][0]));
        assertTrue(Double.isNaN(m.softDice()[2][0]));
        // class 1 has no reference at z = 0 but does predict there: Dice 0, not empty
        assertFalse(m.hardEmpty()[1][0]);
        assertEquals(0.0, m.hardDice()[1][0]);
        // a region that leaves slice z = 3 out entirely: every class empty there
        IntPredicate notLast = i -> i < 7 * 5 * 3;
        PerSliceMetrics r = PerSliceMetrics.compute(c, notLast, 2, Settings.defaults(3));
        assertEquals(0, r.regionVoxels()[3]);
        for (int cl = 0; cl < 3; cl++) {
            assertTrue(r.hardEmpty()[cl][3] && r.softEmpty()[cl][3]);
        }
    }

    /** Bins are exact: p ≥ k/1000.0 in double decides, the float 0.3f (0.30000001…) is ≥ 0.3 but 0.29999998f is not. */
    @Test
    void binsFollowTheDoubleComparison() {
        Random rnd = new Random(7);
        for (int j = 0; j < 200_000; j++) {
            // every step k/1000, then just below every step k = 1..1000, then random values
            float q = j < 1001 ? j / 1000f : j < 2001 ? Math.nextDown((j - 1000) / 1000f) : rnd.nextFloat();
            int k = PerSliceHistogram.bin(q);
            assertTrue(q >= k / 1000.0, () -> q + " bin " + k);
            assertTrue(k == 1000 || q < (k + 1) / 1000.0, () -> q + " bin " + k);
        }
        assertEquals(300, PerSliceHistogram.bin(0.3f));
        assertEquals(299, PerSliceHistogram.bin(Math.nextDown(0.3f)));
        assertThrows(IllegalArgumentException.class, () -> PerSliceHistogram.build(edgyCase(1, 0, 1, 2), null, 0).argmax(1001));
    }

    private static void check(Case c, IntPredicate region, int axis, Settings s, PerSliceMetrics m) {
        Geometry g = c.geometry();
        int classes = c.classCount();
        int slices = g.dim(axis);
        int bg = c.classes().backgroundChannel();
        double v = g.voxelMl();
        assertEquals(slices, m.sliceCount());
        String where = "axis " + axis + " " + s.mode() + " steps " + java.util.Arrays.toString(s.thresholdSteps()) + " floor "
                + s.confidenceFloorStep();
        int[] regionCount = new int[slices];
        for (int cl = 0; cl < classes; cl++) {
            double[] sp = new double[slices];
            double[] si = new double[slices];
            int[] r = new int[slices];
            int[] tp = new int[slices];
            int[] hard = new int[slices];
            for (int z = 0; z < g.nz(); z++) {
                for (int y = 0; y < g.ny(); y++) {
                    for (int x = 0; x < g.nx(); x++) {
                        int i = g.index(x, y, z);
                        if (region != null && !region.test(i)) {
                            continue;
                        }
                        int sl = axis == 0 ? x : axis == 1 ? y : z;
                        if (cl == 0) {
                            regionCount[sl]++;
                        }
                        double q = c.probability(cl, i);
                        boolean isRef = c.reference(i) == cl;
                        boolean b;
                        if (s.mode() == HardMode.THRESHOLD) {
                            b = q >= s.thresholdSteps()[cl] / 1000.0;
                        } else {
                            int arg = 0;
                            for (int k = 1; k < classes; k++) {
                                if (c.probability(k, i) > c.probability(arg, i)) {
                                    arg = k;
                                }
                            }
                            int assigned = c.probability(arg, i) >= s.confidenceFloorStep() / 1000.0 ? arg : bg;
                            b = assigned == cl;
                        }
                        sp[sl] += q;
                        if (isRef) {
                            r[sl]++;
                            si[sl] += q;
                        }
                        if (b) {
                            hard[sl]++;
                            if (isRef) {
                                tp[sl]++;
                            }
                        }
                    }
                }
            }
            assertArrayEquals(tp, m.tp()[cl], where + " class " + cl + " TP");
            assertArrayEquals(hard, m.hardVoxels()[cl], where + " class " + cl + " hard");
            for (int sl = 0; sl < slices; sl++) {
                String at = where + " class " + cl + " slice " + sl;
                int fp = hard[sl] - tp[sl];
                int fn = r[sl] - tp[sl];
                boolean hEmpty = tp[sl] + fp + fn == 0;
                assertEquals(hEmpty, m.hardEmpty()[cl][sl], at);
                assertEquals(hEmpty ? Double.NaN : 2.0 * tp[sl] / (2 * tp[sl] + fp + fn), m.hardDice()[cl][sl], 1e-12, at);
                boolean sEmpty = sp[sl] + r[sl] == 0;
                assertEquals(sEmpty, m.softEmpty()[cl][sl], at);
                assertEquals(sEmpty ? Double.NaN : 2 * si[sl] / (sp[sl] + r[sl]), m.softDice()[cl][sl], 1e-9, at);
                assertEquals(r[sl] * v, m.refMl()[cl][sl], 1e-12, at);
                assertEquals(sp[sl] * v, m.softMl()[cl][sl], 1e-9 * Math.max(1, sp[sl] * v), at);
                assertEquals(hard[sl] * v, m.hardMl()[cl][sl], 1e-12, at);
            }
        }
        assertArrayEquals(regionCount, m.regionVoxels(), where);
    }
}
