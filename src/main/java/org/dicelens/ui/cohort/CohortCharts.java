package org.dicelens.ui.cohort;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.cohort.CasePoint;
import org.dicelens.metrics.cohort.ClassSummary;
import org.dicelens.metrics.cohort.CohortClass;
import org.dicelens.ui.charts.ChartColours;
import org.dicelens.ui.charts.PlotCanvas;
import org.dicelens.ui.model.DiceDistribution;

/**
 * The cohort's four plots of one class, drawn from a {@link CohortClass} (nothing computed here but ranges): the
 * Bland–Altman plot of ΔV (hard and soft) against the mean of V_pred and V_ref with the bias and the limits of
 * agreement of ΔV_hard, the scatter of V_pred against V_ref with the identity line, and the cohort's mean hard Dice and
 * mean ΔV_hard against t with the current threshold and the cohort thresholds marked; beside them the distribution of
 * Dice over the cases of every class ({@link DiceDistributionPlot}). A click on a case's point in the Bland–Altman
 * plot or the scatter opens that case ({@link PointPicker}).
 */
final class CohortCharts extends GridPane {
    private static final double[] T = new double[Settings.STEPS + 1];

    static {
        for (int i = 0; i < T.length; i++) {
            T[i] = i / (double) Settings.STEPS;
        }
    }

    private static final Color HARD = ChartColours.DICE;
    private static final Color SOFT = ChartColours.SOFT;
    /** The second model (a comparison folder): its hard points and curves. */
    private static final Color OTHER = ChartColours.T_BEST;
    final PlotCanvas blandAltman = new PlotCanvas();
    final PlotCanvas scatter = new PlotCanvas();
    final PlotCanvas meanDice = new PlotCanvas();
    final PlotCanvas meanDelta = new PlotCanvas();
    final PlotCanvas distribution = new PlotCanvas();
    private final PointPicker baPicks;
    private final PointPicker scatterPicks;
    /** The crosses' half sizes in the Bland–Altman plot and the scatter's top, of the last drawing. */
    private double dx;
    private double dy;
    private double top;

    /** {@code open} hears a clicked point's case and whether it is the second model's. */
    CohortCharts(BiConsumer<String, Boolean> open) {
        baPicks = new PointPicker(blandAltman, open);
        scatterPicks = new PointPicker(scatter, open);
        setHgap(6);
        setVgap(6);
        blandAltman.setId("cohortBlandAltman");
        scatter.setId("cohortScatter");
        meanDice.setId("cohortMeanDice");
        meanDelta.setId("cohortMeanDelta");
        distribution.setId("cohortDistribution");
        distribution.setLabels("Dice over cases (box: quartiles, median; whiskers: min, max)", "class", "");
        blandAltman.setLabels("Bland–Altman: ΔV vs mean volume", "(V_pred + V_ref)/2  mL", "ΔV mL");
        scatter.setLabels("V_pred vs V_ref (hard, soft; identity line)", "V_ref mL", "V_pred mL");
        meanDice.setLabels("Mean hard Dice over cases vs t", "threshold t", "");
        meanDelta.setLabels("Mean ΔV_hard over cases vs t", "threshold t", "mL");
        PlotCanvas[] all = {blandAltman, scatter, meanDice, meanDelta};
        for (int i = 0; i < all.length; i++) {
            all[i].setMessage("no cohort yet");
            add(all[i], i % 2, i / 2);
            GridPane.setHgrow(all[i], Priority.ALWAYS);
            GridPane.setVgrow(all[i], Priority.ALWAYS);
        }
        distribution.setMessage("no cohort yet");
        add(distribution, 2, 0, 1, 2);
        GridPane.setHgrow(distribution, Priority.ALWAYS);
        GridPane.setVgrow(distribution, Priority.ALWAYS);
    }

    /** The distribution of Dice over the cases of every class ({@code otherName}: the second model's folder). */
    void showDistribution(DiceDistribution d, String otherName) {
        DiceDistributionPlot.draw(distribution, d, otherName);
    }


