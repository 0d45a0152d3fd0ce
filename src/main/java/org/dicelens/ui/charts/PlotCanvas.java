package org.dicelens.ui.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
    /** Markers and moving series as shapes on top: a moved threshold redraws a few lines, not 1,001-point curves. */
    private final LiveLayer live = new LiveLayer(FONT);
    private List<Object> drawnBase = List.of();
    private List<Line> drawnLines = List.of();
    private List<Bars> drawnBars = List.of();
    private final List<Line> lines = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final List<HLine> hlines = new ArrayList<>();
    private final List<Bars> bars = new ArrayList<>();
    /** Drawn on the top layer with the markers: what moves with a threshold (the hard-volume bar, per-slice hard Dice). */
    private final List<Line> liveLines = new ArrayList<>();
    private final List<Bars> liveBars = new ArrayList<>();
    // what the live layer shows (compared by value before it is updated)
    private List<Object> drawnLiveArea;
    private List<Line> drawnLiveLines = List.of();
    private List<Bars> drawnLiveBars = List.of();
    private List<Marker> drawnMarkers = List.of();
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
    /** x ticks at whole numbers only (slice numbers), never "3.25". */
    private boolean wholeX;
    private static final double LEFT = 42;
    private static final double RIGHT = 10;
    private static final double TOP = 18;
    private static final double BOTTOM = 28;

    public PlotCanvas() {
        getChildren().addAll(canvas, live);
        // the live shapes change the plot's bounds as they move; clipped, the plot's bounds stay its box and a moving
        // bar does not mark the whole panel around it for repainting
        org.dicelens.ui.Clips.toBox(this);
        setMinSize(120, 90);
        setPrefSize(300, 170);
        widthProperty().addListener(x -> redraw());
        heightProperty().addListener(x -> redraw());
    }

    @Override
    protected void layoutChildren() {
        redraw();
    }

    /** Ticks of the x axis at whole numbers only (a count such as slice numbers). */
    public void setWholeXTicks(boolean b) {
        wholeX = b;
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
        liveLines.clear();
        liveBars.clear();
    }

    /** A line that changes on every slider step: drawn on the top layer, so the rest of the plot is not redrawn. */
    public void addLive(Line l) {
        liveLines.add(l);
    }

    /** Bars that change on every slider step (see {@link #addLive(Line)}). */
    public void addLive(Bars b) {
        liveBars.add(b);
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

    /** Every line, the curves' layer first and then the live ones. */
    public List<Line> lines() {
        List<Line> all = new ArrayList<>(lines);
        all.addAll(liveLines);
        return all;
    }

    public List<Marker> markers() {
        return List.copyOf(markers);
    }

    /** Every bar series, the curves' layer first and then the live ones. */
    public List<Bars> bars() {
        List<Bars> all = new ArrayList<>(bars);
        all.addAll(liveBars);
        return all;
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

    /** Where the data point (x, y) is drawn, in this plot's own coordinates (to find the point under a click). */
    public javafx.geometry.Point2D toPixels(double x, double y) {
        return new javafx.geometry.Point2D(sx(x, getWidth() - LEFT - RIGHT), sy(y, getHeight() - TOP - BOTTOM));
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
        // size listeners can run before layoutChildren: size the layers here, or the curves go to an old-sized canvas
        canvas.setWidth(W);
        canvas.setHeight(H);
        List<Object> base = List.of(W, H, xMin, xMax, yMin, yMax, title, xLabel, yLabel, message, categories, diagonal,
                List.copyOf(hlines));
        if (!base.equals(drawnBase) || !sameLines(lines, drawnLines) || !sameBars(bars, drawnBars)) {
            drawBase(W, H);
            drawnBase = base;
            drawnLines = List.copyOf(lines);
            drawnBars = List.copyOf(bars);
        }
        // the live layer only when what it shows changed by value: rewriting a path with the same points still marks it
        // for repainting (a step that moves another class's threshold repainted the per-slice strip's curve)
        List<Object> liveArea = List.of(W, H, xMin, xMax, yMin, yMax, lines.size());
        if (liveArea.equals(drawnLiveArea) && sameLines(liveLines, drawnLiveLines) && sameBars(liveBars, drawnLiveBars)
                && markers.equals(drawnMarkers)) {
            return;
        }
        drawnLiveArea = liveArea;
        drawnLiveLines = List.copyOf(liveLines);
        drawnLiveBars = List.copyOf(liveBars);
        drawnMarkers = List.copyOf(markers);
        double w = W - LEFT - RIGHT;
        double h = H - TOP - BOTTOM;
        if (w < 10 || h < 10) {
            live.update(new LiveLayer.Area(LEFT, TOP, 0, 0, x -> x, y -> y, 0), List.of(), List.of(), List.of(), 0);
            return;
        }
        live.update(new LiveLayer.Area(LEFT, TOP, w, h, x -> sx(x, w), y -> sy(y, h), Math.max(yMin, 0)), liveBars,
                liveLines, markers, lines.size());
    }

    /** Same curves by value (records alone would compare the arrays by identity). */
    private static boolean sameLines(List<Line> a, List<Line> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Line p = a.get(i);
            Line q = b.get(i);
            if (!Arrays.equals(p.x(), q.x()) || !Arrays.equals(p.y(), q.y()) || !p.colour().equals(q.colour())
                    || p.dashed() != q.dashed() || !Objects.equals(p.label(), q.label())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameBars(List<Bars> a, List<Bars> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Bars p = a.get(i);
            Bars q = b.get(i);
            if (!Arrays.equals(p.x0(), q.x0()) || !Arrays.equals(p.x1(), q.x1()) || !Arrays.equals(p.y(), q.y())
                    || !p.colour().equals(q.colour())) {
                return false;
            }
        }
        return true;
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
        drawBars(g, bars, w, h);
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
        drawLines(g, lines, w, h);
        g.restore();
        labels(g, w, h);
    }

    private void drawBars(GraphicsContext g, List<Bars> list, double w, double h) {
        for (Bars b : list) {
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
    }

    private void drawLines(GraphicsContext g, List<Line> list, double w, double h) {
        for (Line l : list) {
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
    }

    /** Legends of lines at the top right, one row each, starting at row {@code first}. */
    private void legends(GraphicsContext g, List<Line> list, double w, int first) {
        g.setTextAlign(TextAlignment.RIGHT);
        double y = TOP + 9 + 12 * first;
        for (Line l : list) {
            if (l.label() != null && !l.label().isEmpty()) {
                g.setFill(l.colour());
                g.fillText(l.label(), LEFT + w - 4, y);
                y += 12;
            }
        }
    }

    /**
     * The i-th of five x ticks (0..4) spread over [min, max]; with {@code whole}, rounded to a whole number and NaN
     * when it repeats the previous tick (a short range).
     */
    static double xTick(double min, double max, int i, boolean whole) {
        double v = min + i * (max - min) / 4;
        if (!whole) {
            return v;
        }
        return i > 0 && Math.round(v) == Math.round(min + (i - 1) * (max - min) / 4) ? Double.NaN : Math.round(v);
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
            double xv = xTick(xMin, xMax, i, wholeX);
            if (Double.isNaN(xv)) {
                continue;
            }
            if (categories.isEmpty()) {
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
        // legend for lines at the top right (live lines continue it on the top layer), then reference-line labels
        legends(g, lines, w, 0);
        for (HLine l : hlines) {
            if (l.label() != null && !l.label().isEmpty() && Double.isFinite(l.y())) {
                g.setFill(l.colour());
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(l.label(), LEFT + 3, sy(l.y(), h) - 6);
            }
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
