package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.WeightScheme;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.ui.model.ControlsModel;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root view model without a window: loading, live evaluation, failures and cancellation. */
class ViewerModelTest {
    @TempDir
    Path dir;
    private UiTestCase tc;
    private CaseFiles files;
    private ViewerModel vm;

    @BeforeEach
    void setUp() throws Exception {
        tc = new UiTestCase(7);
        files = tc.write(dir);
        // everything synchronous: each call below has finished, results delivered, when it returns (no polling)
        vm = new ViewerModel(Tasks.direct(), AppWiring.reader(), AppWiring.factory());
    }

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    private void openAndWait() {
        vm.open(files);
        assertNotNull(vm.current(), "the case");
        assertNotNull(vm.metricsProperty().get(), "its metrics");
    }

    private CaseMetrics awaitMetricsFor(Settings s) {
        Settings shown = vm.metricsSettingsProperty().get();
        assertTrue(shown != null && java.util.Arrays.equals(shown.thresholdSteps(), s.thresholdSteps())
                && shown.margin() == s.margin() && shown.weightScheme() == s.weightScheme() && shown.mode() == s.mode(),
                "metrics for the new settings");
        return vm.metricsProperty().get();
    }

    @Test
    void loadedCaseShowsTheEnginesMetricsAndTheyMatchABruteForceCount() {
        openAndWait();
        assertEquals(3, vm.controls().classes().size());
        CaseMetrics m = vm.metricsProperty().get();
        for (int c = 0; c < 3; c++) {
            assertEquals(tc.hardDice(c, 500), m.classes().get(c).hardDice(), 1e-12, "class " + c);
            assertEquals(tc.refVoxels(c) * UiTestCase.VOXEL_ML, m.classes().get(c).refMl(), 1e-9);
        }
    }

    @Test
    void movingOneThresholdReEvaluatesThatClass() {
        openAndWait();
        vm.controls().classes().get(1).thresholdStepProperty().set(237);
        CaseMetrics m = awaitMetricsFor(vm.controls().toSettings());
        assertEquals(tc.hardDice(1, 237), m.classes().get(1).hardDice(), 1e-12);
        assertEquals(tc.hardDice(2, 500), m.classes().get(2).hardDice(), 1e-12);
        assertEquals(0.237, m.classes().get(1).threshold(), 1e-12);
    }

    @Test
    void globalSliderMovesEveryClassInOneSettingsChange() {
        openAndWait();
        AtomicInteger changes = new AtomicInteger();
        vm.controls().settingsProperty().addListener((o, a, b) -> changes.incrementAndGet());
        vm.controls().globalThresholdStepProperty().set(650);
        assertEquals(1, changes.get());
        assertArrayEquals(new int[] {650, 650, 650}, vm.controls().toSettings().thresholdSteps());
        CaseMetrics m = awaitMetricsFor(vm.controls().toSettings());
        for (int c = 0; c < 3; c++) {
            assertEquals(tc.hardDice(c, 650), m.classes().get(c).hardDice(), 1e-12);
        }
    }

    @Test
    void marginControlGivesTheRegionsVoxelCountAndForegroundFraction() {
        openAndWait();
        vm.controls().marginProperty().set(1);
        CaseMetrics m = awaitMetricsFor(vm.controls().toSettings());
        long[] r = tc.region(1);
        assertEquals(r[0], m.regionVoxels());
        assertEquals(r[1] / (double) r[0], m.foregroundFraction(), 1e-12);
    }

    @Test
    void controlsMakeTheSettingsTheEngineReceives() {
        ControlsModel c = vm.controls();
        openAndWait();
        c.modeProperty().set(HardMode.ARGMAX);
        c.confidenceFloorStepProperty().set(400);
        c.weightSchemeProperty().set(WeightScheme.SIMPLE);
        c.includeBackgroundProperty().set(false);
        c.losses().tverskyAlpha.set(0.3);
        Settings s = c.toSettings();
        assertEquals(HardMode.ARGMAX, s.mode());
        assertEquals(400, s.confidenceFloorStep());
        assertEquals(WeightScheme.SIMPLE, s.weightScheme());
        assertFalse(s.includeBackground());
        assertEquals(0.3, s.losses().tverskyAlpha());
        assertEquals(Settings.WHOLE_VOLUME, s.margin());
    }

    @Test
    void aMalformedFileReportsTheFileAndKeepsTheCase() throws Exception {
        openAndWait();
        LoadedCase before = vm.current();
        Path bad = dir.resolve("broken_prob.nii");
        Files.write(bad, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        vm.open(files.withPredictions(List.of(bad)));
        assertNotNull(vm.problemProperty().get(), "a problem report");
        assertTrue(vm.problemProperty().get().message().contains("broken_prob.nii"),
                vm.problemProperty().get().message());
        assertSame(before, vm.current());
        assertFalse(vm.loadingProperty().get(), "loading ended");
    }

    @Test
    void cancellingALoadKeepsTheCaseAndReportsNoError() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        ViewerModel slow = new ViewerModel(Runnable::run, (f, progress) -> {
            if (f.phantom() == null) {
                return AppWiring.read(f, progress);
            }
            started.countDown();
            while (true) {
                progress.checkCancelled(); // a reader that only ends when cancelled
                Thread.onSpinWait();
            }
        }, AppWiring.factory());
        try {
            slow.open(files);
            Await.until("the case", () -> slow.current() != null);
            LoadedCase before = slow.current();
            slow.open(CaseFiles.ofPhantom("endless"));
            started.await();
            assertTrue(slow.loadingProperty().get());
            slow.cancelLoad();
            Await.until("loading to end", () -> !slow.loadingProperty().get());
            assertSame(before, slow.current());
            assertNull(slow.problemProperty().get());
        } finally {
            slow.shutdown();
        }
    }

    @Test
    void chartsFollowTheChosenClass() {
        openAndWait();
        vm.controls().selectedClassProperty().set(2);
        assertEquals(2, vm.sweepProperty().get().channel(), "sweep of class 2");
        var sweep = vm.sweepProperty().get();
        assertEquals(1001, sweep.hardDice().length);
        for (int step : new int[] {100, 333, 500, 871}) {
            assertEquals(tc.hardDice(2, step), sweep.hardDice()[step], 1e-12, "step " + step);
        }
        assertEquals(2, vm.histogramProperty().get().channel(), "histogram of class 2");
        var h = vm.histogramProperty().get();
        assertEquals(tc.refVoxels(2), java.util.Arrays.stream(h.withReference()).sum());
        assertEquals(UiTestCase.N - tc.refVoxels(2), java.util.Arrays.stream(h.withoutReference()).sum());
        assertEquals(2, vm.perSliceProperty().get().channel(), "per-slice figures");
        assertEquals(UiTestCase.NZ, vm.perSliceProperty().get().hardDice().length);
        assertNotNull(vm.sumsProperty().get());
    }

    @Test
    void entryPointsRefuseCallsOffTheUiThread() {
        // a UI thread that is never the caller's: the app's FX check seen from a worker thread
        Tasks offThread = new Tasks(org.dicelens.app.tasks.UiThread.of(Runnable::run, () -> false),
                (name, n) -> Runnable::run, org.dicelens.app.tasks.Delay.NONE);
        ViewerModel m = new ViewerModel(offThread, AppWiring.reader(), AppWiring.factory());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> m.open(files));
        assertTrue(e.getMessage().contains("ViewerModel.open"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, m::cancelLoad);
        assertNull(m.current(), "nothing was started");
    }
}
