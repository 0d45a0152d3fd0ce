package org.dicelens.ui.panels.spatial;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.dicelens.metrics.spatial.BorderDistances;
import org.dicelens.ui.panels.Fmt;

/**
 * Histogram of boundary distances (mm): the prediction's border voxels to the reference border (blue) and the
 * reference's to the prediction (orange), side by side per bin, with the NSD tolerance τ as a dashed line. A canvas,
 * redrawn on resize, because a chart with thousands of categories costs too much FX time.
 */
final class DistanceHistogram extends Pane {
    static final int BINS = 30;
    private final Canvas canvas = new Canvas();
    private double[] predToRef = new double[0];
    private double[] refToPred = new double[0];
    private double tau = Double.NaN;

    DistanceHistogram() {
        getChildren().add(canvas);
        setMinHeight(120);
        setPrefHeight(150);
        widthProperty().addListener(o -> draw());
        heightProperty().addListener(o -> draw());
    }

    void show(BorderDistances pred, BorderDistances ref, double tauMm) {
        predToRef = pred == null ? new double[0] : pred.distances();
        refToPred = ref == null ? new double[0] : ref.distances();
        tau = tauMm;
        draw();
    }

    /** Bin counts of v over [0, max] in {@link #BINS} equal bins (the last one closed). */
    static long[] counts(double[] v, double max) {
        long[] c = new long[BINS];
        for (double d : v) {
            int b = max <= 0 ? 0 : (int) Math.min(BINS - 1, Math.floor(d / max * BINS));
            c[b]++;
        }
        return c;
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFont(Font.font(10));
        if (predToRef.length == 0 && refToPred.length == 0) {
            g.setFill(Color.GRAY);
            g.fillText("no boundary distances (a mask is empty)", 8, h / 2);
            return;
        }
        double max = 0;
        for (double d : predToRef) {
            max = Math.max(max, d);
        }
        for (double d : refToPred) {
            max = Math.max(max, d);
        }
        long[] a = counts(predToRef, max);
        long[] b = counts(refToPred, max);
        long top = 1;
        for (int i = 0; i < BINS; i++) {
            top = Math.max(top, Math.max(a[i], b[i]));
        }
        double left = 34;
        double bottom = h - 16;
        double plotW = w - left - 6;
        double plotH = bottom - 14;
        double bw = plotW / BINS;
        for (int i = 0; i < BINS; i++) {
            double x = left + i * bw;
            double ha = plotH * a[i] / top;
            double hb = plotH * b[i] / top;
            g.setFill(Color.web("#4a7bd0"));
            g.fillRect(x + 1, bottom - ha, bw / 2 - 1, ha);
            g.setFill(Color.web("#e08a2c"));
            g.fillRect(x + bw / 2, bottom - hb, bw / 2 - 1, hb);
        }
        g.setStroke(Color.GRAY);
        g.strokeLine(left, bottom, left + plotW, bottom);
        g.setFill(Color.GRAY);
        g.fillText("0", left - 3, bottom + 12);
        g.fillText(Fmt.num(max, 1) + " mm", left + plotW - 40, bottom + 12);
        g.fillText(Long.toString(top), 2, 22);
        if (Double.isFinite(tau) && max > 0 && tau <= max) {
            double x = left + plotW * tau / max;
            g.setStroke(Color.web("#2e8b57"));
            g.setLineDashes(4, 3);
            g.strokeLine(x, bottom, x, 14);
            g.setLineDashes();
            g.fillText("τ", x + 2, 12);
        }
        g.setFill(Color.web("#4a7bd0"));
        g.fillText("■ prediction → reference", left + 4, 10);
        g.setFill(Color.web("#e08a2c"));
        g.fillText("■ reference → prediction", left + 150, 10);
    }
}
