package org.dicelens.ui;

import static org.dicelens.ui.FxCall.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Only the selected tab's content is in the scene graph (every pulse walks every node's bounds), and a panel taken
 * out while the threshold moved shows the numbers of the new threshold when its tab is selected again.
 */
@ExtendWith(ApplicationExtension.class)
class SelectedTabOnlyUiTest {
    private final UiTestCase tc = new UiTestCase(3);
    private ViewerModel vm;
    private MainWindow window;
    private Preferences prefs;

    @Start
    void start(Stage stage) throws Exception {
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        prefs = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        window = DiceLensApp.build(stage, vm, new DisplayModel(), new RecentFiles(prefs));
        stage.show();
        vm.open(tc.write(Files.createTempDirectory("dicelens-tabs")));
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> { // TestFX shares one stage between test classes: leave the first tab selected, as the app opens
            window.tabs().getSelectionModel().select(0);
            return null;
        });
        vm.shutdown();
        prefs.removeNode();
    }

    /** Heights of the first foreground class's volume bars, left to right: ref, soft, hard(t), Dice-optimal. */
    private List<Double> volumeBars() {
        return fx(() -> window.volumeBias().charts().isEmpty() ? List.<Double>of()
                : window.volumeBias().charts().get(0).bars().stream()
                        .sorted(Comparator.comparingDouble(b -> b.x0()[0])).map(b -> b.y()[0]).toList());
    }

    private Tab tab(String title) {
        return fx(() -> window.tabs().getTabs().stream().filter(t -> t.getText().equals(title)).findFirst().orElseThrow());
    }

    @Test
    void onlyTheSelectedTabIsInTheSceneAndATakenOutPanelCatchesUp() {
        Await.until("the case and its metrics", () -> fx(() -> vm.current() != null && vm.metricsProperty().get() != null));
        double v = UiTestCase.VOXEL_ML;
        Await.until("volume bars at t = 0.5", () -> volumeBars().size() == 4
                && Math.abs(volumeBars().get(2) - tc.hardVoxels(1, 500) * v) < 1e-9);
        assertNotNull(fx(() -> window.volumeBias().getScene()), "the selected tab's panel is in the scene");
        assertNull(fx(() -> window.weights().getScene()), "an unselected tab's panel is not");
        for (Tab t : fx(() -> List.copyOf(window.tabs().getTabs()))) {
            boolean selected = fx(t::isSelected);
            assertEquals(selected, fx(() -> t.getContent() != null), t.getText() + ": content only when selected");
        }

        Tab weights = tab("Class weights");
        fx(() -> {
            window.tabs().getSelectionModel().select(weights);
            return null;
        });
        Await.until("the newly selected tab's panel in the scene", () -> fx(() -> window.weights().getScene() != null));
        assertNull(fx(() -> window.volumeBias().getScene()), "the volume-bias panel is out");
        int step = 260;
        assertNotEquals(tc.hardVoxels(1, 500), tc.hardVoxels(1, step), "pick a step that changes the mask");
        fx(() -> {
            vm.controls().classes().get(1).thresholdStepProperty().set(step);
            return null;
        });
        Await.until("the metrics of t = " + step, () -> fx(() -> vm.metricsProperty().get() != null
                && Math.abs(vm.metricsProperty().get().classes().get(1).hardMl() - tc.hardVoxels(1, step) * v) < 1e-9));
        assertEquals(tc.hardVoxels(1, 500) * v, volumeBars().get(2), 1e-9, "a panel out of the scene is not redrawn");

        fx(() -> {
            window.tabs().getSelectionModel().select(0);
            return null;
        });
        Await.until("the hard-volume bar of t = " + step + " once shown",
                () -> Math.abs(volumeBars().get(2) - tc.hardVoxels(1, step) * v) < 1e-9);
    }
}
