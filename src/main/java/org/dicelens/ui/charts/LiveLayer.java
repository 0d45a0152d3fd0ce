package org.dicelens.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The top layer of a {@link PlotCanvas}: markers, and the bars and lines that move with a threshold, as reused
 * scene-graph shapes. Why shapes and not a canvas: a moved marker repaints the strip between its old and new place,
 * while a redrawn canvas repaints its whole area; with software rendering that was most of a frame.
 */
final class LiveLayer extends Pane {
    private final Font font;
    private final List<Rectangle> rects = new ArrayList<>();
    private final List<Path> paths = new ArrayList<>();
    private final List<Line> rules = new ArrayList<>();
    private final List<Text> texts = new ArrayList<>();
    /** Shapes below, labels above: a marker line drawn after a label no longer crosses it (t_opt under t_cal's). */
    private final javafx.scene.Group shapes = new javafx.scene.Group();
    private final javafx.scene.Group labels = new javafx.scene.Group();

    LiveLayer(Font font) {
        this.font = font;
        setMouseTransparent(true);
        setManaged(false);
        getChildren().addAll(shapes, labels);
    }

    /** Plot area in this layer's coordinates and the data → pixel maps. */
    record Area(double left, double top, double w, double h, DoubleUnaryOperator sx, DoubleUnaryOperator sy,
            double yBase) {
    }

    void update(Area a, List<PlotCanvas.Bars> bars, List<PlotCanvas.Line> lines, List<PlotCanvas.Marker> markers,
            int legendRow) {
        int r = 0;
        int p = 0;
        int l = 0;
        int t = 0;
        for (PlotCanvas.Bars b : bars) {
            for (int i = 0; i < b.y().length; i++) {
                if (!Double.isFinite(b.y()[i])) {
                    continue;
                }
                double y0 = a.sy().applyAsDouble(a.yBase());
                double y1 = clampY(a, a.sy().applyAsDouble(b.y()[i]));
                double x0 = a.sx().applyAsDouble(b.x0()[i]);
                double x1 = a.sx().applyAsDouble(b.x1()[i]);
                Rectangle rect = take(rects, r++, Rectangle::new);
                rect.setX(Math.min(x0, x1));
                rect.setY(Math.min(y0, y1));
                rect.setWidth(Math.max(1, Math.abs(x1 - x0)));
                rect.setHeight(Math.abs(y1 - y0));
                rect.setFill(b.colour());
            }
        }
        double legendY = a.top() + 9 + 12 * legendRow;
        for (PlotCanvas.Line line : lines) {
            Path path = take(paths, p++, Path::new);
            path.setStroke(line.colour());
            path.setStrokeWidth(1.6);
            path.getStrokeDashArray().setAll(line.dashed() ? List.of(5.0, 4.0) : List.of());
            List<PathElement> el = new ArrayList<>();
            boolean pen = false;
            for (int i = 0; i < line.y().length; i++) {
                double yv = line.y()[i];
                if (!Double.isFinite(yv)) {
                    pen = false;
                    continue;
                }
                double px = a.sx().applyAsDouble(line.x()[i]);
                double py = clampY(a, a.sy().applyAsDouble(yv));
                el.add(pen ? new LineTo(px, py) : new MoveTo(px, py));
                pen = true;
            }
            path.getElements().setAll(el);
            if (line.label() != null && !line.label().isEmpty()) {
                Text legend = text(t++, line.label(), line.colour());
                legend.setX(a.left() + a.w() - 4 - legend.getLayoutBounds().getWidth());
                legend.setY(legendY);
                legendY += 12;
            }
        }
        // marker labels: each in the lowest row where its box does not meet a label already placed (thresholds a few
        // hundredths apart printed t_opt, t_cal, t_vol and t_best over one another)
        List<double[]> placed = new ArrayList<>(); // {x0, x1, row}
        for (PlotCanvas.Marker m : markers) {
            if (!Double.isFinite(m.x())) {
                continue;
            }
            double x = a.sx().applyAsDouble(m.x());
            if (x < a.left() - 0.5 || x > a.left() + a.w() + 0.5) {
                continue;
            }
            Line rule = take(rules, l++, Line::new);
            rule.setStartX(x);
            rule.setEndX(x);
            rule.setStartY(a.top());
            rule.setEndY(a.top() + a.h());
            rule.setStroke(m.colour());
            rule.setStrokeWidth(1.3);
            if (m.label() == null) {
                continue;
            }
            Text label = text(t++, m.label(), m.colour());
            double width = label.getLayoutBounds().getWidth();
            double x0 = Math.max(a.left(), Math.min(x + 2, a.left() + a.w() - width));
            int row = freeRow(placed, x0, x0 + width);
            placed.add(new double[] {x0, x0 + width, row});
            label.setX(x0);
            label.setY(a.top() + a.h() - 8 - Math.ceil(label.getLayoutBounds().getHeight()) * row);
        }
        hideFrom(rects, r);
        hideFrom(paths, p);
        hideFrom(rules, l);
        hideFrom(texts, t);
    }

    /** The lowest row where [x0, x1] (plus a 3 px gap) meets no placed label {x0, x1, row}. */
    static int freeRow(List<double[]> placed, double x0, double x1) {
        for (int row = 0;; row++) {
            boolean free = true;
            for (double[] p : placed) {
                if (p[2] == row && x0 < p[1] + 3 && p[0] < x1 + 3) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return row;
            }
        }
    }

    private static double clampY(Area a, double y) {
        return Math.max(a.top(), Math.min(a.top() + a.h(), y));
    }

    private Text text(int i, String s, Color c) {
        Text t = take(texts, i, Text::new);
        t.setFont(font);
        t.setTextOrigin(VPos.CENTER);
        t.setText(s);
        t.setFill(c);
        return t;
    }

    private <N extends Node> N take(List<N> pool, int i, java.util.function.Supplier<N> make) {
        if (i == pool.size()) {
            N n = make.get();
            pool.add(n);
            (n instanceof Text ? labels : shapes).getChildren().add(n);
        }
        N n = pool.get(i);
        n.setVisible(true);
        return n;
    }

    private static void hideFrom(List<? extends Node> pool, int from) {
        for (int i = from; i < pool.size(); i++) {
            pool.get(i).setVisible(false);
        }
    }
}
