package org.dicelens.ui.slices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.dicelens.ui.FxCall.fx;

import java.nio.file.Files;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.VerticalDirection;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.ui.AppWiring;
import org.dicelens.ui.Await;
import org.dicelens.ui.DiceLensApp;
import org.dicelens.ui.MainWindow;
import org.dicelens.ui.UiTestCase;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 19, item 13: zoom reset, zoom linked across views, and a double-click that maximises without moving. */
@ExtendWith(ApplicationExtension.class)
class ViewZoomUiTest {
    private ViewerModel vm;
    private DisplayModel display;
    private MainWindow window;
    private Preferences prefs;

    @Start
    void start(Stage stage) throws Exception {
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        display = new DisplayModel();
        prefs = Preferences.userRoot().node("org/dicelens/test-zoom-" + System.nanoTime());
        window = DiceLensApp.build(stage, vm, display, new RecentFiles(prefs));
        stage.show();
        vm.open(new UiTestCase(5).write(Files.createTempDirectory("dicelens-zoom")));
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.removeNode();
    }


    /** Screen pixels per mm of a view's slice, from where it is drawn. */
    private double pixelsPerMm(ViewAxis a) {
        return fx(() -> {
            SliceView v = window.grid().view(a);
            ViewGeometry g = v.geometry();
            return v.placement()[2] / (g.width() * g.pixelWidthMm());
        });
    }

    private void zoomIn(FxRobot robot, ViewAxis a) {
        robot.moveTo("#view-" + a.name().toLowerCase(java.util.Locale.ROOT));
        robot.press(KeyCode.CONTROL).scroll(3, VerticalDirection.UP).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void homeResetsAZoomedView(FxRobot robot) {
        Await.until("the case", () -> fx(() -> vm.current() != null && window.grid().view(ViewAxis.AXIAL).geometry() != null));
        double fitted = pixelsPerMm(ViewAxis.AXIAL);
        zoomIn(robot, ViewAxis.AXIAL);
        double r = pixelsPerMm(ViewAxis.AXIAL) / fitted;
        // three wheel steps of 1.15 (in or out: the robot's wheel direction is platform-defined)
        assertTrue(Math.abs(Math.log(r)) > 0.4, "zoomed by 1.15^3: " + r);
        robot.clickOn("#view-axial").type(KeyCode.HOME); // keys go to the view clicked last
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitted, pixelsPerMm(ViewAxis.AXIAL), 1e-9, "Home: fitted again");
        zoomIn(robot, ViewAxis.AXIAL);
        robot.clickOn("#zoomFit");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitted, pixelsPerMm(ViewAxis.AXIAL), 1e-9, "the Fit button");
    }

    @Test
    void linkedZoomGivesEveryViewTheSameScale(FxRobot robot) {
        Await.until("the case", () -> fx(() -> vm.current() != null && window.grid().view(ViewAxis.AXIAL).geometry() != null));
        double coronalFitted = pixelsPerMm(ViewAxis.CORONAL);
        fx(() -> {
            display.zoom().linkedProperty().set(true);
            return null;
        });
        zoomIn(robot, ViewAxis.AXIAL);
        double axial = pixelsPerMm(ViewAxis.AXIAL);
        assertEquals(axial, pixelsPerMm(ViewAxis.CORONAL), 1e-9, "one scale for all views");
        assertEquals(axial, pixelsPerMm(ViewAxis.SAGITTAL), 1e-9);
        assertTrue(Math.abs(pixelsPerMm(ViewAxis.CORONAL) - coronalFitted) > 1e-6, "the coronal view followed");
    }

    @Test
    void doubleClickMaximisesWithoutMovingTheCrosshair(FxRobot robot) {
        Await.until("the case", () -> fx(() -> vm.current() != null && window.grid().view(ViewAxis.AXIAL).geometry() != null));
        int[] before = fx(() -> display.crosshair().voxel());
        Bounds b = fx(() -> window.grid().view(ViewAxis.AXIAL).localToScreen(
                window.grid().view(ViewAxis.AXIAL).getLayoutBounds()));
        // a point on the slice away from the crosshair (the slice fills the middle of the view)
        double x = b.getMinX() + b.getWidth() * 0.3;
        double y = b.getMinY() + b.getHeight() * 0.35;
        robot.moveTo(new javafx.geometry.Point2D(x, y)).doubleClickOn(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ViewAxis.AXIAL, fx(() -> display.maximisedProperty().get()));
        assertArrayEquals(before, fx(() -> display.crosshair().voxel()), "the double-click did not move the crosshair");
        // a single click still moves it (after the double-click interval)
        robot.sleep(900);
        robot.clickOn(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!java.util.Arrays.equals(before, fx(() -> display.crosshair().voxel())), "a click moves it");
    }
}
