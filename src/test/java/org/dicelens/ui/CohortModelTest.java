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
import org.dicelens.ui.model.DiceDistribution;
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

    /** Brute force: soft Dice 2Σp·r / (Σp + Σr) of a class in one case, from the voxels. */
    static double softDice(UiTestCase c, int channel) {
        double pr = 0;
        double sp = 0;
        long r = 0;
        for (int i = 0; i < UiTestCase.N; i++) {
            boolean in = c.labels[i] == channel;
            pr += in ? c.p[channel][i] : 0;
            sp += c.p[channel][i];
            r += in ? 1 : 0;
        }
        return 2 * pr / (sp + r);
    }

    /** The plotted spread of three values against the hand-worked quartiles of three sorted values a ≤ b ≤ c. */
    static void assertSpreadOf(double[] raw, DiceDistribution.Spread s) {
        double[] v = raw.clone();
        java.util.Arrays.sort(v);
        assertEquals(3, s.values().length);
        for (int i = 0; i < 3; i++) {
            assertEquals(v[i], s.values()[i], 1e-9);
        }
        assertEquals(v[0], s.min(), 1e-9);
        assertEquals((v[0] + v[1]) / 2, s.q1(), 1e-9); // position 0.25·2 = 0.5: halfway between the first two
        assertEquals(v[1], s.median(), 1e-9);
        assertEquals((v[1] + v[2]) / 2, s.q3(), 1e-9);
        assertEquals(v[2], s.max(), 1e-9);
    }

    @Test
    void theDiceDistributionIsTheBruteForceOneAndFollowsTheThreshold() {
        CohortModel m = loaded();
        for (int step : new int[] {350, 650}) {
            m.controls().classes().get(1).thresholdStepProperty().set(step);
            m.controls().classes().get(2).thresholdStepProperty().set(step);
            DiceDistribution d = m.distributionProperty().get();
            // background left out: labels 1 and 2, in the cohort's order
            assertEquals(List.of(1, 2), d.classes().stream().map(DiceDistribution.ClassSpread::label).toList());
            for (DiceDistribution.ClassSpread c : d.classes()) {
                int ch = c.label();
                double[] hard = new double[CASES.length];
                double[] soft = new double[CASES.length];
                for (int k = 0; k < CASES.length; k++) {
                    hard[k] = CASES[k].hardDice(ch, step);
                    soft[k] = softDice(CASES[k], ch);
                }
                assertSpreadOf(hard, c.hard());
                assertSpreadOf(soft, c.soft());
                assertNull(c.other());
                assertEquals(c.hard().median(), m.summaryProperty().get().classes().get(ch).summary().medianHardDice(),
                        1e-12);
            }
        }
        // a threshold move changed what is plotted (the hard Dice), not the soft Dice
        m.controls().classes().get(1).thresholdStepProperty().set(350);
        double[] at350 = m.distributionProperty().get().classes().get(0).hard().values();
        m.controls().classes().get(1).thresholdStepProperty().set(650);
        assertNotEquals(java.util.Arrays.toString(at350),
                java.util.Arrays.toString(m.distributionProperty().get().classes().get(0).hard().values()));
    }

    @Test
    void theSecondModelsHardDiceJoinTheDistribution() {
        CohortModel m = new CohortModel(Tasks.direct());
        m.open(refs, preds, preds2, null);
        m.controls().classes().get(1).thresholdStepProperty().set(450);
        double[] hard = new double[OTHER.length];
        for (int k = 0; k < OTHER.length; k++) {
            hard[k] = OTHER[k].hardDice(1, 450);
        }
        assertSpreadOf(hard, m.distributionProperty().get().classes().get(0).other());
        assertNotNull(m.comparedCaseFiles("case1"));
        assertEquals(preds2.resolve("case1.nii.gz"), m.comparedCaseFiles("case1").predictions().get(0));
    }

    /** Lanes on real threads (cases on {@code jobs} threads), results delivered on the worker: a real parallel load. */
    static Tasks threaded(java.util.function.Function<String, java.util.concurrent.Executor> special) {
        return new Tasks(org.dicelens.app.tasks.UiThread.direct(), (name, n) -> {
            java.util.concurrent.Executor e = special == null ? null : special.apply(name);
            return e != null ? e : java.util.concurrent.Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "test-" + name);
                t.setDaemon(true);
                return t;
            });
        }, org.dicelens.app.tasks.Delay.NONE);
    }

    static void awaitLoaded(CohortModel m) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while ((m.loadingProperty().get() || m.summaryProperty().get() == null && m.problemProperty().get() == null)
                && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(!m.loadingProperty().get(), "the load finished");
    }

    /** Records of doubles compared with equals: every summary number and case point bit for bit; curves by value. */
    static void assertSameClasses(List<CohortClass> a, List<CohortClass> b) {
        assertEquals(a.size(), b.size());
        for (int j = 0; j < a.size(); j++) {
            assertEquals(a.get(j).summary(), b.get(j).summary());
            assertEquals(a.get(j).points(), b.get(j).points());
            assertTrue(java.util.Arrays.equals(a.get(j).curves().meanHardDice(), b.get(j).curves().meanHardDice()));
            assertTrue(java.util.Arrays.equals(a.get(j).curves().meanDeltaHardMl(),
                    b.get(j).curves().meanDeltaHardMl()));
        }
    }

    @Test
    void aParallelLoadEqualsTheSerialOne() throws Exception {
        CohortModel serial = new CohortModel(Tasks.direct());
        serial.setJobs(1);
        serial.open(refs, preds, preds2, null);
        Tasks t = threaded(null);
        CohortModel parallel = new CohortModel(t);
        parallel.setJobs(3);
        parallel.open(refs, preds, preds2, null);
        awaitLoaded(parallel);
        for (CohortModel m : new CohortModel[] {serial, parallel}) {
            m.controls().classes().get(1).thresholdStepProperty().set(420);
        }
        awaitLoaded(parallel);
        long end = System.nanoTime() + 10_000_000_000L;
        while (parallel.summaryProperty().get().settings().thresholdSteps()[1] != 420 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertSameClasses(serial.summaryProperty().get().classes(), parallel.summaryProperty().get().classes());
        assertSameClasses(serial.comparedSummaryProperty().get().classes(),
                parallel.comparedSummaryProperty().get().classes());
        assertEquals(serial.failures(), parallel.failures());
        assertEquals(List.of("case0", "case1", "case2"), parallel.cohortProperty().get().cases().stream()
                .map(c -> c.name()).toList());
        t.shutdown();
    }

    @Test
    void progressCountsTheCasesAndCancelStopsTheLoad() throws Exception {
        CohortModel m = new CohortModel(Tasks.direct());
        List<String> messages = new java.util.ArrayList<>();
        m.messageProperty().addListener((o, a, v) -> messages.add(v));
        m.open(refs, preds, null);
        for (int k = 1; k <= 4; k++) {
            String want = " (" + k + " of 4)";
            assertTrue(messages.stream().anyMatch(x -> x.startsWith("Loaded ") && x.endsWith(want)), messages.toString());
        }
        // cases queue on a lane that runs nothing until the test lets it: Cancel comes first, so no case is loaded
        java.util.concurrent.BlockingQueue<Runnable> held = new java.util.concurrent.LinkedBlockingQueue<>();
        Tasks t = threaded(name -> name.startsWith("cohort-case") ? held::add : null);
        CohortModel c = new CohortModel(t);
        c.open(refs, preds, null);
        long end = System.nanoTime() + 10_000_000_000L;
        while (held.size() < 4 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertEquals(4, held.size(), "the four pairs queued");
        c.cancel();
        awaitLoaded(c);
        assertEquals("Cancelled", c.problemProperty().get());
        assertNull(c.cohortProperty().get());
        for (Runnable r : held) {
            r.run(); // cancelled before they ran: they do nothing
        }
        assertNull(c.cohortProperty().get());
        t.shutdown();
    }
}
