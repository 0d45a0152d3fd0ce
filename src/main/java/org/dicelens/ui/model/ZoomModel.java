package org.dicelens.ui.model;

import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;

/**
 * Zoom and pan shared by the views: a reset every view obeys (Home, View ▸ Reset zoom), and, when linked, one scale
 * (screen pixels per mm) and one pan (mm along each world axis, 0 R/L, 1 A/P, 2 S/I) for all three views. All views
 * draw screen x and y towards the negative world direction, so a pan along a world axis moves every view that shows
 * that axis the same way. Unlinked, each view keeps its own zoom and pan.
 */
public final class ZoomModel {
    /** Allowed zoom relative to a view's fit, as the wheel allows. */
    public static final double MIN_ZOOM = 0.5;
    public static final double MAX_ZOOM = 40;

    private final BooleanProperty linked = new SimpleBooleanProperty(false);
    private final SimpleLongProperty resets = new SimpleLongProperty();
    /** Linked scale in screen pixels per mm; NaN: each view fits its slice. */
    private double scale = Double.NaN;
    private final double[] panMm = new double[3];
    private final SimpleLongProperty changes = new SimpleLongProperty();

    public ZoomModel() {
        linked.addListener(x -> reset()); // linking starts from the fitted views
    }

    public BooleanProperty linkedProperty() {
        return linked;
    }

    /** Back to fitted, centred views (linked or not). */
    public void reset() {
        scale = Double.NaN;
        java.util.Arrays.fill(panMm, 0);
        resets.set(resets.get() + 1);
        changes.set(changes.get() + 1);
    }

    /** Called on every reset. */
    public void onReset(InvalidationListener l) {
        resets.addListener(l);
    }

    /** Called on every change of the linked scale or pan (and on reset). */
    public void onChange(InvalidationListener l) {
        changes.addListener(l);
    }

    /** The linked scale (pixels per mm), or {@code fit} while none is set. */
    public double scale(double fit) {
        return Double.isNaN(scale) ? fit : scale;
    }

    /** The linked pan along a world axis, in mm. */
    public double panMm(int worldAxis) {
        return panMm[worldAxis];
    }

    /** Sets the linked scale and the pans along two world axes (one view's zoom or drag) as one change. */
    public void set(double pixelsPerMm, int worldX, double panXMm, int worldY, double panYMm) {
        scale = pixelsPerMm;
        panMm[worldX] = panXMm;
        panMm[worldY] = panYMm;
        changes.set(changes.get() + 1);
    }
}
