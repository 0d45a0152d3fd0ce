package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.dicelens.ui.FxCall.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.GdlTerms;
import org.dicelens.metrics.WeightScheme;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.app.cases.FileRoles;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.ui.panels.Fmt;
import org.dicelens.ui.panels.FormulaStrip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window, headless (Monocle): controls driven by the robot, numbers checked against brute-force per-voxel
 * counts of {@link UiTestCase} (independent of the engine) and against the engine's own values.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerUiTest {
    private static final Path DIR = tempDir();
    private final UiTestCase tc = new UiTestCase(3);
    private ViewerModel vm;
    private MainWindow window;
    private CaseFiles files;
    private Preferences prefs;

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("dicelens-ui-test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        files = tc.write(Files.createTempDirectory(DIR, "case"));
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        prefs = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        window = DiceLensApp.build(stage, vm, new DisplayModel(), new RecentFiles(prefs));
        this.stage = stage;
        stage.show();
        vm.open(files);
    }

    private Stage stage;

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.removeNode();
    }


    private void awaitLoaded() {
        Await.until("the case and its metrics", () -> fx(() -> vm.current() != null && vm.metricsProperty().get() != null));
    }

    /** The text of the metrics table's cell for a class row and a column (its catalogue key). */
    private String cell(FxRobot robot, int row, String key) {
        String id = "col-" + key;
        return fx(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getIndex() == row && c.getTableColumn() != null && id.equals(c.getTableColumn().getId()))
                .map(ViewerUiTest::shownText).findFirst().orElse(null));
    }

    /**
     * What the cell shows: the text node its skin draws, which must agree with the cell's text property (a cell whose
     * redraw is skipped keeps drawing the old number), fit inside the cell (a number wider than its column would be
     * elided or clipped), and the cell must span its column.
     */
    private static String shownText(TableCell<?, ?> c) {
        javafx.scene.Node n = c.lookup(".text");
        String drawn = n instanceof javafx.scene.text.Text t ? t.getText() : null;
        if (!java.util.Objects.equals(drawn, c.getText())) {
            return "drawn " + drawn + " for " + c.getText();
        }
        if (c.getTableColumn() != null && Math.abs(c.getWidth() - c.getTableColumn().getWidth()) > 1) {
            return "cell " + c.getWidth() + " wide in a column " + c.getTableColumn().getWidth() + " wide";
        }
        javafx.geometry.Bounds b = n == null ? null : n.getBoundsInParent();
        if (b != null && drawn != null && !drawn.isEmpty()
                && (b.getMinX() < c.snappedLeftInset() - 0.5 || b.getMaxX() > c.getWidth() - c.snappedRightInset() + 0.5)) {
            return "clipped " + drawn + " at " + b.getMinX() + ".." + b.getMaxX() + " in " + c.getWidth();
        }
        return c.getText();
    }

    @Test
    void movingAThresholdSliderChangesTheHardDiceCellToTheEnginesValue(FxRobot robot) {
        awaitLoaded();
        String initial = Fmt.num(tc.hardDice(1, 500), 3);
        Await.until("the hard Dice cell at t = 0.5 drawn", () -> initial.equals(cell(robot, 1, "hardDice")));
        robot.clickOn("#threshold-1");
        robot.type(KeyCode.RIGHT, 3);
        int step = fx(() -> vm.controls().classes().get(1).thresholdStepProperty().get());
        assertNotEquals(500, step, "the slider did not move");
        String expected = Fmt.num(tc.hardDice(1, step), 3);
        Await.until("the hard Dice cell at t = " + step, () -> expected.equals(cell(robot, 1, "hardDice")));
        CaseMetrics m = fx(() -> vm.metricsProperty().get());
        assertEquals(tc.hardDice(1, step), m.classes().get(1).hardDice(), 1e-12);
        assertEquals(Fmt.num(m.classes().get(1).hardDice(), 3), cell(robot, 1, "hardDice"));
    }

    /** The axial view as the renderer draws it now, composed here on the FX thread from the current controls. */
    private int[] axialNow() {
        return fx(() -> {
            org.dicelens.ui.slices.SliceView v = window.grid().view(org.dicelens.render.ViewAxis.AXIAL);
            org.dicelens.metrics.Settings s = vm.controls().toSettings();
            org.dicelens.app.slices.SliceFrame f = org.dicelens.ui.slices.FrameBuilder.build(vm, window.display(),
                    org.dicelens.render.SliceInputs.none().withRegion(vm.current().analysis().region(s)));
            int[] c = f.crosshair();
            int[] out = new int[v.geometry().width() * v.geometry().height()];
            new org.dicelens.render.SliceRenderer().render(f.data(), v.geometry(), v.geometry().sliceOf(c[0], c[1], c[2]),
                    f.settings(), f.overlays(), f.inputs(), out);
            return out;
        });
    }

    private int[] axialShown() {
        return fx(() -> window.grid().view(org.dicelens.render.ViewAxis.AXIAL).pixels().clone());
    }

    @Test
    void aThresholdMoveRecomposesTheSlicesOnTheComposeWorker(FxRobot robot) {
        awaitLoaded();
        Await.until("the axial view at t = 0.5", () -> java.util.Arrays.equals(axialShown(), axialNow()));
        int[] before = axialNow();
        robot.clickOn("#threshold-1");
        robot.type(KeyCode.LEFT, 40);
        int[] after = axialNow();
        assertTrue(!java.util.Arrays.equals(before, after), "the hard-mask contour should move with the threshold");
        Await.until("the axial view recomposed", () -> java.util.Arrays.equals(axialShown(), after));
        String thread = fx(() -> window.grid().view(org.dicelens.render.ViewAxis.AXIAL).lastComposeThread());
        assertTrue(thread.startsWith("dicelens-compose-"), "composed on " + thread);
    }

    /**
     * Display pixels of the axial view whose colour is not the composed slice pixel of the voxel the cursor mapping
     * names there (black where it names none), checked at every second pixel; -1 before an image is shown.
     */
    private int screenMismatches() {
        return fx(() -> {
            org.dicelens.ui.slices.SliceView v = window.grid().view(org.dicelens.render.ViewAxis.AXIAL);
            javafx.scene.image.Image img = v.displayedImage();
            if (img == null || (int) img.getWidth() != (int) v.getWidth() || (int) img.getHeight() != (int) v.getHeight()) {
                return -1; // the headless screen has one device pixel per layout unit
            }
            org.dicelens.render.ViewGeometry g = v.geometry();
            int[] slice = v.pixels();
            javafx.scene.image.PixelReader r = img.getPixelReader();
            int bad = 0;
            int inside = 0;
            for (int y = 0; y < (int) img.getHeight(); y += 2) {
                for (int x = 0; x < (int) img.getWidth(); x += 2) {
                    int[] vox = v.voxelAt(x + 0.5, y + 0.5);
                    int expected = 0xFF000000;
                    if (vox != null) {
                        inside++;
                        expected = slice[g.screenY(vox[0], vox[1], vox[2]) * g.width() + g.screenX(vox[0], vox[1], vox[2])];
                    }
                    if (r.getArgb(x, y) != expected) {
                        bad++;
                    }
                }
            }
            return inside < 1000 ? -1 : bad; // the slice must cover a good part of the view
        });
    }

    @Test
    void theImageOnScreenIsTheSliceScaledAsTheCursorMapsItUnderPanAndZoom(FxRobot robot) {
        awaitLoaded();
        Await.until("the axial view at t = 0.5", () -> java.util.Arrays.equals(axialShown(), axialNow()));
        Await.until("display pixels = slice pixels under the cursor mapping", () -> screenMismatches() == 0);
        org.dicelens.ui.slices.SliceView v = fx(() -> window.grid().view(org.dicelens.render.ViewAxis.AXIAL));
        double[] placeBefore = fx(() -> new double[] {v.voxelAt(v.getWidth() / 2, v.getHeight() / 2)[0]});
        // zoom in around a point off centre (Ctrl+wheel), then pan by dragging: the image is re-scaled, not recomposed
        fx(() -> {
            javafx.geometry.Point2D p = v.localToScene(v.getWidth() * 0.4, v.getHeight() * 0.6); // events carry scene x, y
            double x = p.getX();
            double y = p.getY();
            for (int i = 0; i < 5; i++) {
                javafx.event.Event.fireEvent(v, new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL,
                        x, y, x, y, false, true, false, false, false, false, 0, 40, 0, 40,
                        javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                        javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            }
            return null;
        });
        robot.drag(v, javafx.scene.input.MouseButton.PRIMARY).moveBy(37, -23).release(javafx.scene.input.MouseButton.PRIMARY);
        Await.until("the view zoomed", () -> fx(() -> v.voxelAt(v.getWidth() / 2, v.getHeight() / 2)) != null
                && fx(() -> v.voxelAt(v.getWidth() / 2, v.getHeight() / 2)[0]) != (int) placeBefore[0]);
        Await.until("display pixels = slice pixels after zoom and pan", () -> screenMismatches() == 0);
    }

    @Test
    void aNarrowWindowScrollsTheMetricsTableInsteadOfElidingNumbers(FxRobot robot) {
        awaitLoaded();
        String expected = Fmt.num(tc.hardDice(1, 500), 3);
        Await.until("the hard Dice cell drawn", () -> expected.equals(cell(robot, 1, "hardDice")));
        robot.interact(() -> stage.setWidth(1100)); // a laptop screen's share: the right panel gets ~400 px
        Await.until("a horizontal scroll bar under the table", () -> fx(() -> robot.lookup("#metricsTable").query()
                .lookupAll(".scroll-bar").stream().anyMatch(n -> n.isVisible()
                        && ((javafx.scene.control.ScrollBar) n).getOrientation() == javafx.geometry.Orientation.HORIZONTAL)));
        // the cell still draws the whole number (shownText reports a drawn "0...." or a clipped number as a mismatch)
        Await.until("the hard Dice cell drawn whole", () -> expected.equals(cell(robot, 1, "hardDice")));
        for (String header : List.of("softDice", "refMl", "deltaSoftMl", "deltaHardMl")) {
            String shown = cell(robot, 2, header);
            assertTrue(shown == null || !shown.startsWith("drawn") && !shown.startsWith("clipped")
                    && !shown.startsWith("cell "), header + ": " + shown);
        }
    }

    /** Heights of the volume-bias bars of the first foreground class (channel 1), left to right: ref, soft, hard(t), Dice-optimal. */
    private List<Double> volumeBars() {
        return fx(() -> window.volumeBias().charts().get(0).bars().stream()
                .sorted(java.util.Comparator.comparingDouble(b -> b.x0()[0])).map(b -> b.y()[0]).toList());
    }

    @Test
    void volumeBarsFollowTheThresholdWithBruteForceVolumes(FxRobot robot) {
        awaitLoaded();
        double v = UiTestCase.VOXEL_ML;
        Await.until("volume bars at t = 0.5", () -> volumeBars().size() == 4
                && Math.abs(volumeBars().get(2) - tc.hardVoxels(1, 500) * v) < 1e-9);
        robot.clickOn("#threshold-1");
        robot.type(KeyCode.LEFT, 40);
        int step = fx(() -> vm.controls().classes().get(1).thresholdStepProperty().get());
        assertNotEquals(500, step, "the slider did not move");
        assertNotEquals(tc.hardVoxels(1, 500), tc.hardVoxels(1, step), "pick a step that changes the mask");
        Await.until("hard-volume bar at t = " + step,
                () -> Math.abs(volumeBars().get(2) - tc.hardVoxels(1, step) * v) < 1e-9);
        List<Double> bars = volumeBars();
        assertEquals(tc.refVoxels(1) * v, bars.get(0), 1e-9, "V_ref");
        assertEquals(tc.softSum(1) * v, bars.get(1), 1e-6, "V_soft (float maps summed in another order)");
        CaseMetrics m = fx(() -> vm.metricsProperty().get());
        assertEquals(m.classes().get(1).diceOptimalMl(), bars.get(3), 0, "the engine's Dice-optimal volume");
    }

    @SuppressWarnings("unchecked")
    private List<Double> weightBars() {
        return fx(() -> {
            BarChart<String, Number> chart = window.weights().weightsChart();
            return chart.getData().get(0).getData().stream().map(XYChart.Data::getYValue).map(Number::doubleValue)
                    .toList();
        });
    }

    @Test
    void switchingTheWeightSchemeChangesTheWeightsChart(FxRobot robot) {
        awaitLoaded();
        robot.clickOn("Class weights");
        // square weights 1/R² on a log scale: bar c stands log10((R_min / R_c)²) decades below the rarest class's
        long[] r = {tc.refVoxels(0), tc.refVoxels(1), tc.refVoxels(2)};
        long rMin = Math.min(r[0], Math.min(r[1], r[2]));
        int rarest = r[0] == rMin ? 0 : r[1] == rMin ? 1 : 2;
        Await.until("square weights drawn", () -> weightBars().size() == 3);
        List<Double> square = weightBars();
        for (int c = 0; c < 3; c++) {
            double rel = (double) rMin / r[c];
            assertEquals(Math.log10(rel * rel), square.get(c) - square.get(rarest), 1e-9, "class " + c);
            assertTrue(square.get(c) > 0, "every class has a visible bar on the log scale");
        }
        robot.clickOn("#weightScheme");
        robot.clickOn("UNIFORM");
        // w = 1 for all: one decade above the axis bottom (one decade of room below the smallest weight)
        Await.until("uniform weights drawn", () -> weightBars().equals(List.of(1.0, 1.0, 1.0)));
    }

    @Test
    void movingTheMarginChangesTheForegroundFraction(FxRobot robot) {
        awaitLoaded();
        long[] whole = {UiTestCase.N, tc.region(1000)[1]};
        String wholeText = Fmt.num(100.0 * whole[1] / whole[0], 3) + " %";
        Await.until("whole-volume fraction", () -> wholeText.equals(fx(() -> ((Label) robot.lookup("#foregroundFraction")
                .query()).getText())));
        // Class imbalance is the left column's last section: scroll the column down to it, as a user would
        robot.interact(() -> {
            javafx.scene.Node n = robot.lookup("#wholeVolume").query();
            while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) {
                n = n.getParent();
            }
            if (n != null) {
                ((javafx.scene.control.ScrollPane) n).setVvalue(((javafx.scene.control.ScrollPane) n).getVmax());
            }
        });
        robot.clickOn("#wholeVolume");
        robot.interact(() -> ((Slider) robot.lookup("#margin").query()).setValue(1));
        long[] r = tc.region(1);
        String expected = Fmt.num(100.0 * r[1] / r[0], 3) + " %";
        Await.until("fraction at margin 1", () -> expected.equals(fx(() -> ((Label) robot.lookup("#foregroundFraction")
                .query()).getText())));
        assertEquals(Fmt.count(r[0]), fx(() -> ((Label) robot.lookup("#regionVoxels").query()).getText()));
    }

    @Test
    void pngExportHoldsTheThreeSlicesAndNeverOverwritesAnInput(FxRobot robot) throws Exception {
        awaitLoaded();
        Path png = files.reference().getParent().resolve("views.png");
        robot.interact(() -> {
            try {
                window.grid().exportPng(png);
            } catch (org.dicelens.common.InputException e) {
                throw new IllegalStateException(e);
            }
        });
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        // a figure (issue 19, item 10; sizes and contents in ExportPngUiTest): axial (x·y), coronal (x·z), sagittal
        // (y·z) side by side at the views' resolution, at least one pixel per mm, each in a 22-pixel margin
        assertTrue(img.getWidth() >= UiTestCase.NX + UiTestCase.NX + UiTestCase.NY + 6 * 22, "width " + img.getWidth());
        assertTrue(img.getHeight() >= 2 * UiTestCase.NZ + 2 * 22 + 18, "height " + img.getHeight());
        byte[] before = Files.readAllBytes(files.reference());
        AtomicReference<Exception> refused = new AtomicReference<>();
        robot.interact(() -> {
            try {
                window.grid().exportPng(files.reference());
            } catch (org.dicelens.common.InputException e) {
                refused.set(e);
            }
        });
        assertTrue(refused.get() != null, "writing over the reference was not refused");
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(files.reference()));
    }

    @Test
    void openingAMalformedFileShowsAnErrorAndKeepsTheCase(FxRobot robot) throws Exception {
        awaitLoaded();
        LoadedCase before = fx(() -> vm.current());
        Path bad = files.reference().getParent().resolve("garbage_prob.nii");
        Files.write(bad, "this is not a NIfTI file at all".getBytes());
        robot.interact(() -> window.files().add(List.of(bad), List.of(FileRoles.Role.PREDICTION)));
        Await.until("the error dialog", () -> fx(() -> robot.lookup("#problemMessage").tryQuery().isPresent()));
        String message = fx(() -> ((Label) robot.lookup("#problemMessage").query()).getText());
        assertTrue(message.contains("garbage_prob.nii"), message);
        assertSame(before, fx(() -> vm.current()));
        robot.clickOn("OK");
        assertEquals(Fmt.num(tc.hardDice(1, 500), 3), cell(robot, 1, "hardDice"));
    }

    /** The formula strip's text from "GDL " on (the Texts of its flow, concatenated). */
    private String gdlText(FxRobot robot) {
        return fx(() -> {
            StringBuilder sb = new StringBuilder();
            for (javafx.scene.Node n : robot.lookup("#formulaStrip").queryAs(FormulaStrip.class).flow().getChildren()) {
                if (n instanceof javafx.scene.text.Text t) {
                    sb.append(t.getText());
                }
            }
            int at = sb.indexOf("GDL ");
            return at < 0 ? "" : sb.substring(at);
        });
    }

    private static final Pattern GDL = Pattern.compile("GDL 1 − \\(2·Σw·I \\+ s\\) / \\(Σw·\\(P\\+R\\) \\+ s\\) = "
            + "1 − \\(2·(\\S+) \\+ 1e-5\\) / \\((\\S+) \\+ 1e-5\\) = (\\S+)");

    /** The strip's form of a sum: four decimals in [0.1, 10⁴), else four significant digits (0.09469 or d.ddde±x). */
    private static void shownAs(String what, double v, String shown) {
        if (v >= 0.1 && v < 1e4) {
            assertEquals(String.format(java.util.Locale.ROOT, "%.4f", v), shown, what);
        } else {
            assertTrue(shown.matches("0\\.0*[1-9]\\d{3}|\\d\\.\\d{3}e-?\\d+"), what + " shown as " + shown);
            assertEquals(v, Double.parseDouble(shown), 5e-4 * Math.abs(v), what + " shown as " + shown);
        }
    }

    @Test
    void theFormulaStripSubstitutesTheEnginesGdlSums(FxRobot robot) {
        awaitLoaded();
        // square weights (the default): sums checked against the engine's terms and a brute force over the voxels
        double[] square = tc.gdlSums(true);
        Await.until("the GDL formula", () -> GDL.matcher(gdlText(robot)).matches());
        CaseMetrics m = fx(() -> vm.metricsProperty().get());
        String text = gdlText(robot);
        Matcher g = GDL.matcher(text);
        assertTrue(g.matches(), text);
        GdlTerms t = m.gdlTerms();
        assertEquals(square[0], t.numeratorSum(), 1e-9 * square[0]);
        assertEquals(square[1], t.denominatorSum(), 1e-9 * square[1]);
        // square weights make Σ w I small here (≈ 0.09): four significant digits, 0.0dddd
        assertTrue(t.numeratorSum() < 0.1, "the case no longer tests the small form: " + t.numeratorSum());
        shownAs("Σ w I", t.numeratorSum(), g.group(1));
        shownAs("Σ w (P + R)", t.denominatorSum(), g.group(2));
        assertEquals(Fmt.num(m.gdl(), 4), g.group(3));
        assertEquals(1 - (2 * t.numeratorSum() + 1e-5) / (t.denominatorSum() + 1e-5), m.gdl(), 1e-12);

        // uniform weights: the substituted sums change, four decimals, equal to the brute force's
        double[] uniform = tc.gdlSums(false);
        String a = String.format(java.util.Locale.ROOT, "%.4f", uniform[0]);
        String b = String.format(java.util.Locale.ROOT, "%.4f", uniform[1]);
        robot.interact(() -> vm.controls().weightSchemeProperty().set(org.dicelens.metrics.WeightScheme.UNIFORM));
        Await.until("uniform sums in the strip", () -> gdlText(robot).contains("(2·" + a + " + 1e-5) / (" + b + " + 1e-5)"));
        Object[] both = fx(() -> new Object[] {vm.metricsProperty().get(), gdlText(robot)});
        CaseMetrics mu = (CaseMetrics) both[0];
        assertEquals(WeightScheme.UNIFORM, mu.gdlWeights());
        assertEquals("GDL 1 − (2·Σw·I + s) / (Σw·(P+R) + s) = 1 − (2·" + a + " + 1e-5) / (" + b + " + 1e-5) = "
                + Fmt.num(mu.gdl(), 4), both[1]);
        assertEquals(a, String.format(java.util.Locale.ROOT, "%.4f", mu.gdlTerms().numeratorSum()));
        assertEquals(b, String.format(java.util.Locale.ROOT, "%.4f", mu.gdlTerms().denominatorSum()));
        assertNotEquals(text, both[1]);
    }
}
