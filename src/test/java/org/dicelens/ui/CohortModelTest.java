package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.cohort.CasePoint;
import org.dicelens.metrics.cohort.ClassSummary;
import org.dicelens.metrics.cohort.CohortClass;
import org.dicelens.ui.model.CohortModel;
import org.dicelens.volume.ClassTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cohort view model on a generated cohort of three cases; expected values by per-voxel loops (UiTestCase). */
class CohortModelTest {
    static final long[] SEEDS = {11, 12, 13};
    static final UiTestCase[] CASES = new UiTestCase[SEEDS.length];
    @TempDir
    static Path dir;
    static Path refs;
    static Path preds;
    /** A second model on the same references (the references' boxes do not depend on the seed). */
    static final UiTestCase[] OTHER = new UiTestCase[SEEDS.length];
    static Path preds2;

    @BeforeAll
    static void writeCohort() throws Exception {
        refs = Files.createDirectories(dir.resolve("refs"));
        preds = Files.createDirectories(dir.resolve("preds"));
        for (int k = 0; k < SEEDS.length; k++) {
            CASES[k] = new UiTestCase(SEEDS[k]);
            Path tmp = Files.createDirectories(dir.resolve("tmp" + k));
            CASES[k].write(tmp);
            Files.move(tmp.resolve("case_seg.nii.gz"), refs.resolve("case" + k + ".nii.gz"));
            Files.move(tmp.resolve("case_prob.nii.gz"), preds.resolve("case" + k + ".nii.gz"));
        }
        preds2 = Files.createDirectories(dir.resolve("preds2"));
        for (int k = 0; k < SEEDS.length; k++) {
            OTHER[k] = new UiTestCase(SEEDS[k] + 100);
            Path tmp = Files.createDirectories(dir.resolve("other" + k));
            OTHER[k].write(tmp);
            Files.move(tmp.resolve("case_prob.nii.gz"), preds2.resolve("case" + k + ".nii.gz"));
        }
        // a prediction without a reference: a listed failure, not a fatal one
        Files.copy(preds.resolve("case0.nii.gz"), preds.resolve("orphan.nii.gz"));
    }

    /** Brute force: mean over the cases of ΔV_hard of a class at step t (every case has the class). */
    static double bias(int channel, int step) {
        double s = 0;
        for (UiTestCase c : CASES) {
            s += (c.hardVoxels(channel, step) - c.refVoxels(channel)) * UiTestCase.VOXEL_ML;
        }
        return s / CASES.length;
    }

    static CohortModel loaded() {
        CohortModel m = new CohortModel(Tasks.direct());
        m.open(refs, preds, null);
        assertNull(m.problemProperty().get());
        assertNotNull(m.summaryProperty().get());
        return m;
    }

    @Test
    void loadsTheCasesAndListsTheFailure() {
        CohortModel m = loaded();
        assertEquals(3, m.cohortProperty().get().cases().size());
        assertEquals(1, m.failures().size());
        assertEquals("orphan", m.failures().get(0).caseName());
        assertTrue(m.failures().get(0).error().contains("no reference"), m.failures().get(0).error());
        assertNotNull(m.caseFiles("case1"));
        assertNull(m.caseFiles("orphan"));
        assertEquals(3, m.summaryProperty().get().classes().size());
    }