    /** The plots of one class {@code c} (may be null) with a second model's class ({@code b}, may be null) beside it. */
    void show(CohortClass c, CohortClass b, String bName, Settings s, int channel) {
        for (PlotCanvas p : new PlotCanvas[] {blandAltman, scatter, meanDice, meanDelta}) {
            p.clear();
            p.setMessage(c == null || c.points().isEmpty() ? "no case has this class" : "");
        }
        List<PointPicker.Pick> ba = new java.util.ArrayList<>();
        List<PointPicker.Pick> sc = new java.util.ArrayList<>();
        if (c != null && !c.points().isEmpty()) {
            ClassSummary k = c.summary();
            List<CasePoint> pts = c.points();
            List<CasePoint> all = new java.util.ArrayList<>(pts);
            if (b != null) {
                all.addAll(b.points());
            }
            drawBlandAltman(pts, k, all);
            drawScatter(pts, all);
            drawCurves(c, s, channel);
            if (b != null && !b.points().isEmpty()) {
                drawOther(b, bName);
            }
            picks(pts, false, ba, sc, true);
            if (b != null) {
                picks(b.points(), true, ba, sc, false);
            }
        }
        // the second model's soft points are not drawn, so not pickable
        baPicks.set(ba);
        scatterPicks.set(sc);
        for (PlotCanvas p : new PlotCanvas[] {blandAltman, scatter, meanDice, meanDelta}) {
            p.redraw();
        }
    }

    private void drawBlandAltman(List<CasePoint> pts, ClassSummary k, List<CasePoint> all) {
        double[] xs = range(all, CasePoint::meanHardRefMl, CasePoint::meanSoftRefMl);
        double[] ys = range(all, CasePoint::deltaHardMl, CasePoint::deltaSoftMl);
        double lo = Math.min(ys[0], Math.min(k.loaLowHardMl(), 0));
        double hi = Math.max(ys[1], Math.max(k.loaHighHardMl(), 0));
        double pad = (hi - lo) * 0.08 + 1e-9;
        double xpad = (xs[1] - xs[0]) * 0.05 + 1e-9;
        blandAltman.setRange(xs[0] - xpad, xs[1] + xpad, lo - pad, hi + pad);
        dx = (xs[1] - xs[0] + 2 * xpad) / 120;
        dy = (hi - lo + 2 * pad) / 80;
        blandAltman.add(crosses(pts, CasePoint::meanSoftRefMl, CasePoint::deltaSoftMl, dx, dy, SOFT, "soft"));
        blandAltman.add(crosses(pts, CasePoint::meanHardRefMl, CasePoint::deltaHardMl, dx, dy, HARD, "hard"));
        blandAltman.add(new PlotCanvas.HLine(0, ChartColours.REF, ""));
        blandAltman.add(new PlotCanvas.HLine(k.meanDeltaHardMl(), HARD, "bias hard " + fmt(k.meanDeltaHardMl())));
        blandAltman.add(new PlotCanvas.HLine(k.loaLowHardMl(), ChartColours.T_VOL, "−1.96 sd"));
        blandAltman.add(new PlotCanvas.HLine(k.loaHighHardMl(), ChartColours.T_VOL, "+1.96 sd"));
        blandAltman.add(new PlotCanvas.HLine(k.meanDeltaSoftMl(), SOFT, "bias soft " + fmt(k.meanDeltaSoftMl())));
    }

    private void drawScatter(List<CasePoint> pts, List<CasePoint> all) {
        double[] a = range(all, CasePoint::refMl, CasePoint::hardMl);
        double[] b = range(all, CasePoint::softMl, CasePoint::refMl);
        top = Math.max(a[1], b[1]) * 1.05 + 1e-9;
        // equal ranges on both axes: the drawn diagonal is the identity V_pred = V_ref
        scatter.setRange(0, top, 0, top);
        scatter.setDiagonal(true);
        scatter.add(crosses(pts, CasePoint::refMl, CasePoint::softMl, top / 120, top / 80, SOFT, "V_soft"));
        scatter.add(crosses(pts, CasePoint::refMl, CasePoint::hardMl, top / 120, top / 80, HARD, "V_hard"));
    }

