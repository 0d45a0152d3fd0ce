package org.dicelens.ui;

import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * Clips a region to its own layout box. Why: a child that overflows its panel (a label whose width changes with
 * every number, a slider thumb's shadow) changes the panel's bounds, the change climbs to ancestors that have a
 * background (split panes, the window root), and Prism then repaints the whole window instead of the few changed
 * rectangles. A clip keeps every panel's bounds equal to its box, so a threshold drag repaints only what changed.
 */
public final class Clips {
    private Clips() {
    }

    /** Clips {@code r} to (0, 0, width, height), following its size; returns {@code r}. */
    public static <R extends Region> R toBox(R r) {
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(r.widthProperty());
        clip.heightProperty().bind(r.heightProperty());
        r.setClip(clip);
        return r;
    }
}
