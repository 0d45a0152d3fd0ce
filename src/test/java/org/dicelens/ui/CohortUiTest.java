package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.dicelens.ui.FxCall.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.dicelens.metrics.cohort.CasePoint;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.CohortModel;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.ui.panels.Fmt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The cohort panel in the real window, headless: a threshold move shown as the brute-force bias, and a click on a case
 * opening it with the cohort's settings, Back returning to the cohort.
 */
@ExtendWith(ApplicationExtension.class)
class CohortUiTest {
    private static final long[] SEEDS = {21, 22, 23};
    private final UiTestCase[] cases = new UiTestCase[SEEDS.length];
    private ViewerModel vm;
    private MainWindow window;
    private Preferences prefs;
    private Path refs;
    private Path preds;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("dicelens-cohort-ui");
        refs = Files.createDirectories(dir.resolve("refs"));
        preds = Files.createDirectories(dir.resolve("preds"));
        for (int k = 0; k < SEEDS.length; k++) {
            cases[k] = new UiTestCase(SEEDS[k]);
            Path tmp = Files.createDirectories(dir.resolve("tmp" + k));
            cases[k].write(tmp);
            Files.move(tmp.resolve("case_seg.nii.gz"), refs.resolve("case" + k + ".nii.gz"));
            Files.move(tmp.resolve("case_prob.nii.gz"), preds.resolve("case" + k + ".nii.gz"));
        }
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        prefs = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        window = DiceLensApp.build(stage, vm, new DisplayModel(), new RecentFiles(prefs));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.removeNode();
    }


    private double bias(int channel, int step) {
        double s = 0;
        for (UiTestCase c : cases) {
            s += (c.hardVoxels(channel, step) - c.refVoxels(channel)) * UiTestCase.VOXEL_ML;
        }
        return s / cases.length;
    }

    private CohortModel openCohort() {
        CohortModel m = fx(() -> {
            window.cohort().open(refs, preds, null);
            return window.cohort().model();
        });
        Await.until("the cohort's summary", () -> fx(() -> m.summaryProperty().get() != null));
        assertSame(window.cohort().panel(), fx(window::getCenter));
        return m;
    }

    @Test
    void aThresholdMoveShowsTheBruteForceBias(FxRobot robot) {
        CohortModel m = openCohort();
        assertEquals(1, (int) fx(() -> m.controls().selectedClassProperty().get()), "the first foreground class");
        for (int step : new int[] {300, 700}) {
            fx(() -> {
                window.cohort().panel().threshold().setValue(step / 1000.0);
                return null;
            });
            Await.until("the summary at t = " + step, () -> fx(() ->
                    m.summaryProperty().get().settings().thresholdSteps()[1] == step));
            String line = fx(() -> robot.lookup("#cohortSummary").queryAs(Label.class).getText());
            assertTrue(line.contains("ΔV_hard bias " + Fmt.signed(bias(1, step), 3) + " mL"), line);
            assertEquals(bias(1, step), fx(() -> m.summaryProperty().get().classes().get(1).summary()
                    .meanDeltaHardMl()), 1e-12);
        }
    }

    @Test
    void clickingACaseOpensItWithTheCohortsSettingsAndBackReturns(FxRobot robot) {
        CohortModel m = openCohort();
        fx(() -> {
            m.controls().classes().get(1).thresholdStepProperty().set(300);
            return null;
        });
        Await.until("the table at t = 0.3", () -> fx(() -> {
            var t = window.cohort().panel().table();
            return t.getItems().size() == 3 && m.summaryProperty().get().settings().thresholdSteps()[1] == 300;
        }));
        // the row cell showing case2 is looked up right before each click (cells are reused when the table refreshes,
        // and for a moment during a refresh no cell shows it: the lookup waits for one); a click that lands while the
        // table is being refreshed is tried again, at most three times
        boolean opened = false;
        for (int attempt = 0; attempt < 3 && !opened; attempt++) {
            AtomicReference<TableRow<?>> found = new AtomicReference<>();
            Await.until("a row showing case2", () -> fx(() -> {
                robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                        .filter(r -> r.getItem() != null && ((CasePoint) r.getItem()).caseName().equals("case2"))
                        .findFirst().ifPresent(found::set);
                return found.get() != null;
            }));
            robot.clickOn(found.get());
            long end = System.nanoTime() + 10_000_000_000L;
            while (!opened && System.nanoTime() < end) {
                opened = fx(() -> vm.current() != null && "case2".equals(vm.current().files().name())
                        && vm.metricsProperty().get() != null);
                org.testfx.util.WaitForAsyncUtils.sleep(20, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        assertTrue(opened, "clicking case2's row opens case2");
        assertEquals(300, (int) fx(() -> vm.controls().classes().get(1).thresholdStepProperty().get()));
        assertEquals(1, (int) fx(() -> vm.controls().selectedClassProperty().get()));
        Await.until("the case's metrics at t = 0.3", () -> fx(() ->
                vm.metricsSettingsProperty().get() != null && vm.metricsSettingsProperty().get().thresholdSteps()[1] == 300));
        assertEquals(cases[2].hardDice(1, 300), fx(() -> vm.metricsProperty().get().classes().get(1).hardDice()), 1e-12);
        robot.clickOn("#backToCohort");
        assertSame(window.cohort().panel(), fx(window::getCenter));
    }

    /**
     * Where a case's hard point of class 1 is drawn on screen in a plot, choosing a case whose point has no other case's
     * drawn point (hard or soft) within 4 px: clicked on, it is the nearest, so the click can only mean that case.
     */
    private javafx.geometry.Point2D lonePoint(CohortModel m, String plotId, boolean blandAltman, String[] chosen) {
        return fx(() -> {
            var plot = (org.dicelens.ui.charts.PlotCanvas) window.getScene().lookup(plotId);
            var pts = m.summaryProperty().get().classes().get(1).points();
            java.util.function.BiFunction<CasePoint, Boolean, javafx.geometry.Point2D> px = (p, hard) -> blandAltman
                    ? plot.toPixels(hard ? p.meanHardRefMl() : p.meanSoftRefMl(), hard ? p.deltaHardMl() : p.deltaSoftMl())
                    : plot.toPixels(p.refMl(), hard ? p.hardMl() : p.softMl());
            for (CasePoint p : pts) {
                javafx.geometry.Point2D at = px.apply(p, true);
                boolean alone = pts.stream().filter(q -> q != p).allMatch(q -> px.apply(q, true).distance(at) > 4
                        && px.apply(q, false).distance(at) > 4);
                if (alone) {
                    chosen[0] = p.caseName();
                    return plot.localToScreen(at);
                }
            }
            throw new AssertionError("every case's point has another case's within 4 px in " + plotId);
        });
    }

    private boolean opened(String name) {
        long end = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < end) {
            if (fx(() -> vm.current() != null && name.equals(vm.current().files().name())
                    && vm.metricsProperty().get() != null)) {
                return true;
            }
            WaitForAsyncUtils.sleep(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return false;
    }

    @Test
    void clickingAPointOfTheBlandAltmanPlotOrTheScatterOpensItsCase(FxRobot robot) {
        CohortModel m = openCohort();
        fx(() -> {
            m.controls().classes().get(1).thresholdStepProperty().set(400);
            return null;
        });
        Await.until("the summary at t = 0.4", () -> fx(() ->
                m.summaryProperty().get().settings().thresholdSteps()[1] == 400));
        WaitForAsyncUtils.waitForFxEvents();
        String[] chosen = new String[1];
        robot.clickOn(lonePoint(m, "#cohortBlandAltman", true, chosen));
        assertTrue(opened(chosen[0]), "clicking " + chosen[0] + "'s Bland–Altman point opens it");
        assertEquals(400, (int) fx(() -> vm.controls().classes().get(1).thresholdStepProperty().get()));
        robot.clickOn("#backToCohort");
        assertSame(window.cohort().panel(), fx(window::getCenter));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(lonePoint(m, "#cohortScatter", false, chosen));
        assertTrue(opened(chosen[0]), "clicking " + chosen[0] + "'s scatter point opens it");
        robot.clickOn("#backToCohort");
        // a click in an empty corner of the plot opens nothing
        String before = fx(() -> vm.current().files().name());
        robot.clickOn(fx(() -> {
            var plot = window.getScene().lookup("#cohortScatter");
            return plot.localToScreen(plot.getLayoutBounds().getWidth() - 15, 22);
        }));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(window.cohort().panel(), fx(window::getCenter));
        assertEquals(before, fx(() -> vm.current().files().name()));
    }
}
