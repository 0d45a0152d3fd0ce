package org.dicelens.ui.panels.spatial;

import static org.dicelens.ui.FxCall.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.dicelens.render.SpatialLayer;
import org.dicelens.render.Slices;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.ui.AppWiring;
import org.dicelens.ui.Await;
import org.dicelens.ui.DiceLensApp;
import org.dicelens.ui.MainWindow;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.OverlayModel;
import org.dicelens.ui.model.OverlayModel.Layer;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.ui.panels.Fmt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The lesion and boundary-distance overlays in the real window (headless), on the case of
 * {@link BoundaryLesionPanelUiTest}: with the lesion layer on, the missed lesion B's outline is drawn in the missed
 * colour; with the distance layer on, the legend prints the largest border distance found here by brute force; each
 * key row is shown exactly while its layer is on.
 */
@ExtendWith(ApplicationExtension.class)
class SpatialOverlayUiTest {
    private static final int NX = 16;
    private static final int NY = 14;
    private static final int NZ = 10;
    private ViewerModel vm;
    private MainWindow window;
    private Preferences prefs;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("dicelens-spatial-overlay-ui");
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        prefs = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        window = DiceLensApp.build(stage, vm, new DisplayModel(), new RecentFiles(prefs));
        stage.show();
        vm.open(BoundaryLesionPanelUiTest.write(dir));
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.removeNode();
    }

    private int shownAt(int x, int y, int z) {
        return fx(() -> {
            ViewGeometry g = window.grid().view(ViewAxis.AXIAL).geometry();
            int[] index = new int[g.width() * g.height()];
            Slices.indices(g, z, index);
            int want = x + NX * (y + NY * z);
            for (int p = 0; p < index.length; p++) {
                if (index[p] == want) {
                    return window.grid().view(ViewAxis.AXIAL).pixels()[p];
                }
            }
            throw new AssertionError("voxel not on the slice");
        });
    }

    /** max over the prediction's border voxels of the distance (mm) to the nearest reference border voxel. */
    private static double bruteMaxDistance() {
        boolean[] pred = new boolean[NX * NY * NZ];
        boolean[] ref = new boolean[pred.length];
        mark(ref, 2, 5, 2, 5, 1, 3);
        mark(ref, 10, 12, 8, 10, 5, 7);
        mark(pred, 2, 5, 2, 5, 1, 3);
        mark(pred, 12, 13, 1, 2, 1, 2);
        double max = 0;
        for (int a = 0; a < pred.length; a++) {
            if (!onBorder(pred, a)) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int b = 0; b < ref.length; b++) {
                if (onBorder(ref, b)) {
                    double dx = a % NX - b % NX;
                    double dy = a / NX % NY - b / NX % NY;
                    double dz = 2.0 * (a / (NX * NY) - b / (NX * NY)); // spacing 1 × 1 × 2 mm
                    best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
                }
            }
            max = Math.max(max, best);
        }
        return max;
    }

    private static void mark(boolean[] m, int x0, int x1, int y0, int y1, int z0, int z1) {
        for (int z = z0; z <= z1; z++) {
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    m[x + NX * (y + NY * z)] = true;
                }
            }
        }
    }

    private static boolean onBorder(boolean[] m, int i) {
        if (!m[i]) {
            return false;
        }
        int x = i % NX;
        int y = i / NX % NY;
        int z = i / (NX * NY);
        return x == 0 || y == 0 || z == 0 || x == NX - 1 || y == NY - 1 || z == NZ - 1 || !m[i - 1] || !m[i + 1]
                || !m[i - NX] || !m[i + NX] || !m[i - NX * NY] || !m[i + NX * NY];
    }

    @Test
    void missedLesionIsOutlinedAndTheKeyFollowsTheLayers(FxRobot robot) {
        Await.until("the case", () -> fx(() -> vm.current() != null && vm.metricsProperty().get() != null));
        OverlayModel o = window.display().overlays();
        robot.interact(() -> {
            vm.controls().selectedClassProperty().set(1);
            window.display().crosshair().set(11, 9, 6);
        });
        assertFalse(rowVisible(robot, Layer.LESIONS), "off: no key");
        int before = shownAt(10, 8, 6);
        robot.interact(() -> o.layer(Layer.LESIONS).enabled.set(true));
        assertTrue(rowVisible(robot, Layer.LESIONS), "on: its key");
        Await.until("lesion B outlined as missed", () -> shownAt(10, 8, 6) == SpatialLayer.MISSED_ARGB);
        assertTrue(before != SpatialLayer.MISSED_ARGB);
        robot.interact(() -> window.display().crosshair().set(2, 2, 2));
        Await.until("lesion A outlined as detected", () -> shownAt(2, 2, 2) == SpatialLayer.DETECTED_ARGB);
        Await.until("no status once drawn", () -> fx(() -> o.spatialStatus.get().isEmpty()));

        double max = bruteMaxDistance();
        robot.interact(() -> o.layer(Layer.BOUNDARY_DISTANCE).enabled.set(true));
        assertTrue(rowVisible(robot, Layer.BOUNDARY_DISTANCE));
        Await.until("the colour bar's top", () -> (Fmt.num(max, 1) + " mm").equals(fx(() -> robot.lookup(
                "#legend-distance-limit").queryAs(Label.class).getText())));
        assertEquals(max, fx(() -> o.distanceLimitMm.get()), 1e-9);

        robot.interact(() -> {
            o.layer(Layer.LESIONS).enabled.set(false);
            o.layer(Layer.BOUNDARY_DISTANCE).enabled.set(false);
        });
        assertFalse(rowVisible(robot, Layer.LESIONS));
        assertFalse(rowVisible(robot, Layer.BOUNDARY_DISTANCE));
    }

    private static boolean rowVisible(FxRobot robot, Layer l) {
        return fx(() -> robot.lookup("#legend-" + l.name()).query().isVisible());
    }
}
