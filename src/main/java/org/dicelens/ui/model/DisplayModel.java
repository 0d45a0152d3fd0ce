package org.dicelens.ui.model;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.dicelens.render.ViewAxis;

/**
 * How the views look, independent of the numbers: the image window (low/high intensity mapped to black/white, set by
 * the range slider or right-drag), the crosshair, the overlays and which view, if any, is maximised.
 */
public final class DisplayModel {
    private final DoubleProperty rangeMin = new SimpleDoubleProperty(0);
    private final DoubleProperty rangeMax = new SimpleDoubleProperty(1);
    private final DoubleProperty windowLow = new SimpleDoubleProperty(0);
    private final DoubleProperty windowHigh = new SimpleDoubleProperty(1);
    private final ObjectProperty<ViewAxis> maximised = new SimpleObjectProperty<>();
    private final CrosshairModel crosshair = new CrosshairModel();
    private final OverlayModel overlays = new OverlayModel();
    private final ZoomModel zoom = new ZoomModel();

    /** New image range: the window spans it whole. */
    public void resetWindow(double min, double max) {
        if (!(max > min)) {
            max = min + 1;
        }
        rangeMin.set(min);
        rangeMax.set(max);
        windowLow.set(min);
        windowHigh.set(max);
    }

    /**
     * Right-drag window/level as radiology viewers do: horizontal motion widens/narrows the window, vertical motion
     * moves its centre (level); {@code dx, dy} are fractions of the view size.
     */
    public void dragWindow(double dx, double dy) {
        double span = rangeMax.get() - rangeMin.get();
        double width = Math.max(span * 1e-3, (windowHigh.get() - windowLow.get()) + dx * span);
        double level = (windowHigh.get() + windowLow.get()) / 2 - dy * span;
        windowLow.set(Math.max(rangeMin.get(), level - width / 2));
        windowHigh.set(Math.min(rangeMax.get(), level + width / 2));
    }

    public DoubleProperty rangeMinProperty() {
        return rangeMin;
    }

    public DoubleProperty rangeMaxProperty() {
        return rangeMax;
    }

    public DoubleProperty windowLowProperty() {
        return windowLow;
    }

    public DoubleProperty windowHighProperty() {
        return windowHigh;
    }

    public ObjectProperty<ViewAxis> maximisedProperty() {
        return maximised;
    }

    public CrosshairModel crosshair() {
        return crosshair;
    }

    public OverlayModel overlays() {
        return overlays;
    }

    /** The views' shared zoom: reset, and zoom/pan linked across views. */
    public ZoomModel zoom() {
        return zoom;
    }
}
