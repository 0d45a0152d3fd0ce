package org.dicelens.ui.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Where the crosshair, the edge letters, the title and the focus ring land, against hand-worked positions. */
@ExtendWith(ApplicationExtension.class)
class ViewAnnotationsTest {
    private ViewAnnotations a;

    @Start
    void start(Stage stage) {
        a = new ViewAnnotations();
        stage.setScene(new Scene(new Pane(a), 400, 300));
        stage.show();
    }

    private <T extends Node> List<T> shown(Class<T> type) {
        return a.getChildren().stream().filter(type::isInstance).map(type::cast).filter(Node::isVisible).toList();
    }

    private Text text(String s) {
        return shown(Text.class).stream().filter(t -> t.getText().equals(s)).findFirst().orElseThrow();
    }

    @Test
    void crosshairLettersTitleAndRingWhereTheCanvasDrewThem() {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            // a 300 × 200 view, the slice drawn in x 50..250, y 20..180, the crosshair at (100, 60)
            char[] letters = {'R', 'L', 'A', 'P'};
            a.show(300, 200, true, new double[] {50, 20, 200, 160}, 100, 60, letters, "Axial  3/9");
            List<Line> lines = shown(Line.class);
            assertEquals(4, lines.size());
            // horizontal arms from the slice's left edge to 6 px before the centre and from 6 px after it to the right
            // edge; vertical arms likewise from top to bottom
            assertTrue(lines.stream().anyMatch(l -> same(l, 50, 60, 94, 60)));
            assertTrue(lines.stream().anyMatch(l -> same(l, 106, 60, 250, 60)));
            assertTrue(lines.stream().anyMatch(l -> same(l, 100, 20, 100, 54)));
            assertTrue(lines.stream().anyMatch(l -> same(l, 100, 66, 100, 180)));
            // letters: left edge 5 px from the left, right edge 5 px from the right, centred at top and bottom
            Bounds r = text("R").getBoundsInParent();
            Bounds l = text("L").getBoundsInParent();
            Bounds t = text("A").getBoundsInParent();
            Bounds b = text("P").getBoundsInParent();
            assertEquals(5, r.getMinX(), 0.01);
            assertEquals(295, l.getMaxX(), 0.01);
            assertEquals(150, (t.getMinX() + t.getMaxX()) / 2, 0.01);
            assertEquals(150, (b.getMinX() + b.getMaxX()) / 2, 0.01);
            assertEquals(100, (r.getMinY() + r.getMaxY()) / 2, 1.5, "R centred on the view's mid-height");
            assertTrue(t.getMinY() >= 3 && t.getMinY() <= 5, "A at the top: " + t.getMinY());
            assertTrue(b.getMaxY() >= 195 && b.getMaxY() <= 197, "P at the bottom: " + b.getMaxY());
            assertEquals(6, text("Axial  3/9").getBoundsInParent().getMinX(), 0.01);
            Rectangle ring = shown(Rectangle.class).get(0);
            assertEquals(0.5, ring.getX(), 0);
            assertEquals(299, ring.getWidth(), 0);
            assertEquals(199, ring.getHeight(), 0);

            a.show(300, 200, false, new double[] {50, 20, 200, 160}, 100, 60, letters, "Axial");
            assertTrue(shown(Rectangle.class).isEmpty(), "no ring without focus");
            a.showFocusOnly(300, 200, false);
            assertTrue(shown(Line.class).isEmpty(), "no crosshair without a case");
            assertFalse(shown(Text.class).stream().anyMatch(x -> x.getText().equals("R")));
        });
    }

    private static boolean same(Line l, double x0, double y0, double x1, double y1) {
        return Math.abs(l.getStartX() - x0) < 1e-9 && Math.abs(l.getStartY() - y0) < 1e-9
                && Math.abs(l.getEndX() - x1) < 1e-9 && Math.abs(l.getEndY() - y1) < 1e-9;
    }
}
