package org.dicelens.ui.panels;

import javafx.geometry.Insets;
import javafx.scene.layout.Region;

/**
 * Holds one control whose layout requests stop here. The control is unmanaged, so a change inside it (a slider's
 * thumb moving, a label's new text) lays out that control only; managed, every such change lays out each ancestor up
 * to the window on every threshold step (docs/perf/ui.md, item 17). The boundary's own size is what its child asked
 * for when the boundary was last laid out: use it where the child's size does not follow what it shows (a slider, a
 * label of fixed-width numbers, a label that fills its column).
 */
final class LayoutBoundary extends Region {
    private final Region child;

    LayoutBoundary(Region child) {
        this.child = child;
        child.setManaged(false);
        getChildren().add(child);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        child.resizeRelocate(in.getLeft(), in.getTop(), getWidth() - in.getLeft() - in.getRight(),
                getHeight() - in.getTop() - in.getBottom());
    }

    @Override
    protected double computeMinWidth(double height) {
        return horizontal() + child.minWidth(height);
    }

    @Override
    protected double computePrefWidth(double height) {
        return horizontal() + child.prefWidth(height);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return horizontal() + child.maxWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return vertical() + child.minHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        return vertical() + child.prefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return vertical() + child.maxHeight(width);
    }

    @Override
    public double getBaselineOffset() {
        return getInsets().getTop() + child.getBaselineOffset();
    }

    private double horizontal() {
        return getInsets().getLeft() + getInsets().getRight();
    }

    private double vertical() {
        return getInsets().getTop() + getInsets().getBottom();
    }
}
