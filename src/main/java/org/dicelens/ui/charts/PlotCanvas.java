package org.dicelens.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A small, fast plot on a Canvas: lines, bars, horizontal reference lines and labelled vertical markers, with axes.
 * JavaFX's LineChart re-lays out 1,001-point series slowly and has no vertical markers; this redraws in well under a
 * millisecond, so charts keep up with a dragged slider.
 */
public class PlotCanvas extends Region {
    public record Line(double[] x, double[] y, Color colour, boolean dashed, String label) {
    }

    public record Marker(double x, Color colour, String label) {
    }

    public record HLine(double y, Color colour, String label) {
    }

    /** Bars from x0[i] to x1[i] of height y[i]. */
    public record Bars(double[] x0, double[] x1, double[] y, Color colour) {
    }

    private static final Font FONT = Font.font(10.5);
    private final Canvas canvas = new Canvas();
    /** Markers on their own transparent layer: a moved threshold redraws a few lines, not 1,001-point curves. */
    private final Canvas markerLayer = new Canvas();
    private List<Object> drawnBase = List.of();
    private final List<Line> lines = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final List<HLine> hlines = new ArrayList<>();
    private final List<Bars> bars = new ArrayList<>();
    private double xMin = 0;
    private double xMax = 1;
    private double yMin = 0;
    private double yMax = 1;
    private String xLabel = "";
    private String yLabel = "";
    private String title = "";
    private boolean diagonal;
    private String message = "";
    private List<String> categories = List.of();
    private static final double LEFT = 42;
    private static final double RIGHT = 10;
    private static final double TOP = 18;
    private static final double BOTTOM = 28;

    public PlotCanvas() {
        getChildren().addAll(canvas, markerLayer);
        markerLayer.setMouseTransparent(true);
        setMinSize(120, 90);
        setPrefSize(300, 170);
        widthProperty().addListener(x -> redraw());
        heightProperty().addListener(x -> redraw());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        markerLayer.setWidth(getWidth());
        markerLayer.setHeight(getHeight());
        redraw();
    }

    public void setRange(double xMin, double xMax, double yMin, double yMax) {
        this.xMin = xMin;
        this.xMax = xMax > xMin ? xMax : xMin + 1;
        this.yMin = yMin;
        this.yMax = yMax > yMin ? yMax : yMin + 1;
    }

