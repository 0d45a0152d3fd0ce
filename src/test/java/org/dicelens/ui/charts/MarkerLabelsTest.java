package org.dicelens.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 19, item 15: the threshold labels t_opt, t_cal, t_vol and t_best never overlap, however close the thresholds. */
@ExtendWith(ApplicationExtension.class)
class MarkerLabelsTest {
    private PlotCanvas plot;

    @Start
    void start(Stage stage) {
        plot = new PlotCanvas();
        stage.setScene(new Scene(plot, 360, 200));
        stage.show();
    }

    private List<Text> labels() {
        return plot.lookupAll("Text").stream().filter(n -> n.isVisible() && n instanceof Text t
                && t.getText().startsWith("t_")).map(n -> (Text) n).toList();
    }

    @Test
    void closeThresholdsGetLabelsWhoseBoxesDoNotIntersect() {
        // within 0.03 of each other, the last two equal, and one at the right edge where labels are pulled back in
        double[][] sets = {{0.30, 0.31, 0.32, 0.33}, {0.5, 0.5, 0.505, 0.51}, {0.97, 0.98, 0.99, 1.0}};
        for (double[] t : sets) {
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
                plot.layout();
                plot.clear();
                plot.setRange(0, 1, 0, 1);
                plot.add(new PlotCanvas.Marker(t[0], Color.RED, "t_best"));
                plot.add(new PlotCanvas.Marker(t[1], Color.GREEN, "t_vol"));
                plot.add(new PlotCanvas.Marker(t[2], Color.BLUE, "t_cal"));
                plot.add(new PlotCanvas.Marker(t[3], Color.ORANGE, "t_opt"));
                plot.redraw();
                List<Text> ls = labels();
                assertEquals(4, ls.size());
                for (int i = 0; i < ls.size(); i++) {
                    for (int j = i + 1; j < ls.size(); j++) {
                        Bounds a = ls.get(i).getBoundsInParent();
                        Bounds b = ls.get(j).getBoundsInParent();
                        assertFalse(a.intersects(b), ls.get(i).getText() + " " + a + " meets " + ls.get(j).getText()
                                + " " + b + " at " + java.util.Arrays.toString(t));
                    }
                }
            });
        }
    }
}
