package org.dicelens.ui.slices;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.dicelens.render.ViewAxis;
import org.dicelens.ui.model.CrosshairModel;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.ZoomModel;

/**
 * The mouse and keys of one {@link SliceView}: wheel and arrows move through slices, Ctrl/Cmd+wheel zooms (the linked
 * zoom of every view, or the view's own), drag pans, click moves the crosshair, right-drag sets the window,
 * double-click maximises (leaving the crosshair where it was), Home resets the zoom.
 */
final class SliceViewInput {
    private final SliceView view;
    private final ViewAxis axis;
    private final DisplayModel display;
    private final CrosshairModel crosshair;
    private final OwnZoom own;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    /** The crosshair before the first click of a possible double-click, which restores it (maximise is not a move). */
    private int[] crosshairBeforeClick;

    private SliceViewInput(SliceView view, DisplayModel display, OwnZoom own) {
        this.view = view;
        this.axis = view.axis();
        this.display = display;
        this.crosshair = display.crosshair();
        this.own = own;
    }

    /** Installs the handlers on the view. */
    static void install(SliceView view, DisplayModel display, OwnZoom own) {
        SliceViewInput in = new SliceViewInput(view, display, own);
        view.setOnScroll(in::onScroll);
        view.setOnMousePressed(in::onPress);
        view.setOnMouseDragged(in::onDrag);
        view.setOnMouseReleased(in::onRelease);
        view.setOnKeyPressed(in::onKey);
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.HOME) {
            display.zoom().reset();
            e.consume();
            return;
        }
        int d = switch (e.getCode()) {
            case UP, PAGE_UP, RIGHT -> 1;
            case DOWN, PAGE_DOWN, LEFT -> -1;
            default -> 0;
        };
        if (d != 0 && view.geometry() != null) {
            crosshair.step(view.geometry().sliceAxis(), e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.PAGE_DOWN
                    ? 10 * d : d);
            e.consume();
        }
    }

    private void onScroll(ScrollEvent e) {
        if (view.geometry() == null || e.getDeltaY() == 0) {
            return;
        }
        int d = e.getDeltaY() > 0 ? 1 : -1;
        if (e.isShortcutDown() || e.isControlDown()) {
            double f = d > 0 ? 1.15 : 1 / 1.15;
            if (display.zoom().linkedProperty().get()) {
                zoomLinked(f, e.getX(), e.getY());
                e.consume();
                return;
            }
            own.zoomAbout(f, e.getX() - view.getWidth() / 2, e.getY() - view.getHeight() / 2);
            view.requestLayout();
        } else {
            crosshair.step(view.geometry().sliceAxis(), d);
        }
        e.consume();
    }

    /** Linked zoom: the scale of every view changes, keeping the point under the mouse fixed in this one. */
    private void zoomLinked(double f, double x, double y) {
        ZoomModel z = display.zoom();
        double fit = view.fit();
        double cur = z.scale(fit);
        double ns = Math.max(fit * ZoomModel.MIN_ZOOM, Math.min(fit * ZoomModel.MAX_ZOOM, cur * f));
        double px = z.panMm(axis.worldX()) * cur;
        double py = z.panMm(axis.worldY()) * cur;
        double nx = px - (x - view.getWidth() / 2 - px) * (ns / cur - 1);
        double ny = py - (y - view.getHeight() / 2 - py) * (ns / cur - 1);
        z.set(ns, axis.worldX(), nx / ns, axis.worldY(), ny / ns);
    }

    private void onPress(MouseEvent e) {
        view.requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragged = false;
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1) {
            crosshairBeforeClick = crosshair.voxel();
        }
        if (e.getClickCount() == 2 && e.getButton() == MouseButton.PRIMARY) {
            // the first click moved the crosshair: a double-click only maximises, so put it back
            if (crosshairBeforeClick != null) {
                crosshair.set(crosshairBeforeClick[0], crosshairBeforeClick[1], crosshairBeforeClick[2]);
            }
            display.maximisedProperty().set(display.maximisedProperty().get() == axis ? null : axis);
        }
    }

    private void onDrag(MouseEvent e) {
        double dx = e.getX() - lastX;
        double dy = e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 3) {
            dragged = true;
        }
        // the pressed buttons, not getButton(): drag events do not carry the button on every platform
        if (e.isSecondaryButtonDown()) {
            display.dragWindow(dx / Math.max(1, view.getWidth()), dy / Math.max(1, view.getHeight()));
        } else if (e.isPrimaryButtonDown() && dragged) {
            ZoomModel z = display.zoom();
            if (z.linkedProperty().get() && view.geometry() != null) {
                double s = z.scale(view.fit());
                z.set(z.scale(Double.NaN), axis.worldX(), z.panMm(axis.worldX()) + dx / s, axis.worldY(),
                        z.panMm(axis.worldY()) + dy / s);
            } else {
                own.pan(dx, dy);
                view.requestLayout();
            }
        }
    }

    private void onRelease(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && !dragged && e.getClickCount() < 2) {
            int[] v = view.voxelAt(e.getX(), e.getY());
            if (v != null) {
                crosshair.set(v[0], v[1], v[2]);
            }
        }
    }
}
