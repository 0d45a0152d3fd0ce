package org.dicelens.ui.slices;

import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.dicelens.ui.model.ClassControl;

/**
 * Watches every class's visibility and overlay opacity with ONE listener that follows the class list: added classes get it, removed ones
 * lose it. (Adding a listener to every class on every list change, as before, gave class k one listener per later
 * addition, and kept the old case's classes alive.)
 */
final class ClassVisibility {
    private ClassVisibility() {
    }

    static void watch(ObservableList<ClassControl> classes, Runnable changed) {
        InvalidationListener l = x -> changed.run();
        for (ClassControl c : classes) {
            c.visibleProperty().addListener(l);
            c.opacityProperty().addListener(l);
        }
        classes.addListener((ListChangeListener<ClassControl>) ch -> {
            while (ch.next()) {
                for (ClassControl c : ch.getRemoved()) {
                    c.visibleProperty().removeListener(l);
                    c.opacityProperty().removeListener(l);
                }
                for (ClassControl c : ch.getAddedSubList()) {
                    c.visibleProperty().addListener(l);
                    c.opacityProperty().addListener(l);
                }
            }
        });
    }
}