    public void setLabels(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Labels the x axis with these names at x = 0, 1, … instead of numbers (bar charts of categories). */
    public void setCategories(List<String> names) {
        categories = List.copyOf(names);
    }

    /** Draws the y = x diagonal (reliability diagrams). */
    public void setDiagonal(boolean on) {
        diagonal = on;
    }

    /** Shown in the middle when there is nothing to plot. */
    public void setMessage(String m) {
        message = m == null ? "" : m;
    }

    public void clear() {
        lines.clear();
        markers.clear();
        hlines.clear();
        bars.clear();
    }

    public void add(Line l) {
        lines.add(l);
    }

    public void add(Marker m) {
        markers.add(m);
    }

    public void add(HLine h) {
        hlines.add(h);
    }

    public void add(Bars b) {
        bars.add(b);
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<Marker> markers() {
        return List.copyOf(markers);
    }

    public List<Bars> bars() {
        return List.copyOf(bars);
    }

    /** Calls back with the data x of a click inside the plot area. */
    public void setOnPick(DoubleConsumer pick) {
        setOnMouseClicked(e -> {
            double w = getWidth() - LEFT - RIGHT;
            if (w > 0 && e.getX() >= LEFT && e.getX() <= getWidth() - RIGHT) {
                pick.accept(xMin + (e.getX() - LEFT) / w * (xMax - xMin));
            }
        });
    }

    private double sx(double x, double w) {
        return LEFT + (x - xMin) / (xMax - xMin) * w;
    }

    private double sy(double y, double h) {
        return TOP + (1 - (y - yMin) / (yMax - yMin)) * h;
    }

    /** Redraws the plot; the curves' layer only when something other than the markers changed since last time. */
    public void redraw() {
        double W = getWidth();
        double H = getHeight();
        // records compare curves' arrays by identity: the same sweep re-added is "unchanged"
        List<Object> base = List.of(W, H, xMin, xMax, yMin, yMax, title, xLabel, yLabel, message, categories, diagonal,
                List.copyOf(lines), List.copyOf(hlines), List.copyOf(bars));
        if (!base.equals(drawnBase)) {
            drawBase(W, H);
            drawnBase = base;
        }
        drawMarkers(W, H);
    }

    private void drawMarkers(double W, double H) {
        GraphicsContext g = markerLayer.getGraphicsContext2D();
        g.clearRect(0, 0, W, H);
        double w = W - LEFT - RIGHT;
        double h = H - TOP - BOTTOM;
        if (w < 10 || h < 10) {
            return;
        }
        g.setFont(FONT);
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, w, h);
        g.clip();
        for (Marker m : markers) {
            if (Double.isFinite(m.x())) {
                g.setStroke(m.colour());
                g.setLineWidth(1.3);
                double x = sx(m.x(), w);
                g.strokeLine(x, TOP, x, TOP + h);
            }
        }
        g.restore();
        g.setTextBaseline(VPos.CENTER);
        markerLabels(g, w, h);
    }

    private void drawBase(double W, double H) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double w = W - LEFT - RIGHT;
        double h = H - TOP - BOTTOM;
        if (w < 10 || h < 10) {
            return;
        }
        g.setFont(FONT);
        axes(g, w, h);
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, w, h);
        g.clip();
        for (Bars b : bars) {
            g.setFill(b.colour());
            for (int i = 0; i < b.y().length; i++) {
                if (Double.isFinite(b.y()[i])) {
                    double y0 = sy(Math.max(yMin, 0), h);
                    double y1 = sy(b.y()[i], h);
                    double x0 = sx(b.x0()[i], w);
                    double x1 = sx(b.x1()[i], w);
                    g.fillRect(Math.min(x0, x1), Math.min(y0, y1), Math.max(1, Math.abs(x1 - x0)), Math.abs(y1 - y0));
                }
            }
        }
        if (diagonal) {
            g.setStroke(Color.gray(0.6));
            g.setLineDashes(4, 3);
            g.strokeLine(sx(xMin, w), sy(yMin, h), sx(xMax, w), sy(yMax, h));
            g.setLineDashes();
        }
        for (HLine l : hlines) {
            if (Double.isFinite(l.y())) {
                g.setStroke(l.colour());
                g.setLineDashes(5, 4);
                g.setLineWidth(1);
                double y = sy(l.y(), h);
                g.strokeLine(LEFT, y, LEFT + w, y);
                g.setLineDashes();
            }
        }
        for (Line l : lines) {
            g.setStroke(l.colour());
            g.setLineWidth(1.6);
            if (l.dashed()) {
                g.setLineDashes(5, 4);
            }
            g.beginPath();
            boolean pen = false;
            for (int i = 0; i < l.y().length; i++) {
                double yv = l.y()[i];
                if (!Double.isFinite(yv)) {
                    pen = false;
                    continue;
                }
                double px = sx(l.x()[i], w);
                double py = sy(yv, h);
                if (pen) {
                    g.lineTo(px, py);
                } else {
                    g.moveTo(px, py);
                    pen = true;
                }
            }
            g.stroke();
            g.setLineDashes();
        }
        g.restore();
        labels(g, w, h);
    }

    private void axes(GraphicsContext g, double w, double h) {
        g.setStroke(Color.gray(0.85));
        g.setLineWidth(1);
        g.setFill(Color.gray(0.25));
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= 4; i++) {
            double yv = yMin + i * (yMax - yMin) / 4;
            double y = sy(yv, h);
            g.strokeLine(LEFT, y, LEFT + w, y);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(tick(yv), LEFT - 3, y);
            if (categories.isEmpty()) {
                double xv = xMin + i * (xMax - xMin) / 4;
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(tick(xv), sx(xv, w), TOP + h + 8);
            }
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (int k = 0; k < categories.size(); k++) {
            g.fillText(categories.get(k), sx(k, w), TOP + h + 8);
        }
        g.setStroke(Color.gray(0.4));
        g.strokeRect(LEFT, TOP, w, h);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(xLabel, LEFT + w / 2, TOP + h + 20);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(title + (yLabel.isEmpty() ? "" : "   [" + yLabel + "]"), LEFT, TOP - 9);
        if (!message.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(message, LEFT + w / 2, TOP + h / 2);
        }
    }

    private void labels(GraphicsContext g, double w, double h) {
        // legend for lines at the top right, marker labels along the top edge
        g.setTextAlign(TextAlignment.RIGHT);
        double y = TOP + 9;
        for (Line l : lines) {
            if (l.label() != null && !l.label().isEmpty()) {
                g.setFill(l.colour());
                g.fillText(l.label(), LEFT + w - 4, y);
                y += 12;
            }
        }
        for (HLine l : hlines) {
            if (l.label() != null && !l.label().isEmpty() && Double.isFinite(l.y())) {
                g.setFill(l.colour());
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(l.label(), LEFT + 3, sy(l.y(), h) - 6);
            }
        }
    }

    private void markerLabels(GraphicsContext g, double w, double h) {
        double[] used = new double[markers.size()];
        int k = 0;
        for (Marker m : markers) {
            if (!Double.isFinite(m.x()) || m.label() == null) {
                continue;
            }
            double x = sx(m.x(), w);
            int row = 0;
            for (int j = 0; j < k; j++) {
                if (Math.abs(used[j] - x) < 34) {
                    row++;
                }
            }
            used[k++] = x;
            g.setFill(m.colour());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(m.label(), Math.min(x + 2, LEFT + w - 30), TOP + h - 8 - 11 * row);
        }
    }

    private static String tick(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e5 || a < 1e-2)) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }
}
