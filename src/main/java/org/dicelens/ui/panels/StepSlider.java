package org.dicelens.ui.panels;

import javafx.beans.property.IntegerProperty;
import javafx.scene.control.Slider;

/** A slider over [0, 1] bound both ways to an integer property in steps of 0.001 (the engine's exact grid). */
public final class StepSlider {
    private StepSlider() {
    }

    public static Slider of(IntegerProperty step) {
        Slider s = new Slider(0, 1, step.get() / 1000.0);
        s.setBlockIncrement(0.01);
        boolean[] guard = {false};
        s.valueProperty().addListener((o, a, v) -> {
            if (!guard[0]) {
                guard[0] = true;
                step.set((int) Math.round(v.doubleValue() * 1000));
                guard[0] = false;
            }
        });
        step.addListener((o, a, v) -> {
            if (!guard[0]) {
                guard[0] = true;
                s.setValue(v.intValue() / 1000.0);
                guard[0] = false;
            }
        });
        return s;
    }
}
