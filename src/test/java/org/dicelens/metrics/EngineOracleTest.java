package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Random;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.junit.jupiter.api.Test;

/**
 * The engine against the independent brute force {@link Oracle} on many seeded random small cases: every ClassMetrics
 * and CaseMetrics field, the sweeps, the reliability diagrams and the sums, to 1e-9 relative.
 */
class EngineOracleTest {
    static final double REL = 1e-9;
    static final double ABS = 1e-12;

    static void close(String what, double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            if (Double.isNaN(expected) != Double.isNaN(actual)) {
                fail(what + ": expected " + expected + " but was " + actual);
            }
            return;
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            assertEquals(expected, actual, what);
            return;
        }
        double tol = Math.max(ABS, REL * Math.max(Math.abs(expected), Math.abs(actual)));
        if (!(Math.abs(expected - actual) <= tol)) {
            fail(what + ": expected " + expected + " but was " + actual + " (diff " + Math.abs(expected - actual) + ")");
        }
    }

    static double number(Object o) {
        return o instanceof Long l ? l : o instanceof Integer i ? i : (Double) o;
    }

    @Test
    void everyNumberMatchesTheBruteForceOnRandomCases() throws Exception {
        int checkedCases = 0;
        for (int seed = 0; seed < 200; seed++) {
            Random rnd = new Random(seed);
            Case c = TestCases.random(rnd, seed);
            Engine e = Engine.build(c, Progress.NONE);
            Oracle o = new Oracle(c);
            for (int rep = 0; rep < 3; rep++) {
                Settings s = TestCases.settings(rnd, c.classCount(), c);
                String ctx = "seed " + seed + " rep " + rep + " " + c.geometry() + " C=" + c.classCount() + " " + s;
                CaseMetrics m = e.evaluate(s);
                Map<String, Double> expCase = o.caseMetrics(s);
                for (Map.Entry<String, Double> x : expCase.entrySet()) {
                    RecordComponent rc = component(CaseMetrics.class, x.getKey());
                    close(ctx + " case." + x.getKey(), x.getValue(), number(rc.getAccessor().invoke(m)));
                }
                assertEquals(s.mode(), m.mode());
                assertEquals(s.weightScheme(), m.gdlWeights());
                assertEquals(s.emptyRule(), m.emptyRule());
                assertEquals(s.emptyClasses(), m.emptyClasses());
                assertEquals(s.mode() == HardMode.THRESHOLD ? "threshold" : "argmax", CaseMetrics.key(m.mode()));
                for (int k = 0; k < c.classCount(); k++) {
                    ClassMetrics cm = m.classes().get(k);
                    assertEquals(c.classes().get(k).label(), cm.label());
                    Map<String, Double> exp = o.classMetrics(s, k);
                    int compared = 0;
                    for (RecordComponent rc : ClassMetrics.class.getRecordComponents()) {
                        if (rc.getName().equals("label") || rc.getName().equals("name")) {
                            continue;
                        }
                        Double ev = exp.get(rc.getName());
                        if (ev == null) {
                            fail("oracle lacks " + rc.getName());
                        }
                        close(ctx + " class " + k + " " + rc.getName(), ev, number(rc.getAccessor().invoke(cm)));
                        compared++;
                    }
                    assertEquals(ClassMetrics.class.getRecordComponents().length - 2, compared);
                    ClassSums sums = e.sums(s, k);
                    close(ctx + " sums.r", exp.get("refVoxels"), sums.r());
                    close(ctx + " sums.p", exp.get("softVoxels"), sums.p());
                    boolean softEmpty = exp.get("softVoxels") + exp.get("refVoxels") == 0;
                    assertEquals(softEmpty, m.softDiceEmpty()[k], ctx);
                    assertEquals(exp.get("hardVoxels") + exp.get("refVoxels") == 0, m.hardDiceEmpty()[k], ctx);
                }
                checkedCases++;
            }
        }
        assertTrue(checkedCases >= 600);
    }

    @Test
    void sweepsAndReliabilityMatchTheBruteForce() {
        for (int seed = 1000; seed < 1060; seed++) {
            Random rnd = new Random(seed);
            Case c = TestCases.random(rnd, seed);
            Engine e = Engine.build(c, Progress.NONE);
            Engine scanning = Engine.build(c, Progress.NONE, 0); // no candidates collected: scans per margin
            Oracle o = new Oracle(c);
            Settings s = TestCases.settings(rnd, c.classCount(), c);
            for (int k = 0; k < c.classCount(); k++) {
                String ctx = "seed " + seed + " class " + k;
                ThresholdSweep sw = e.sweep(s, k);
                double[][] exp = o.sweep(s, k);
                for (int t = 0; t <= 1000; t++) {
                    close(ctx + " HD t=" + t, exp[t][0], sw.hardDice()[t]);
                    close(ctx + " HJ t=" + t, exp[t][1], sw.hardJaccard()[t]);
                    close(ctx + " precision t=" + t, exp[t][2], sw.precision()[t]);
                    close(ctx + " recall t=" + t, exp[t][3], sw.recall()[t]);
                    close(ctx + " ml t=" + t, exp[t][4], sw.hardMl()[t]);
                }
                DiceOptimal scanned = scanning.diceOptimal(k, s.margin());
                double[] optExp = o.diceOptimal(s.margin(), k);
                assertEquals((long) optExp[0], scanned.k(), ctx + " k* by per-margin scan");
                close(ctx + " D* by per-margin scan", optExp[1], scanned.expectedDice());
                close(ctx + " q(k*) by per-margin scan", optExp[2], scanned.threshold());
                int[] sp = o.specialSteps(s, k);
                assertEquals(sp[0], sw.bestStep(), ctx + " t_best");
                assertEquals(sp[1], sw.volStep(), ctx + " t_vol");
                assertEquals(sp[2], sw.calStep(), ctx + " t_cal");
                Reliability rel = e.reliability(s, k);
                double[][] er = o.reliability(s, k);
                assertEquals(s.calibrationBins(), rel.bins());
                for (int j = 0; j < rel.bins(); j++) {
                    close(ctx + " confidence bin " + j, er[0][j], rel.confidence()[j]);
                    close(ctx + " observed bin " + j, er[1][j], rel.observed()[j]);
                    assertEquals((long) er[2][j], rel.count()[j], ctx + " count bin " + j);
                }
                close(ctx + " ece", er[3][0], rel.ece());
                double[] opt = o.diceOptimal(s.margin(), k);
                DiceOptimal d = e.diceOptimal(k, s.margin());
                assertEquals((long) opt[0], d.k(), ctx + " k*");
                close(ctx + " D*", opt[1], d.expectedDice());
                close(ctx + " q(k*)", opt[2], d.threshold());
            }
        }
    }

    @Test
    void everyMarginOfOneCaseMatches() {
        Random rnd = new Random(77);
        Case c = TestCases.random(rnd, 0);
        while (c.geometry().voxelCount() < 60) {
            c = TestCases.random(rnd, 0);
        }
        Engine e = Engine.build(c, Progress.NONE);
        Oracle o = new Oracle(c);
        for (int m = 0; m <= e.region().levelCount() + 1; m++) {
            Settings s = Settings.defaults(c.classCount()).withMargin(m);
            CaseMetrics cm = e.evaluate(s);
            assertEquals(o.region(m).size(), cm.regionVoxels());
            for (int k = 0; k < c.classCount(); k++) {
                Map<String, Double> exp = o.classMetrics(s, k);
                close("m=" + m + " hardDice", exp.get("hardDice"), cm.classes().get(k).hardDice());
                close("m=" + m + " ce", exp.get("ce"), cm.classes().get(k).ce());
                close("m=" + m + " D*", exp.get("diceOptimalExpectedDice"),
                        cm.classes().get(k).diceOptimalExpectedDice());
            }
        }
        assertArrayEquals(e.region().bounds(e.region().wholeVolumeMargin()),
                new int[] {0, 0, 0, c.geometry().nx() - 1, c.geometry().ny() - 1, c.geometry().nz() - 1});
    }

    private static RecordComponent component(Class<?> type, String name) {
        for (RecordComponent rc : type.getRecordComponents()) {
            if (rc.getName().equals(name)) {
                return rc;
            }
        }
        throw new AssertionError("no component " + name);
    }
}
