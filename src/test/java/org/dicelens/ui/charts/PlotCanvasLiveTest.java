package org.dicelens.ui.charts;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The live layer follows a moved curve, and leaves its shapes untouched when the curve is redrawn unchanged. */
@ExtendWith(ApplicationExtension.class)
class PlotCanvasLiveTest {
    private PlotCanvas plot;

    @Start
    void start(Stage stage) {
        plot = new PlotCanvas();
        stage.setScene(new Scene(plot, 400, 200));
        stage.show();
    }

    private void draw(double... y) {
        plot.clear();
        plot.setRange(0, y.length - 1, 0, 1);
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        plot.addLive(new PlotCanvas.Line(x, y.clone(), Color.BLUE, false, null));
        plot.redraw();
    }

    private List<PathElement> elements() {
        Path p = (Path) plot.lookupAll("Path").stream().filter(javafx.scene.Node::isVisible).findFirst().orElseThrow();
        return p.getElements();
    }

    @Test
    void aMovedCurveIsRedrawnAnUnchangedOneIsLeftAlone() {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            plot.layout();
            draw(0.2, 0.5, 0.8);
            PathElement first = elements().get(1);
            draw(0.2, 0.5, 0.8); // the same values in new arrays
            assertSame(first, elements().get(1), "an unchanged curve's path was rewritten (and would be repainted)");
            draw(0.2, 0.6, 0.8);
            LineTo moved = (LineTo) elements().get(1);
            assertNotEquals(first, moved);
            // the middle point's y moved up: 0.6 instead of 0.5 of the plot's height
            assertTrue(moved.getY() < ((LineTo) first).getY(), "y " + ((LineTo) first).getY() + " → " + moved.getY());
        });
    }
}
