package org.dicelens.ui.panels;

import org.dicelens.metrics.raters.RaterClassMetrics;
import org.dicelens.metrics.raters.RaterMetrics;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.ui.charts.ChartColours;
import org.dicelens.ui.charts.PlotCanvas;
import org.dicelens.ui.model.ViewerModel;

/**
 * Per foreground class, a small bar chart of V_ref, V_soft, V_hard(t) and the Dice-optimal volume (each class on its
 * own scale, so a 2 mL lesion is as readable as 500 mL of white matter), with the ΔV labels ("opt" is the
 * Dice-optimal segmentation's volume). The bars are drawn on a
 * canvas: JavaFX's BarChart re-laid out its axes and bar nodes on every threshold step.
 */
public final class VolumeBiasPanel extends VBox {
    static final List<String> BARS = List.of("ref", "soft", "hard", "opt");
    /** With several raters: a fifth column, one tick per rater's volume, and Σq̂·v across the chart. */
    static final List<String> WITH_RATERS = List.of("ref", "soft", "hard", "opt", "raters");
    private static final Color RATER = Color.web("#7b1fa2");
    private static final int HARD = 2;
    private static final Color[] COLOURS = {ChartColours.REF, ChartColours.SOFT, ChartColours.VOLUME,
        ChartColours.T_VOL};
    private final HBox charts = new HBox(2);
    /** One ΔV line per class, stacked: a changing number must not re-flow the lines (and the charts above them). */
    private final VBox deltas = new VBox(1);
    private final List<Label> deltaLabels = new ArrayList<>();
    private final List<PlotCanvas> perClass = new ArrayList<>();
    private List<String> names = List.of();
    private final ViewerModel vm;

    public VolumeBiasPanel(ViewerModel vm) {
        this.vm = vm;
        deltas.setPadding(new Insets(0, 4, 0, 4));
        Label legend = new Label("Bars per class, mL: V_ref · V_soft = Σp·v · V_hard(t) · V_Dice-optimal");
        legend.getStyleClass().add("hint");
        VBox content = org.dicelens.ui.Clips.toBox(new VBox(2, legend, charts, deltas));
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox panel = Help.panel("Volume bias", HelpText.VOLUME, content);
        VBox.setVgrow(panel, Priority.ALWAYS);
        getChildren().add(panel);
        WhileShown shown = new WhileShown(this);
        vm.metricsProperty().addListener((o, a, m) -> shown.run(() -> show(m)));
        vm.raterMetricsProperty().addListener((o, a, r) -> shown.run(() -> show(vm.metricsProperty().get())));
    }

    private static PlotCanvas newChart(String title) {
        PlotCanvas c = new PlotCanvas();
        c.setLabels(title, "", "mL");
        c.setCategories(BARS);
        c.setMinSize(90, 150);
        c.setPrefSize(200, 300);
        HBox.setHgrow(c, Priority.ALWAYS);
        return c;
    }

    private void show(CaseMetrics m) {
        if (m == null) {
            return;
        }
        List<ClassMetrics> fg = m.classes().stream().filter(c -> c.label() != 0).toList();
        List<String> now = fg.stream().map(ClassMetrics::name).toList();
        if (!now.equals(names)) {
            names = now;
            perClass.clear();
            charts.getChildren().clear();
            deltas.getChildren().clear();
            deltaLabels.clear();
            for (String n : now) {
                PlotCanvas b = newChart(n);
                perClass.add(b);
                charts.getChildren().add(b);
                Label delta = new Label();
                delta.getStyleClass().add("delta");
                delta.setMaxWidth(Double.MAX_VALUE); // fills the panel's width: its new text needs no layout above it
                deltaLabels.add(delta);
                deltas.getChildren().add(new LayoutBoundary(delta));
            }
        }
        RaterMetrics raters = vm.raterMetricsProperty().get();
        for (int i = 0; i < fg.size(); i++) {
            ClassMetrics c = fg.get(i);
            double[] v = {c.refMl(), c.softMl(), c.hardMl(), c.diceOptimalMl()};
            PlotCanvas chart = perClass.get(i);
            chart.clear();
            RaterClassMetrics r = raters == null ? null : raterClass(raters, c.label());
            chart.setCategories(r == null ? BARS : WITH_RATERS);
            double top = r == null ? 0 : addRaters(chart, r, v.length);
            for (int k = 0; k < v.length; k++) {
                double shown = Double.isNaN(v[k]) ? 0 : v[k];
                top = Math.max(top, shown);
                PlotCanvas.Bars bar = new PlotCanvas.Bars(new double[] {k - 0.35}, new double[] {k + 0.35},
                        new double[] {shown}, COLOURS[k]);
                if (k == HARD) {
                    chart.addLive(bar); // the one bar a threshold drag moves
                } else {
                    chart.add(bar);
                }
            }
            chart.setRange(-0.6, (r == null ? v.length : v.length + 1) - 0.4, 0, niceTop(top));
            chart.redraw();
            Label l = deltaLabels.get(i);
            l.setText(c.name() + ": ΔV_soft " + Fmt.signed(c.deltaSoftMl(), 2) + " mL, ΔV_hard "
                    + Fmt.signed(c.deltaHardMl(), 2) + " mL");
            SignStyle.apply(l, c.deltaHardMl());
        }
    }

    private static RaterClassMetrics raterClass(RaterMetrics m, int label) {
        return m.classes().stream().filter(k -> k.label() == label).findFirst().orElse(null);
    }

    /**
     * The raters' volumes as a strip of ticks in column {@code x} (a soft reference has none) and Σq̂·v as a dashed
     * line across the chart, so V_soft and V_hard read against the raters' spread; returns the largest volume drawn.
     */
    static double addRaters(PlotCanvas chart, RaterClassMetrics r, int x) {
        double top = 0;
        for (double ml : r.raterMl()) {
            if (Double.isFinite(ml)) {
                chart.add(new PlotCanvas.Line(new double[] {x - 0.3, x + 0.3}, new double[] {ml, ml}, RATER, false, null));
                top = Math.max(top, ml);
            }
        }
        if (Double.isFinite(r.expectedMl())) {
            chart.add(new PlotCanvas.HLine(r.expectedMl(), RATER, "Σq̂"));
            top = Math.max(top, r.expectedMl());
        }
        return top;
    }

    /** The smallest of 1, 2, 2.5, 4, 5, 8 × 10^k above {@code max}·1.05, so the axis's quarter ticks read well. */
    static double niceTop(double max) {
        if (!(max > 0) || !Double.isFinite(max)) {
            return 1;
        }
        double target = max * 1.05;
        double p = Math.pow(10, Math.floor(Math.log10(target)));
        for (double m : new double[] {1, 2, 2.5, 4, 5, 8, 10}) {
            if (m * p >= target) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** One chart per foreground class, in class order (tests read the bars' heights). */
    public List<PlotCanvas> charts() {
        return perClass;
    }
}
