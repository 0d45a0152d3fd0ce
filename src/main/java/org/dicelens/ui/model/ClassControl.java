package org.dicelens.ui.model;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dicelens.metrics.Settings;

/** The controls of one class (one prediction channel): name, colour, visibility and its threshold in steps of 0.001. */
public final class ClassControl {
    private final int channel;
    private final int label;
    private final StringProperty name = new SimpleStringProperty();
    private final IntegerProperty argb = new SimpleIntegerProperty();
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
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

    /** t × 1000 in [0, 1000]. */
    public IntegerProperty thresholdStepProperty() {
        return thresholdStep;
    }
}
