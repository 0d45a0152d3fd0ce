package org.dicelens.ui.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.common.Progress;
import org.dicelens.lab.DiceOptimalTheory;
import org.dicelens.lab.LabConfig;
import org.dicelens.lab.LabResult;
import org.dicelens.lab.training.LabLoss;
import org.dicelens.lab.training.ModelKind;
import org.dicelens.lab.training.Trainer;
import org.dicelens.phantom.LabCase;
import org.dicelens.phantom.SyntheticLesions;
import org.dicelens.volume.Case;
import org.dicelens.volume.CaseLoader;
import org.dicelens.volume.CaseSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lab's view model without a window: a single-thread executor stands in for the FX thread. One tiny run
 * (16×16×8 phantoms, two losses, 12 steps) is shared by the tests, so ND4J starts and trains once.
 */
class LabModelTest {
    static final SyntheticLesions.Spec TINY = new SyntheticLesions.Spec(16, 16, 8, 1, 1, 2, 1, 3, 3, 60, 15, 0.05, 1.5);
    static final int STEPS = 12;
    static final LabConfig CONFIG = new LabConfig(List.of(LabLoss.CE, LabLoss.SOFT_DICE), ModelKind.LOGISTIC, TINY, 2, 2,
            new Trainer.Options(STEPS, 0.1), new double[] {0, 3}, 5);

