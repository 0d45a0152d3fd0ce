package org.dicelens.ui.model;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dicelens.metrics.Settings;

/**
 * The controls of one class (one prediction channel): name, colour, visibility, overlay opacity and its threshold in
 * steps of 0.001.
 */
public final class ClassControl {
    private final int channel;
    private final int label;
    private final StringProperty name = new SimpleStringProperty();
    private final IntegerProperty argb = new SimpleIntegerProperty();
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
    private final DoubleProperty opacity = new SimpleDoubleProperty(1);
    private final IntegerProperty thresholdStep = new SimpleIntegerProperty(Settings.STEPS / 2);

    public ClassControl(int channel, int label, String name, int argb) {
        this.channel = channel;
        this.label = label;
        this.name.set(name);
        this.argb.set(argb);
    }

    public int channel() {
        return channel;
    }

    public int label() {
        return label;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public IntegerProperty argbProperty() {
        return argb;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    /**
     * A factor in [0, 1] on the opacity of this class's overlays (its label fill and contours, and when chosen its heat
     * map and TP/FP/FN), on top of each layer's own opacity; 1 draws the layers as they are.
     */
    public DoubleProperty opacityProperty() {
        return opacity;
    }

    /** t × 1000 in [0, 1000]. */
    public IntegerProperty thresholdStepProperty() {
        return thresholdStep;
    }
}
