package org.dicelens.ui;

import static org.dicelens.ui.FxCall.fx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
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
 * The left column's sections follow the column's visible width: when the window gets shorter and the column's scroll
 * bar takes part of its width, every overlay's opacity slider and the window slider stay inside (a section used to
 * keep its first, wider width, clipping them).
 */
@ExtendWith(ApplicationExtension.class)
class LeftColumnFitsUiTest {
    private ViewerModel vm;
    private Stage stage;
    private Preferences prefs;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        prefs = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        DiceLensApp.build(stage, vm, new DisplayModel(), new RecentFiles(prefs));
        stage.setWidth(1600);
        stage.setHeight(1000);  // the column fits: no vertical scroll bar until the window is shorter
        stage.show();
        vm.open(new UiTestCase(2).write(Files.createTempDirectory("dicelens-column")));
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.removeNode();
        fx(() -> { // TestFX shares one stage between test classes: give the next one the size the app opens at
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(1600, screen.getWidth()));
            stage.setHeight(Math.min(1000, screen.getHeight()));
            return null;
        });
    }

    @Test
    void slidersStayInsideTheColumnWhenItsScrollBarAppears() throws Exception {
        Await.until("case", () -> fx(() -> vm.current() != null && vm.metricsProperty().get() != null));
        fx(() -> {
            stage.setHeight(650); // a vertical scroll bar now takes its width from the column's viewport
            return null;
        });
        Thread.sleep(500);
        fx(() -> {
            Node column = stage.getScene().lookup("#leftColumn");
            ScrollPane scroll = (ScrollPane) column.getParent().getParent().getParent();
            Bounds view = scroll.localToScene(scroll.getViewportBounds());
            double right = scroll.localToScene(scroll.getBoundsInLocal()).getMinX() + scroll.getViewportBounds()
                    .getWidth();
            int checked = 0;
            for (Node n : column.lookupAll(".slider")) {
                if (n instanceof Slider || n.getStyleClass().contains("range-slider")) {
                    if (!n.isVisible() || n.getScene() == null || !visibleUpTo(n, column)) {
                        continue;
                    }
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    assertTrue(b.getMaxX() <= right + 1, path(n) + " ends at " + b.getMaxX() + " beyond the column's "
                            + right + " (viewport " + view + ")");
                    checked++;
                }
            }
            assertTrue(checked >= 12, "sliders checked: " + checked);
            return null;
        });
    }

    private static String path(Node n) {
        StringBuilder sb = new StringBuilder();
        for (Node p = n; p != null; p = p.getParent()) {
            sb.append(p.getClass().getSimpleName()).append(p.getId() == null ? "" : "#" + p.getId()).append(String
                    .format(" w=%.0f/", p.getLayoutBounds().getWidth()));
        }
        return sb.toString();
    }

    private static boolean visibleUpTo(Node n, Node top) {
        for (Node p = n; p != null && p != top; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
