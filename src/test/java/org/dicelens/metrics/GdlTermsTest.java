package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

/**
 * The GDL terms the viewer writes into its formula strip (Σ w I, Σ w (P + R), s_nr, s_dr): they must give back the
 * engine's GDL and equal the sheet's sums computed independently (the {@link Oracle}'s voxel-by-voxel brute force, and a
 * hand-worked case).
 */
class GdlTermsTest {
    private static final double TOL = 1e-12;

    /** |expected − actual| ≤ 1e-12 relative (absolute below 1). */
    private static void close(String what, double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertEquals(Double.isNaN(expected), Double.isNaN(actual), what + ": " + expected + " vs " + actual);
            return;
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            assertEquals(expected, actual, what); // e.g. s_dr = 0 and an empty denominator
            return;
        }
        double tol = TOL * Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)));
        if (!(Math.abs(expected - actual) <= tol)) {
            fail(what + ": expected " + expected + " but was " + actual + " (diff " + Math.abs(expected - actual) + ")");
        }
    }

    /** GDL from the exposed terms, written out from LOSSES.md. */
    private static double gdlFrom(GdlTerms t) {
        return 1 - (2 * t.numeratorSum() + t.smoothNr()) / (t.denominatorSum() + t.smoothDr());
    }

    /**
     * The case of {@link GeneralisedDiceMonaiTest}: 4 voxels, labels 0, 1, 2, reference 0, 0, 1, 1 (label 2 absent).
     * By hand: I = (1.25, 1.25, 0), P + R = (3.625, 3.625, 0.75), R = (2, 2, 0), so square weights 1/4 for the present
     * classes and, for the absent one, 1/4 (rule max) or 0 (rule zero).
     */
    @Test
    void handWorkedTermsForEveryAbsentRuleAndBackgroundChoice() {
        Geometry g = Geometry.ofSpacing(4, 1, 1, 1, 1, 1);
        float[][] p = {{0.5f, 0.75f, 0.25f, 0.125f}, {0.25f, 0.125f, 0.5f, 0.75f}, {0.25f, 0.125f, 0.25f, 0.125f}};
        Engine e = Engine.build(TestCases.of("hand", g, new byte[] {0, 0, 1, 1}, p, 0, 1, 2), Progress.NONE);
        // {rule max?, background in?, Σ w I, Σ w (P + R)}
        double[][] cases = {
            {1, 1, 0.25 * 1.25 + 0.25 * 1.25, 0.25 * (3.625 + 3.625 + 0.75)}, // 0.625, 2
            {0, 1, 0.25 * 1.25 + 0.25 * 1.25, 0.25 * (3.625 + 3.625)}, // 0.625, 1.8125
            {1, 0, 0.25 * 1.25, 0.25 * (3.625 + 0.75)}, // 0.3125, 1.09375
            {0, 0, 0.25 * 1.25, 0.25 * 3.625}, // 0.3125, 0.90625
        };
        for (double[] k : cases) {
            EmptyRule rule = k[0] == 1 ? EmptyRule.MAX : EmptyRule.ZERO;
            boolean bg = k[1] == 1;
            Settings s = Settings.defaults(3).withWeights(WeightScheme.SQUARE, null, rule, bg);
            CaseMetrics m = e.evaluate(s);
            GdlTerms t = m.gdlTerms();
            String ctx = rule + " background " + (bg ? "in" : "out");
            assertEquals(k[2], t.numeratorSum(), 1e-15, ctx);
            assertEquals(k[3], t.denominatorSum(), 1e-15, ctx);
            assertEquals(1e-5, t.smoothNr(), ctx);
            assertEquals(1e-5, t.smoothDr(), ctx);
            assertEquals(1 - (2 * k[2] + 1e-5) / (k[3] + 1e-5), m.gdl(), 1e-15, ctx);
            assertEquals(gdlFrom(t), m.gdl(), 0.0, ctx + ": the engine's GDL is computed from these very terms");
            assertEquals(rule == EmptyRule.MAX ? 0.25 : 0.0, t.weights()[2], ctx);
            assertEquals(bg, !Double.isNaN(t.weights()[0]), ctx);
            assertEquals(0.75, t.masses()[2], 1e-15, ctx);
            assertEquals(1.25, t.intersections()[1], 1e-15, ctx);
        }
    }

    @Test
    void termsReproduceTheEnginesGdlAndTheBruteForceOnRandomCases() {
        int[] absentIncluded = new int[2]; // by rule: cases where an included class is absent from the reference
        int[] backgroundOut = new int[1];
        for (int seed = 0; seed < 120; seed++) {
            Random rnd = new Random(1000 + seed);
            Case c = TestCases.random(rnd, seed);
            Engine e = Engine.build(c, Progress.NONE);
            Oracle o = new Oracle(c);
            int nc = c.classCount();
            Settings base = TestCases.settings(rnd, nc, c);
            for (EmptyRule rule : EmptyRule.values()) {
                for (boolean bg : new boolean[] {true, false}) {
                    Settings s = base.withWeights(base.weightScheme(), base.customWeights(), rule, bg);
                    String ctx = "seed " + seed + " C=" + nc + " " + s;
                    CaseMetrics m = e.evaluate(s);
                    GdlTerms t = m.gdlTerms();
                    Map<String, Object> g = o.gdl(s);
                    close(ctx + " Σ w I", (Double) g.get("numeratorSum"), t.numeratorSum());
                    close(ctx + " Σ w (P + R)", (Double) g.get("denominatorSum"), t.denominatorSum());
                    assertEquals(s.losses().smoothNr(), t.smoothNr(), ctx);
                    assertEquals(s.losses().smoothDr(), t.smoothDr(), ctx);
                    close(ctx + " GDL from the terms", gdlFrom(t), m.gdl());
                    close(ctx + " GDL vs brute force", (Double) g.get("loss"), gdlFrom(t));
                    double[] w = (double[]) g.get("weights");
                    double[] shares = (double[]) g.get("shares");
                    List<Integer> reg = o.region(s.margin());
                    for (int k = 0; k < nc; k++) {
                        double i1 = 0;
                        double pr = 0;
                        double rr = 0;
                        for (int i : reg) {
                            i1 += o.p(k, i) * o.r(k, i);
                            pr += o.p(k, i) + o.r(k, i);
                            rr += o.r(k, i);
                        }
                        close(ctx + " w_" + k, w[k], t.weights()[k]);
                        close(ctx + " I_" + k, i1, t.intersections()[k]);
                        close(ctx + " P+R_" + k, pr, t.masses()[k]);
                        close(ctx + " share_" + k, shares[k], t.share(k));
                        close(ctx + " share_" + k + " in ClassMetrics", t.share(k), m.classes().get(k).gdlShare());
                        if (!o.included(s, k)) {
                            backgroundOut[0]++;
                            assertTrue(Double.isNaN(t.weights()[k]), ctx + ": excluded background has no weight");
                        }
                        if (rr == 0 && o.included(s, k) && s.weightScheme() != WeightScheme.UNIFORM
                                && s.weightScheme() != WeightScheme.CUSTOM) {
                            absentIncluded[rule.ordinal()]++;
                        }
                    }
                }
            }
        }
        assertTrue(absentIncluded[EmptyRule.MAX.ordinal()] > 5, "absent classes under rule max: " + absentIncluded[0]);
        assertTrue(absentIncluded[EmptyRule.ZERO.ordinal()] > 5, "absent classes under rule zero: " + absentIncluded[1]);
        assertTrue(backgroundOut[0] > 5, "cases with the background left out: " + backgroundOut[0]);
    }
}
