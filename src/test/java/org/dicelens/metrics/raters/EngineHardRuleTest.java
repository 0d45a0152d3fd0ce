package org.dicelens.metrics.raters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.dicelens.common.Progress;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.Engine;
import org.dicelens.volume.Case;
import org.dicelens.volume.ProbabilityMaps;
import org.junit.jupiter.api.Test;

/** The adapter's hard masks give the engine's TP and FP counts, in threshold and argmax mode, floors and edges. */
class EngineHardRuleTest {
    @Test
    void masksCountAsTheEngine() {
        Random rnd = new Random(7);
        for (int round = 0; round < 300; round++) {
            RaterStatisticsTest.Setup su = RaterStatisticsTest.setup(rnd);
            int nc = su.classes().size();
            byte[] ref = RaterStatisticsTest.labelMaps(rnd, 1, su.n(), nc, 0).get(0);
            Case cs = new Case("rule", su.g(), null, ref, new ProbabilityMaps(su.g(), su.p(), 0, List.of("p")), su.classes(),
                    List.of());
            Engine e = Engine.build(cs, Progress.NONE);
            CaseMetrics m = e.evaluate(su.s());
            byte[][] masks = EngineHardRule.masks(su.p(), su.s(), su.classes().backgroundChannel());
            for (int c = 0; c < nc; c++) {
                long tp = 0;
                long fp = 0;
                for (int i = 0; i < su.n(); i++) {
                    if (masks[c][i] != 0 && e.region().contains(i, su.s().margin())) {
                        tp += ref[i] == c ? 1 : 0;
                        fp += ref[i] == c ? 0 : 1;
                    }
                }
                assertEquals(m.classes().get(c).tp(), tp, "round " + round + " class " + c + " TP " + su.s().mode());
                assertEquals(m.classes().get(c).fp(), fp, "round " + round + " class " + c + " FP " + su.s().mode());
            }
        }
    }

    @Test
    void stepsAreTheInclusiveThresholds() {
        assertEquals(300, EngineHardRule.stepOf(0.3f), "0.3f lies just above 0.3");
        assertEquals(299, EngineHardRule.stepOf(Math.nextDown(0.3f)));
        assertEquals(1000, EngineHardRule.stepOf(1f));
        assertEquals(1000, EngineHardRule.stepOf(1.5f), "clamped");
        assertEquals(0, EngineHardRule.stepOf(-0.5f), "clamped");
        for (int j = 1; j <= 9; j++) {
            float tau = j / 10f;
            assertEquals(tau >= j / 10.0, EngineHardRule.atLeast(tau, 100 * j), "τ = " + tau);
        }
    }
}
