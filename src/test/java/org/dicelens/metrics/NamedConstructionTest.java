package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Records are built by name where positions could be swapped, and every range is checked in one place. */
class NamedConstructionTest {
    @Test
    void lossParamsWithChangesOnlyTheNamedParameter() {
        LossParams d = LossParams.defaults();
        for (LossParameter p : LossParameter.values()) {
            LossParams changed = d.with(p, 0.123);
            for (LossParameter q : LossParameter.values()) {
                assertEquals(q == p ? 0.123 : q.of(d), q.of(changed), p + " changed " + q);
            }
            assertEquals(d.wceWeightSource(), changed.wceWeightSource());
        }
    }

    @Test
    void theDefaultsAreTheFormulaSheets() {
        // written out from docs/FORMULAS.md, not from the code
        assertEquals(new LossParams(1e-5, 1e-5, 0.5, 0.5, 4.0 / 3.0, WceWeightSource.REFERENCE, 0.05, 2.0, 0.3, 0.8, 0.2, 0.5,
                0.5), LossParams.defaults());
        assertEquals("--focal-tversky-gamma", LossParameter.FOCAL_TVERSKY_GAMMA.option());
        assertEquals("--exp-log-w-ce", LossParameter.EXP_LOG_W_CE.option());
    }

    @Test
    void theBuilderRefusesAForgottenValueAndNamesIt() {
        ClassMetricsBuilder b = new ClassMetricsBuilder().label(1).name("x");
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertTrue(e.getMessage().contains("threshold") && e.getMessage().contains("diceOptimalMl"), e.getMessage());
    }

    @Test
    void rangesAreCheckedInOnePlace() {
        Settings ok = Settings.defaults(3);
        assertTrue(SettingsCheck.problems(ok, 3).isEmpty());
        assertNull(SettingsCheck.binsProblem(20));
        assertNotNull(SettingsCheck.binsProblem(7), "7 bins do not divide the 1,000 exact bins");
        List<SettingsCheck.Problem> p = SettingsCheck.problems(ok.withLosses(ok.losses().with(LossParameter.SS_LAMBDA, 1.5))
                .withCalibrationBins(7).withThresholdSteps(new int[] {500, 1001, 0}), 3);
        assertEquals(List.of("thresholdSteps[1]", "calibrationBins", "losses.ssLambda"),
                p.stream().map(SettingsCheck.Problem::field).toList());
        assertEquals(1, SettingsCheck.problems(ok, 2).size(), "three thresholds for two classes");
        assertNotNull(LossParameter.FOCAL_TVERSKY_GAMMA.problem(0), "γ = 0 would divide by zero");
        assertNull(LossParameter.FOCAL_GAMMA.problem(0), "focal γ = 0 is cross-entropy");
    }
}
