package org.dicelens.ui.cohort;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.dicelens.ui.charts.PlotCanvas;

/**
 * Makes the case points of a plot clickable: a click within {@link #RADIUS} pixels of a drawn point opens its case
 * (the nearest point wins), and the cursor becomes a hand over a point. The plot's data-to-pixel mapping is the one it
 * drew with, so what is hit is what is seen.
 */
final class PointPicker {
    /** A drawn point: where (data units), which case, and whether it is the second model's. */
    record Pick(double x, double y, String caseName, boolean second) {
    }

    static final double RADIUS = 8;
    private final PlotCanvas plot;
    private List<Pick> picks = List.of();

    PointPicker(PlotCanvas plot, BiConsumer<String, Boolean> open) {
        this.plot = plot;
        plot.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            Pick p = e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1 ? nearest(e.getX(), e.getY()) : null;
            if (p != null) {
                open.accept(p.caseName(), p.second());
            }
        });
        plot.addEventHandler(MouseEvent.MOUSE_MOVED, e ->
                plot.setCursor(nearest(e.getX(), e.getY()) != null ? Cursor.HAND : Cursor.DEFAULT));
    }

    void set(List<Pick> p) {
        picks = List.copyOf(p);
    }

    /** The point drawn nearest (px, py) in the plot's pixels, if within {@link #RADIUS}; null otherwise. */
    Pick nearest(double px, double py) {
        Pick best = null;
        double bestD = RADIUS * RADIUS;
        for (Pick p : picks) {
            Point2D q = plot.toPixels(p.x(), p.y());
            double d = (q.getX() - px) * (q.getX() - px) + (q.getY() - py) * (q.getY() - py);
            if (d <= bestD) {
                bestD = d;
                best = p;
            }
        }
        return best;
    }
}
