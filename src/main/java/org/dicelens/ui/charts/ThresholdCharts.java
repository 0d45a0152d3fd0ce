package org.dicelens.ui.charts;

import javafx.scene.layout.Priority;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.Settings;
import org.dicelens.ui.model.Curves;
import org.dicelens.ui.model.ViewerModel;

/**
 * Hard Dice and Jaccard against t (soft Dice as a reference line), and hard volume against t (V_ref and V_soft as
 * reference lines), with markers for the current t, t_best, t_vol, t_cal and the Dice-optimal threshold. The curves
 * come from the engine's sweep; the markers and lines from its metrics.
 */
public final class ThresholdCharts extends javafx.scene.layout.VBox {
    private static final double[] T = new double[Settings.STEPS + 1];

    static {
        for (int i = 0; i <= Settings.STEPS; i++) {
            T[i] = i / (double) Settings.STEPS;
        }
    }

    private final ViewerModel vm;
    private final PlotCanvas dice = new PlotCanvas();
    private final PlotCanvas volume = new PlotCanvas();

    public ThresholdCharts(ViewerModel vm) {
        this.vm = vm;
        setSpacing(4);
        dice.setId("diceChart");
        volume.setId("volumeVsT");
        dice.setLabels("Hard Dice, Jaccard vs t", "threshold t", "");
        volume.setLabels("Hard volume vs t", "threshold t", "mL");
        dice.setMessage("waiting for the engine's sweep");
        volume.setMessage("waiting for the engine's sweep");
        getChildren().addAll(dice, volume);
        javafx.scene.layout.VBox.setVgrow(dice, Priority.ALWAYS);
        javafx.scene.layout.VBox.setVgrow(volume, Priority.ALWAYS);
        vm.sweepProperty().addListener(x -> redraw());
        vm.metricsProperty().addListener(x -> redraw());
        vm.controls().selectedClassProperty().addListener(x -> redraw());
    }

    private void redraw() {
        Curves.Sweep s = vm.sweepProperty().get();
        CaseMetrics m = vm.metricsProperty().get();
        dice.clear();
        volume.clear();
        int c = vm.selectedChannel();
        ClassMetrics k = m != null && c < m.classes().size() ? m.classes().get(c) : null;
        if (s != null && s.channel() == c) {
            dice.setMessage("");
            volume.setMessage("");
            dice.setRange(0, 1, 0, 1);
            dice.add(new PlotCanvas.Line(T, s.hardDice(), ChartColours.DICE, false, "hard Dice"));
            dice.add(new PlotCanvas.Line(T, s.jaccard(), ChartColours.JACCARD, false, "Jaccard"));
            double top = 0;
            for (double v : s.hardMl()) {
                top = Double.isFinite(v) ? Math.max(top, v) : top;
            }
            if (k != null) {
                // V_hard(0) is the whole region: zoom to a few times the class's own volume so its curve is readable
                double own = Math.max(k.refMl(), k.softMl());
                top = own > 0 ? Math.min(top, 3 * own) : top;
            }
            volume.setRange(0, 1, 0, top * 1.05);
            volume.add(new PlotCanvas.Line(T, s.hardMl(), ChartColours.VOLUME, false, "V_hard(t)"));
        }
        if (k != null) {
            dice.add(new PlotCanvas.HLine(k.softDice(), ChartColours.SOFT, "soft Dice " + fmt(k.softDice())));
            volume.add(new PlotCanvas.HLine(k.refMl(), ChartColours.REF, "V_ref"));
            volume.add(new PlotCanvas.HLine(k.softMl(), ChartColours.SOFT, "V_soft"));
            for (PlotCanvas p : new PlotCanvas[] {dice, volume}) {
                p.add(new PlotCanvas.Marker(k.threshold(), ChartColours.T, "t"));
                p.add(new PlotCanvas.Marker(k.tBest(), ChartColours.T_BEST, "t_best"));
                p.add(new PlotCanvas.Marker(k.tVol(), ChartColours.T_VOL, "t_vol"));
                p.add(new PlotCanvas.Marker(k.tCal(), ChartColours.T_CAL, "t_cal"));
                p.add(new PlotCanvas.Marker(k.diceOptimalThreshold(), ChartColours.T_OPT, "t_opt"));
            }
        }
        dice.redraw();
        volume.redraw();
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    public PlotCanvas diceChart() {
        return dice;
    }

    public PlotCanvas volumeChart() {
        return volume;
    }
}
