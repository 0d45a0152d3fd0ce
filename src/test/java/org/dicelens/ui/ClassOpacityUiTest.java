package org.dicelens.ui;

import static org.dicelens.ui.FxCall.fx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dicelens.common.InputException;
import org.dicelens.render.Slices;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.io.SessionFile;
import org.dicelens.ui.io.Sessions;
import org.dicelens.ui.model.ClassControl;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.OverlayModel;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 19, item 15: each class row's opacity control scales that class's overlays in the slices and nothing else;
 * it is saved and restored with the session.
 */
@ExtendWith(ApplicationExtension.class)
class ClassOpacityUiTest {
    private final UiTestCase tc = new UiTestCase(5);
    private ViewerModel vm;
    private MainWindow window;
    private Preferences prefs;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("dicelens-class-opacity");
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        prefs = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        window = DiceLensApp.build(stage, vm, new DisplayModel(), new RecentFiles(prefs));
        stage.show();
        vm.open(tc.write(dir));
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.removeNode();
    }

    private int[] shown() {
        return fx(() -> window.grid().view(ViewAxis.AXIAL).pixels().clone());
    }

    private ClassControl classTwo() {
        return fx(() -> vm.controls().classes().get(2));
    }

    @Test
    void movingClassTwosControlChangesClassTwosPixelsOnly(FxRobot robot) throws Exception {
        Await.until("case and metrics", () -> fx(() -> vm.current() != null && vm.metricsProperty().get() != null));
        OverlayModel o = window.display().overlays();
        int z = 4; // the axial slice through label 2 (x 5..6, y 4..5, z 4..5)
        fx(() -> {
            o.referenceFilled.set(true);
            o.layer(OverlayModel.Layer.REFERENCE).opacity.set(0.8);
            o.layer(OverlayModel.Layer.PROBABILITY).enabled.set(false);
            o.layer(OverlayModel.Layer.REGION).enabled.set(false);
            vm.controls().selectedClassProperty().set(1);
            window.display().crosshair().set(4, 4, z);
            return null;
        });
        Await.until("a painted view", () -> fx(() -> window.grid().view(ViewAxis.AXIAL).geometry() != null));
        int[] before = awaitStable();

        // the class row's control: a click on its swatch opens its slider; Home moves it to 0
        robot.clickOn("#classOpacity-2");
        robot.clickOn("#classOpacitySlider-2");
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.ESCAPE);
        assertEquals(0, fx(() -> classTwo().opacityProperty().get()), 0, "the control moved class 2's opacity to 0");
        // at opacity 0 class 2 draws nothing: the view equals the one with class 2 hidden (the visibility switch,
        // another path through the renderer)
        int[] after = awaitStable();
        fx(() -> {
            classTwo().opacityProperty().set(1);
            classTwo().visibleProperty().set(false);
            return null;
        });
        int[] hidden = awaitStable();
        assertArrayEquals(hidden, after, "opacity 0 = class 2 hidden");

        // which pixels changed: only where class 2 has an overlay (reference label 2, or p₂ ≥ 0.5 for its hard contour),
        // and every reference voxel of label 2 on the slice
        int[] index = fx(() -> {
            ViewGeometry g = window.grid().view(ViewAxis.AXIAL).geometry();
            int[] idx = new int[g.width() * g.height()];
            Slices.indices(g, z, idx);
            return idx;
        });
        int labelTwo = 0;
        for (int i = 0; i < index.length; i++) {
            int v = index[i];
            boolean classTwo = tc.labels[v] == 2 || tc.p[2][v] >= 0.5f;
            if (!classTwo) {
                assertEquals(Integer.toHexString(before[i]), Integer.toHexString(after[i]), "pixel " + i
                        + " shows no class-2 overlay");
            }
            if (tc.labels[v] == 2) {
                labelTwo++;
                assertTrue(before[i] != after[i], "label-2 pixel " + i + " changed");
            }
        }
        assertEquals(4, labelTwo, "label 2 covers x 5..6, y 4..5 on slice z = 4");
    }

    private int[] awaitStable() {
        int[][] last = {null};
        Await.until("the view settles", () -> {
            int[] now = fx(() -> {
                window.grid().paintNow();
                return window.grid().view(ViewAxis.AXIAL).pixels().clone();
            });
            boolean same = last[0] != null && java.util.Arrays.equals(now, last[0]);
            last[0] = now;
            return same;
        });
        return shown();
    }

    @Test
    void theOpacityIsSavedAndRestoredWithTheSessionAndCheckedWhenRead() throws Exception {
        Await.until("case and metrics", () -> fx(() -> vm.current() != null && vm.metricsProperty().get() != null));
        Path session = dir.resolve("s.json");
        fx(() -> {
            classTwo().opacityProperty().set(0.3);
            Sessions.save(vm, window.display(), session);
            classTwo().opacityProperty().set(1);
            Sessions.restore(SessionFile.read(session), vm, window.display());
            return null;
        });
        assertEquals(0.3, fx(() -> classTwo().opacityProperty().get()), 1e-12);
        assertEquals(1, fx(() -> vm.controls().classes().get(1).opacityProperty().get()), 0);

        // a session written before the control (no "opacity" key) restores every class at 1
        String json = Files.readString(session);
        assertTrue(json.contains("\"opacity\" : 0.3"), json);
        Path old = dir.resolve("old.json");
        Files.writeString(old, json.replaceAll(",\\s*\"opacity\" : [0-9.]+", ""));
        fx(() -> {
            Sessions.restore(SessionFile.read(old), vm, window.display());
            return null;
        });
        assertEquals(1, fx(() -> classTwo().opacityProperty().get()), 0);

        // an opacity outside [0, 1] names the session and the key
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, json.replace("\"opacity\" : 0.3", "\"opacity\" : 1.5"));
        InputException e = assertThrows(InputException.class, () -> SessionFile.read(bad));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("classes[2].opacity"), e.getMessage());
    }
}