    @Test
    void aThresholdMoveChangesTheBlandAltmanBiasByTheBruteForceAmount() {
        CohortModel m = loaded();
        m.controls().classes().get(1).thresholdStepProperty().set(300);
        ClassSummary low = m.summaryProperty().get().classes().get(1).summary();
        assertEquals(bias(1, 300), low.meanDeltaHardMl(), 1e-12);
        m.controls().classes().get(1).thresholdStepProperty().set(700);
        ClassSummary high = m.summaryProperty().get().classes().get(1).summary();
        assertEquals(bias(1, 700), high.meanDeltaHardMl(), 1e-12);
        assertEquals(bias(1, 700) - bias(1, 300), high.meanDeltaHardMl() - low.meanDeltaHardMl(), 1e-12);
        assertNotEquals(low.meanDeltaHardMl(), high.meanDeltaHardMl());
        // per case: the table's hard Dice and volumes, against the per-voxel loop
        CohortClass c1 = m.summaryProperty().get().classes().get(1);
        List<CasePoint> pts = c1.points();
        for (int k = 0; k < CASES.length; k++) {
            assertEquals("case" + k, pts.get(k).caseName());
            assertEquals(CASES[k].hardDice(1, 700), pts.get(k).hardDice(), 1e-12);
            assertEquals(CASES[k].refVoxels(1) * UiTestCase.VOXEL_ML, pts.get(k).refMl(), 1e-12);
            assertEquals(CASES[k].softSum(1) * UiTestCase.VOXEL_ML, pts.get(k).softMl(), 1e-6);
        }
        // the other classes keep their thresholds
        assertEquals(bias(2, 500), m.summaryProperty().get().classes().get(2).summary().meanDeltaHardMl(), 1e-12);
    }

    @Test
    void modeChangesRecomputeTheSummary() {
        CohortModel m = loaded();
        m.controls().modeProperty().set(HardMode.ARGMAX);
        assertEquals(HardMode.ARGMAX, m.summaryProperty().get().settings().mode());
        double mean = 0;
        for (UiTestCase c : CASES) {
            long argmax = 0;
            for (int i = 0; i < UiTestCase.N; i++) {
                argmax += c.p[2][i] > c.p[0][i] && c.p[2][i] > c.p[1][i] ? 1 : 0;
            }
            mean += (argmax - c.refVoxels(2)) * UiTestCase.VOXEL_ML / CASES.length;
        }
        assertEquals(mean, m.summaryProperty().get().classes().get(2).summary().meanDeltaHardMl(), 1e-12);
    }

    @Test
    void aCaseOpensWithTheCohortsThresholdsByLabel() {
        CohortModel m = loaded();
        m.controls().classes().get(1).thresholdStepProperty().set(250);
        m.controls().classes().get(2).thresholdStepProperty().set(640);
        // a case whose channels are ordered 2, 0, 1 gets the thresholds of labels 2, 0, 1
        int[] steps = m.settingsFor(ClassTable.forLabels(2, 0, 1)).thresholdSteps();
        assertEquals(List.of(640, 500, 250), List.of(steps[0], steps[1], steps[2]));
    }

    @Test
    void aSecondModelGivesThePairedDifferenceOfDeltaV() {
        CohortModel m = new CohortModel(Tasks.direct());
        m.open(refs, preds, preds2, null);
        assertNull(m.problemProperty().get());
        m.controls().classes().get(1).thresholdStepProperty().set(400);
        double[] d = new double[CASES.length];
        double mean = 0;
        for (int k = 0; k < CASES.length; k++) {
            assertEquals(java.util.Arrays.toString(CASES[k].labels), java.util.Arrays.toString(OTHER[k].labels));
            d[k] = (CASES[k].hardVoxels(1, 400) - OTHER[k].hardVoxels(1, 400)) * UiTestCase.VOXEL_ML;
            mean += d[k] / CASES.length;
        }
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        org.dicelens.ui.model.PairedDelta p = m.paired(1);
        assertEquals(3, p.cases());
        assertEquals(mean, p.meanDiffMl(), 1e-12);
        assertEquals(Math.sqrt(ss / 2), p.sdDiffMl(), 1e-12);
        double biasB = 0;
        for (UiTestCase c : OTHER) {
            biasB += (c.hardVoxels(1, 400) - c.refVoxels(1)) * UiTestCase.VOXEL_ML / OTHER.length;
        }
        assertEquals(biasB, m.comparedSummaryProperty().get().classes().get(1).summary().meanDeltaHardMl(), 1e-12);
        // orphan.nii.gz of the first folder only
        assertEquals(1, m.failures().size());
    }

    @Test
    void aMissingFolderIsAProblemNotACrash() {
        CohortModel m = new CohortModel(Tasks.direct());
        m.open(dir.resolve("nope"), preds, null);
        assertTrue(m.problemProperty().get().contains("nope"), m.problemProperty().get());
        assertNull(m.cohortProperty().get());
    }
}