    private void drawCurves(CohortClass c, Settings s, int channel) {
        ClassSummary k = c.summary();
        meanDice.setRange(0, 1, 0, 1);
        meanDice.add(new PlotCanvas.Line(T, c.curves().meanHardDice(), HARD, false, "mean hard Dice"));
        meanDice.add(new PlotCanvas.HLine(k.meanSoftDice(), SOFT,
                String.format(Locale.ROOT, "mean soft Dice %.3f", k.meanSoftDice())));
        double lo = 0;
        double hi = 0;
        for (double v : c.curves().meanDeltaHardMl()) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        // ΔV_hard(t → 0) is the whole volume: clip to a few times the class's own spread so the zero crossing shows
        double own = 0;
        for (CasePoint p : c.points()) {
            own = Math.max(own, Math.max(p.refMl(), Math.abs(p.deltaSoftMl())));
        }
        if (own > 0) {
            hi = Math.min(hi, 2 * own);
            lo = Math.max(lo, -2 * own);
        }
        meanDelta.setRange(0, 1, lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo));
        meanDelta.add(new PlotCanvas.Line(T, c.curves().meanDeltaHardMl(), ChartColours.VOLUME, false, "mean ΔV_hard"));
        meanDelta.add(new PlotCanvas.HLine(0, ChartColours.REF, "ΔV = 0"));
        meanDelta.add(new PlotCanvas.HLine(k.meanDeltaSoftMl(), SOFT, "mean ΔV_soft"));
        for (PlotCanvas p : new PlotCanvas[] {meanDice, meanDelta}) {
            if (s != null && s.mode() == HardMode.THRESHOLD) {
                p.add(new PlotCanvas.Marker(s.thresholdSteps()[channel] / (double) Settings.STEPS, ChartColours.T, "t"));
            }
            p.add(new PlotCanvas.Marker(k.cohortBestThreshold(), ChartColours.T_BEST, "t_best (cohort)"));
            p.add(new PlotCanvas.Marker(k.cohortZeroBiasThreshold(), ChartColours.T_VOL, "t_ΔV=0 (cohort)"));
        }
    }

    /** The second model's hard points and curves over the first's (its ranges are the first's). */
    private void drawOther(CohortClass b, String name) {
        List<CasePoint> pts = b.points();
        blandAltman.add(crosses(pts, CasePoint::meanHardRefMl, CasePoint::deltaHardMl, dx, dy, OTHER, name + " hard"));
        blandAltman.add(new PlotCanvas.HLine(b.summary().meanDeltaHardMl(), OTHER, name + " bias hard "
                + fmt(b.summary().meanDeltaHardMl())));
        scatter.add(crosses(pts, CasePoint::refMl, CasePoint::hardMl, top / 120, top / 80, OTHER,
                name + " V_hard"));
        meanDice.add(new PlotCanvas.Line(T, b.curves().meanHardDice(), OTHER, true, name));
        meanDelta.add(new PlotCanvas.Line(T, b.curves().meanDeltaHardMl(), OTHER, true, name));
    }

    /** The drawn points of {@code pts} (hard, and soft when {@code soft}) as pickable points of both plots. */
    private static void picks(List<CasePoint> pts, boolean second, List<PointPicker.Pick> ba,
            List<PointPicker.Pick> sc, boolean soft) {
        for (CasePoint p : pts) {
            ba.add(new PointPicker.Pick(p.meanHardRefMl(), p.deltaHardMl(), p.caseName(), second));
            sc.add(new PointPicker.Pick(p.refMl(), p.hardMl(), p.caseName(), second));
            if (soft) {
                ba.add(new PointPicker.Pick(p.meanSoftRefMl(), p.deltaSoftMl(), p.caseName(), second));
                sc.add(new PointPicker.Pick(p.refMl(), p.softMl(), p.caseName(), second));
            }
        }
    }

    /** One small cross per case, as one polyline broken by NaN (PlotCanvas starts a new path after a NaN). */
    private static PlotCanvas.Line crosses(List<CasePoint> pts, ToDoubleFunction<CasePoint> fx,
            ToDoubleFunction<CasePoint> fy, double dx, double dy, Color colour, String label) {
        double[] x = new double[pts.size() * 6];
        double[] y = new double[x.length];
        int i = 0;
        for (CasePoint p : pts) {
            double px = fx.applyAsDouble(p);
            double py = fy.applyAsDouble(p);
            double[][] seg = {{px - dx, py}, {px + dx, py}, {Double.NaN, Double.NaN}, {px, py - dy}, {px, py + dy},
                {Double.NaN, Double.NaN}};
            for (double[] v : seg) {
                x[i] = v[0];
                y[i++] = v[1];
            }
        }
        return new PlotCanvas.Line(x, y, colour, false, label);
    }

    private static double[] range(List<CasePoint> pts, ToDoubleFunction<CasePoint> a, ToDoubleFunction<CasePoint> b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (CasePoint p : pts) {
            for (double v : new double[] {a.applyAsDouble(p), b.applyAsDouble(p)}) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%+.2f mL", v);
    }
}
