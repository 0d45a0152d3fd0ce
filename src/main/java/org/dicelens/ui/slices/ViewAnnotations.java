package org.dicelens.ui.slices;

import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * What a slice view draws over the image: the crosshair (with a gap at its centre), the orientation letters on the four
 * edges, the title with the slice number, and the focus ring. Shapes rather than a canvas of the view's size: every
 * frame of new slice pixels repaints the view, and a software renderer then blends the whole canvas over it (a fifth of
 * the renderer's time per threshold step, JFR), while these few shapes cost their own pixels only.
 */
final class ViewAnnotations extends Group {
    private static final Font LETTER = Font.font("System", FontWeight.BOLD, 14);
    private static final Font SMALL = Font.font(11);
    private static final double GAP = 6;
    private final Rectangle focusRing = new Rectangle();
    private final Line[] cross = {new Line(), new Line(), new Line(), new Line()};
    private final Text left = letter();
    private final Text right = letter();
    private final Text top = letter();
    private final Text bottom = letter();
    private final Text title = new Text();
    /** The evaluation region's outline, on voxel boundaries (see {@link RegionOutline}). */
    private final Rectangle region = new Rectangle();

    ViewAnnotations() {
        setManaged(false);
        setMouseTransparent(true);
        setAutoSizeChildren(false);
        focusRing.setFill(null);
        focusRing.setStroke(Color.rgb(255, 204, 0));
        focusRing.setStrokeWidth(1);
        for (Line l : cross) {
            l.setStroke(Color.rgb(255, 220, 0, 0.75));
            l.setStrokeWidth(1);
        }
        title.setFont(SMALL);
        title.setFill(Color.rgb(255, 255, 255, 0.9));
        title.setTextOrigin(VPos.TOP);
        region.setFill(null);
        int c = org.dicelens.render.OverlayColours.REGION;
        region.setStroke(Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF));
        region.setStrokeWidth(1);
        region.setStrokeType(javafx.scene.shape.StrokeType.INSIDE);
        region.setVisible(false);
        region.setId("regionOutline");
        getChildren().add(region);
        getChildren().addAll(cross);
        getChildren().addAll(left, right, top, bottom, title, focusRing);
    }

    private static Text letter() {
        Text t = new Text();
        t.setFont(LETTER);
        t.setFill(Color.rgb(255, 255, 255, 0.9));
        return t;
    }

    /** Only the focus ring (no case loaded). */
    void showFocusOnly(double w, double h, boolean focused) {
        ring(w, h, focused);
        setSliceVisible(false);
    }

    /**
     * Everything, for a view of {@code w × h} whose slice is drawn in {@code p = {x, y, w, h}} with the crosshair at
     * ({@code sx}, {@code sy}).
     */
    void show(double w, double h, boolean focused, double[] p, double sx, double sy, char[] letters, String caption) {
        ring(w, h, focused);
        setSliceVisible(true);
        set(cross[0], p[0], sy, sx - GAP, sy);
        set(cross[1], sx + GAP, sy, p[0] + p[2], sy);
        set(cross[2], sx, p[1], sx, sy - GAP);
        set(cross[3], sx, sy + GAP, sx, p[1] + p[3]);
        place(left, letters[0], 5, h / 2, 0, VPos.CENTER);
        place(right, letters[1], w - 5, h / 2, 1, VPos.CENTER);
        place(top, letters[2], w / 2, 4, 0.5, VPos.TOP);
        place(bottom, letters[3], w / 2, h - 4, 0.5, VPos.BOTTOM);
        title.setText(caption);
        title.setX(6);
        title.setY(4);
    }

    /** The region's rectangle {x, y, w, h} in view coordinates at an opacity, or null for none on this slice. */
    void region(double[] r, double opacity) {
        region.setVisible(r != null && opacity > 0);
        if (r != null) {
            region.setX(r[0]);
            region.setY(r[1]);
            region.setWidth(Math.max(1, r[2]));
            region.setHeight(Math.max(1, r[3]));
            region.setOpacity(opacity);
        }
    }

    /** The region outline shown now (tests). */
    Rectangle regionShape() {
        return region;
    }

    private void ring(double w, double h, boolean focused) {
        focusRing.setVisible(focused);
        focusRing.setX(0.5);
        focusRing.setY(0.5);
        focusRing.setWidth(Math.max(0, w - 1));
        focusRing.setHeight(Math.max(0, h - 1));
    }

    private void setSliceVisible(boolean on) {
        for (Line l : cross) {
            l.setVisible(on);
        }
        for (Text t : new Text[] {left, right, top, bottom, title}) {
            t.setVisible(on);
        }
    }

    private static void set(Line l, double x0, double y0, double x1, double y1) {
        l.setStartX(x0);
        l.setStartY(y0);
        l.setEndX(x1);
        l.setEndY(y1);
    }

    /** A letter at (x, y): {@code align} 0 puts its left edge there, 1 its right edge, 0.5 its centre. */
    private static void place(Text t, char c, double x, double y, double align, VPos origin) {
        t.setText(String.valueOf(c));
        t.setTextOrigin(origin);
        t.setX(x - align * t.getLayoutBounds().getWidth());
        t.setY(y);
    }
}
