package org.dicelens.ui.cohort;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.dicelens.ui.charts.ChartColours;
import org.dicelens.ui.charts.PlotCanvas;
import org.dicelens.ui.model.DiceDistribution;

/**
 * Draws a {@link DiceDistribution} as boxes and strips, one group per class: soft Dice (pink), hard Dice (blue) and
 * the second model's hard Dice; per series a box from the first to the third quartile with the median, whiskers to
 * the minimum and maximum, and every case as a small cross spread sideways so equal values stay visible. Nothing is
 * computed here but positions.
 */
final class DiceDistributionPlot {
    private static final double BOX = 0.16;

    private DiceDistributionPlot() {
    }

    static void draw(PlotCanvas plot, DiceDistribution d, String otherName) {
        plot.clear();
        List<DiceDistribution.ClassSpread> cs = d == null ? List.of() : d.classes();
        plot.setMessage(cs.isEmpty() ? "no cohort yet" : "");
        plot.setCategories(cs.stream().map(DiceDistribution.ClassSpread::name).toList());
        plot.setRange(-0.5, Math.max(cs.size(), 1) - 0.5, 0, 1);
        boolean other = cs.stream().anyMatch(c -> c.other() != null);
        double[] at = other ? new double[] {-0.24, 0, 0.24} : new double[] {-0.15, 0.15, 0};
        for (int k = 0; k < cs.size(); k++) {
            DiceDistribution.ClassSpread c = cs.get(k);
            boolean first = k == 0;
            series(plot, c.soft(), k + at[0], ChartColours.SOFT, first ? "soft Dice" : "");
            series(plot, c.hard(), k + at[1], ChartColours.DICE, first ? "hard Dice" : "");
            if (c.other() != null) {
                series(plot, c.other(), k + at[2], ChartColours.T_BEST, first ? otherName + " hard Dice" : "");
            }
        }
        plot.redraw();
    }

    private static void series(PlotCanvas plot, DiceDistribution.Spread s, double x, Color colour, String label) {
        if (s.values().length == 0) {
            return;
        }
        double h = BOX / 2;
        double n = Double.NaN;
        // the box (q1 … q3), the median across it, whiskers to min and max: one polyline broken by NaN
        double[] bx = {x - h, x + h, x + h, x - h, x - h, n, x - h, x + h, n, x, x, n, x, x};
        double[] by = {s.q1(), s.q1(), s.q3(), s.q3(), s.q1(), n, s.median(), s.median(), n, s.min(), s.q1(), n,
            s.q3(), s.max()};
        plot.add(new PlotCanvas.Line(bx, by, colour, false, label));
        List<double[]> xy = new ArrayList<>();
        double[] v = s.values();
        for (int i = 0; i < v.length; i++) {
            // golden-ratio offsets: spread evenly across the box's width, the same for the same rank every time
            double off = ((i * 0.6180339887) % 1.0 - 0.5) * BOX * 0.9;
            double px = x + off;
            xy.add(new double[] {px - 0.012, v[i]});
            xy.add(new double[] {px + 0.012, v[i]});
            xy.add(new double[] {n, n});
            xy.add(new double[] {px, v[i] - 0.008});
            xy.add(new double[] {px, v[i] + 0.008});
            xy.add(new double[] {n, n});
        }
        double[] px = new double[xy.size()];
        double[] py = new double[xy.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = xy.get(i)[0];
            py[i] = xy.get(i)[1];
        }
        plot.add(new PlotCanvas.Line(px, py, colour.deriveColor(0, 1, 1, 0.7), false, ""));
    }
}
