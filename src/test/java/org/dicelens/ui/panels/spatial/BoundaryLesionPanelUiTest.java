package org.dicelens.ui.panels.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.dicelens.ui.FxCall.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.ui.AppWiring;
import org.dicelens.ui.Await;
import org.dicelens.ui.DiceLensApp;
import org.dicelens.ui.io.RecentFiles;
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
 * The "Boundary &amp; lesions" tab on a hand-made case: reference lesion A (x 2..5, y 2..5, z 1..3) found by a
 * prediction covering it exactly, reference lesion B (x 10..12, y 8..10, z 5..7, centre 11, 9, 6) missed, and a
 * false-positive blob. Clicking B's row moves the crosshair to B's centre.
 */
@ExtendWith(ApplicationExtension.class)
class BoundaryLesionPanelUiTest {
    private static final int NX = 16;
    private static final int NY = 14;
    private static final int NZ = 10;
    private ViewerModel vm;
    private DisplayModel display;
    private Preferences prefs;

    private static int idx(int x, int y, int z) {
        return x + NX * (y + NY * z);
    }

    private static void box(float[] a, float v, int x0, int x1, int y0, int y1, int z0, int z1) {
        for (int z = z0; z <= z1; z++) {
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    a[idx(x, y, z)] = v;
                }
            }
        }
    }

    static CaseFiles write(Path dir) throws Exception {
        int n = NX * NY * NZ;
        float[] labels = new float[n];
        box(labels, 1, 2, 5, 2, 5, 1, 3);
        box(labels, 1, 10, 12, 8, 10, 5, 7);
        float[] p1 = new float[n];
        java.util.Arrays.fill(p1, 0.1f);
        box(p1, 0.9f, 2, 5, 2, 5, 1, 3);
        box(p1, 0.8f, 12, 13, 1, 2, 1, 2);
        float[] p0 = new float[n];
        for (int i = 0; i < n; i++) {
            p0[i] = 1 - p1[i];
        }
        NiftiHeader h = new NiftiHeader();
        h.dim = new long[] {3, NX, NY, NZ, 1, 1, 1, 1};
        h.pixdim = new double[] {1, 1, 1, 2, 1, 1, 1, 1};
        h.xyzt_units = 2;
        Path ref = dir.resolve("case_seg.nii.gz");
        Path pred = dir.resolve("case_prob.nii.gz");
        NiftiWriter.write(ref, h, NiftiDatatype.UINT8, labels);
        NiftiHeader h4 = new NiftiHeader();
        h4.dim = new long[] {4, NX, NY, NZ, 2, 1, 1, 1};
        h4.pixdim = h.pixdim;
        h4.xyzt_units = 2;
        NiftiWriter.write(pred, h4, NiftiDatatype.FLOAT32, p0, p1);
        return new CaseFiles(ref, List.of(pred), null, null, null, null);
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("dicelens-spatial-ui");
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        display = new DisplayModel();
        prefs = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        DiceLensApp.build(stage, vm, display, new RecentFiles(prefs));
        stage.show();
        vm.open(write(dir));
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.removeNode();
    }


    @Test
    void clickingAMissedLesionMovesTheCrosshairToIt(FxRobot robot) {
        Await.until("the case", () -> fx(() -> vm.current() != null && vm.metricsProperty().get() != null));
        robot.interact(() -> vm.controls().selectedClassProperty().set(1));
        // the tab header may sit in the tab pane's overflow menu at this window size: select it as a user would there
        robot.interact(() -> robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class).forEach(tp ->
                tp.getTabs().stream().filter(t -> "Boundary & lesions".equals(t.getText())).findFirst()
                        .ifPresent(t -> tp.getSelectionModel().select(t))));
        Await.until("the lesion table", () -> fx(() -> robot.lookup("#lesionTable").queryAs(
                javafx.scene.control.TableView.class).getItems().size() == 3));
        assertEquals("1", fx(() -> robot.lookup("#spatial-lesionsMissed").queryAs(Label.class).getText()));
        assertEquals("1", fx(() -> robot.lookup("#spatial-lesionsFalsePositive").queryAs(Label.class).getText()));
        // F1 = 2·1 / (2·1 + 1 + 1); A is predicted exactly and it is the only detected lesion
        assertEquals(Fmt.num(0.5, 3), fx(() -> robot.lookup("#spatial-lesionF1").queryAs(Label.class).getText()));
        robot.interact(() -> display.crosshair().set(0, 0, 0));
        @SuppressWarnings("unchecked")
        TableRow<LesionRow> missed = fx(() -> robot.from(robot.lookup("#lesionTable").queryAs(
                javafx.scene.Node.class)).lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof LesionRow && LesionRow.MISSED.equals(((LesionRow) r.getItem()).status()))
                .findFirst().orElseThrow());
        robot.clickOn(missed);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new int[] {11, 9, 6}, fx(() -> display.crosshair().voxel()));
    }
}