    static final ExecutorService FX = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));

    /** Records every view event and the thread it came on. */
    static final class Recorder implements LabModel.View {
        final Map<LabLoss, List<double[]>> points = new EnumMap<>(LabLoss.class);
        final List<LabResult.LossResult> results = new ArrayList<>();
        final List<String> threads = new ArrayList<>();
        List<DiceOptimalTheory.Point> theory;
        LabResult result;
        Throwable error;
        boolean finished;
        final CountDownLatch done = new CountDownLatch(1);
        Runnable onFirstPoint = () -> { };

        @Override
        public void theory(List<DiceOptimalTheory.Point> t) {
            threads.add(Thread.currentThread().getName());
            theory = t;
        }

        @Override
        public void lossPoints(LabLoss loss, List<double[]> pts) {
            threads.add(Thread.currentThread().getName());
            if (points.isEmpty()) {
                onFirstPoint.run();
            }
            points.computeIfAbsent(loss, k -> new ArrayList<>()).addAll(pts);
        }

        @Override
        public void lossResult(LabResult.LossResult r) {
            threads.add(Thread.currentThread().getName());
            results.add(r);
        }

        @Override
        public void finished(LabResult r, Throwable e) {
            threads.add(Thread.currentThread().getName());
            result = r;
            error = e;
            finished = true;
            done.countDown();
        }
    }

    static Recorder run;
    static LabModel model;

    @BeforeAll
    static void trainOnce() throws Exception {
        run = new Recorder();
        model = new LabModel(FX, run);
        FX.submit(() -> model.start(CONFIG)).get();
        assertTrue(run.done.await(120, TimeUnit.SECONDS), "the tiny run finished");
        if (run.error != null) {
            throw new AssertionError(run.error);
        }
    }

    @AfterAll
    static void stop() {
        FX.shutdownNow();
    }

    @Test
    void everyEventArrivesOnTheExecutorThread() {
        assertFalse(run.threads.isEmpty());
        assertTrue(run.threads.stream().allMatch("fake-fx"::equals), run.threads.toString());
        assertNotNull(run.theory);
        assertEquals(2, run.theory.size());
    }

    @Test
    void lossCurvePointsArriveForEveryIterationAndMatchTheResult() throws Exception {
        assertNotNull(run.result);
        for (LabLoss loss : CONFIG.losses()) {
            List<double[]> pts = run.points.get(loss);
            double[] curve = run.result.result(loss).lossCurve();
            // the trainer reports the loss before each step and once after the last: STEPS + 1 points
            assertEquals(STEPS + 1, pts.size(), loss + ": one point per Adam step, then the final loss");
            assertEquals(curve.length, pts.size());
            for (int i = 0; i < pts.size(); i++) {
                assertEquals(i, pts.get(i)[0], 0, "iterations in order");
                assertEquals(curve[i], pts.get(i)[1], 1e-12, loss + " step " + i);
            }
            List<double[]> kept = FX.submit(() -> model.curve(loss)).get();
            assertEquals(STEPS + 1, kept.size());
        }
        assertEquals(CONFIG.losses(), run.results.stream().map(LabResult.LossResult::loss).toList());
        assertSame(run.result, FX.submit(() -> model.result()).get());
    }

    @Test
    void tableRowsCarryTheResultsNumbersAndAgreeWithABruteForceVolumeError() {
        LabResult r = run.result;
        List<LabModel.Row> rows = LabModel.rows(r);
        assertEquals(CONFIG.losses().size() + 2, rows.size());
        for (int j = 0; j < CONFIG.losses().size(); j++) {
            LabLoss loss = CONFIG.losses().get(j);
            LabModel.Row row = rows.get(j);
            assertEquals(loss, row.loss());
            assertSame(r.result(loss).evaluation(), row.evaluation());
            // independent check of ΔV_soft vs R and ΔV_hard vs Σq: mean over held-out cases of (Σp − R)·v, ([p≥0.5] − Σq)·v
            double soft = 0;
            double hard = 0;
            for (int i = 0; i < r.testCases().size(); i++) {
                LabCase c = r.testCases().get(i);
                float[] p = r.result(loss).predictions().get(i);
                double sp = 0;
                long hp = 0;
                double sq = 0;
                long ref = 0;
                for (int v = 0; v < p.length; v++) {
                    sp += p[v];
                    hp += p[v] >= 0.5 ? 1 : 0;
                    sq += c.q()[v];
                    ref += c.reference()[v];
                }
                soft += (sp - ref) * c.geometry().voxelMl();
                hard += (hp - sq) * c.geometry().voxelMl();
            }
            int n = r.testCases().size();
            assertEquals(soft / n, row.evaluation().deltaSoftRefMl().mean(), 1e-6);
            assertEquals(hard / n, row.evaluation().deltaHardExpectedMl().mean(), 1e-6);
        }
        assertEquals(LabModel.Row.Kind.CALIBRATED, rows.get(rows.size() - 2).kind());
        assertSame(r.calibrated(), rows.get(rows.size() - 2).evaluation());
        assertSame(r.diceOptimal(), rows.get(rows.size() - 1).evaluation());
    }

    @Test
    void writtenCaseLoadsBackWithTheSameProbabilities(@TempDir Path dir) throws Exception {
        LabResult r = run.result;
        LabCase c = r.testCases().get(1);
        float[] p = r.result(LabLoss.SOFT_DICE).predictions().get(1);
        CaseFiles files = LabCaseFiles.write(c, p, LabLoss.SOFT_DICE.id(), dir);
        assertTrue(files.isComplete());
        assertTrue(files.classTable().startsWith(dir));
        assertTrue(files.reference().startsWith(dir) && files.image().startsWith(dir));
        Case loaded = CaseLoader.load(CaseSpec.of(files.reference(), files.predictions().toArray(Path[]::new))
                .withImage(files.image()).withClassTable(files.classTable()), Progress.NONE);
        assertEquals(2, loaded.classCount());
        assertEquals("lesion", loaded.classes().get(1).name());
        assertArrayEquals(c.geometry().affine(), loaded.geometry().affine(), 1e-6);
        for (int i = 0; i < c.voxelCount(); i++) {
            assertEquals(p[i], loaded.probability(1, i), 0f, "lesion p at " + i);
            assertEquals(1f - p[i], loaded.probability(0, i), 0f, "background 1 − p at " + i);
            assertEquals(c.reference()[i], loaded.reference(i), "reference at " + i);
        }
        assertArrayEquals(c.image(), loaded.imageIfAny().orElseThrow().values(), 0f);
    }

    @Test
    void cancellingStopsTheRunWithoutResultOrError() throws Exception {
        Recorder rec = new Recorder();
        LabModel m = new LabModel(FX, rec);
        rec.onFirstPoint = m::cancel; // cancel as soon as the live curve starts
        LabConfig longRun = CONFIG.withTraining(new Trainer.Options(1_000_000, 0.1)).withLosses(List.of(LabLoss.CE));
        FX.submit(() -> m.start(longRun)).get();
        assertTrue(rec.done.await(60, TimeUnit.SECONDS), "a cancelled run ends quickly");
        assertNull(rec.result);
        assertNull(rec.error);
        assertTrue(rec.results.isEmpty());
        assertFalse(FX.submit(m::isRunning).get());
    }

    @Test
    void configCarriesThePanelsChoices() {
        LabConfig c = LabModel.config(List.of(LabLoss.GDL, LabLoss.TVERSKY), 5.5, 7, 2.5, false);
        assertEquals(List.of(LabLoss.GDL, LabLoss.TVERSKY), c.losses());
        assertEquals(5.5, c.phantom().widthMm());
        assertEquals(7, c.phantom().lesionCount());
        assertEquals(2.5, c.phantom().lesionRadiusMm());
        assertEquals(LabConfig.quick().training(), c.training());
        assertEquals(LabConfig.standard().training(), LabModel.config(List.of(LabLoss.CE), 1, 1, 1, true).training());
        LabConfig head = LabModel.config(List.of(LabLoss.CE), 1.25, 3, 4, LabModel.Preset.GENERATOR_QUICK);
        assertEquals("generator", head.phantom().kind());
        assertEquals(1.25, head.phantom().widthMm());
        assertEquals(3, head.phantom().lesionCount());
        assertEquals(4, head.phantom().lesionRadiusMm());
    }
}
