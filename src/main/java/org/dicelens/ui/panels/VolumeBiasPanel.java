package org.dicelens.ui.panels;

import java.nio.file.Path;
import org.dicelens.metrics.raters.RaterClassMetrics;
import org.dicelens.metrics.raters.RaterMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.dicelens.common.InputException;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.phantom.PhantomDescription;
import org.dicelens.ui.charts.ChartColours;
import org.dicelens.ui.charts.PlotCanvas;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per foreground class, a small bar chart of V_ref, V_soft, V_hard(t) and the Dice-optimal volume (each class on its
 * own scale, so a 2 mL lesion is as readable as 500 mL of white matter), with the ΔV labels ("opt" is the
 * Dice-optimal segmentation's volume). The bars are drawn on a
 * canvas: JavaFX's BarChart re-laid out its axes and bar nodes on every threshold step.
 */
public final class VolumeBiasPanel extends VBox {
    static final List<String> BARS = List.of("ref", "soft", "hard", "opt");
    /** With an expected volume (phantom.json beside the reference) a fifth bar, Σq·v, the mean over raters. */
    static final List<String> BARS_EXPECTED = List.of("ref", "soft", "hard", "opt", "Σq");
    /** With several raters: one more column, one tick per rater's volume, and Σq̂·v across the chart. */
    private static final Color RATER = Color.web("#7b1fa2");
    private static final int HARD = 2;
    private static final Color[] COLOURS = {ChartColours.REF, ChartColours.SOFT, ChartColours.VOLUME,
        ChartColours.T_VOL, Color.GRAY};
    private static final Logger LOG = LoggerFactory.getLogger(VolumeBiasPanel.class);
    /** Label → Σq·v (mL) of the open case's reference, from its phantom.json; empty when unknown. */
    private Map<Integer, Double> expected = Map.of();
    private final HBox charts = new HBox(2);
    /** One ΔV line per class, stacked: a changing number must not re-flow the lines (and the charts above them). */
    private final VBox deltas = new VBox(1);
    private final List<DeltaLine> deltaLabels = new ArrayList<>();
    private final List<PlotCanvas> perClass = new ArrayList<>();
    private List<String> names = List.of();
    private final ViewerModel vm;

    public VolumeBiasPanel(ViewerModel vm) {
        this.vm = vm;
        deltas.setPadding(new Insets(0, 4, 0, 4));
        Label legend = new Label("Bars per class, mL: V_ref · V_soft = Σp·v · V_hard(t) · V_Dice-optimal"
                + " · Σq·v (expected)");
        legend.getStyleClass().add("hint");
        VBox content = org.dicelens.ui.Clips.toBox(new VBox(2, legend, charts, deltas));
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox panel = Help.panel("Volume bias", HelpText.VOLUME, content);
        VBox.setVgrow(panel, Priority.ALWAYS);
        getChildren().add(panel);
        WhileShown shown = new WhileShown(this);
        vm.currentProperty().addListener((o, a, c) -> {
            expected = expectedOf(c);
            names = List.of(); // rebuild the charts: their categories depend on whether Σq·v is known
        });
        expected = expectedOf(vm.current());
        vm.metricsProperty().addListener((o, a, m) -> shown.run(() -> show(m)));
        vm.raterMetricsProperty().addListener((o, a, r) -> shown.run(() -> show(vm.metricsProperty().get())));
    }

    /** Σq·v per label from phantom.json beside the case's reference (a phantom's description); empty otherwise. */
    static Map<Integer, Double> expectedOf(LoadedCase c) {
        if (c == null || c.files() == null || c.files().reference() == null) {
            return Map.of();
        }
        Path folder = c.files().reference().toAbsolutePath().getParent();
        try {
            return folder == null ? Map.of() : PhantomDescription.expectedMl(folder);
        } catch (InputException e) {
            LOG.warn("expected volumes not shown: {}", e.getMessage());
            return Map.of();
        }
    }

    private static PlotCanvas newChart(String title, boolean withExpected) {
        PlotCanvas c = new PlotCanvas();
        c.setLabels(title, "", "mL");
        c.setCategories(withExpected ? BARS_EXPECTED : BARS);
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
        boolean withExpected = fg.stream().anyMatch(c -> expected.containsKey(c.label()));
        if (!now.equals(names)) {
            names = now;
            perClass.clear();
            charts.getChildren().clear();
            deltas.getChildren().clear();
            deltaLabels.clear();
            for (String n : now) {
                PlotCanvas b = newChart(n, withExpected);
                perClass.add(b);
                charts.getChildren().add(b);
                DeltaLine delta = new DeltaLine();
                delta.setMaxWidth(Double.MAX_VALUE); // fills the panel's width: its new text needs no layout above it
                deltaLabels.add(delta);
                deltas.getChildren().add(new LayoutBoundary(delta));
            }
        }
        RaterMetrics raters = vm.raterMetricsProperty().get();
        for (int i = 0; i < fg.size(); i++) {
            ClassMetrics c = fg.get(i);
            Double e = expected.get(c.label());
            double[] v = withExpected ? new double[] {c.refMl(), c.softMl(), c.hardMl(), c.diceOptimalMl(),
                e == null ? Double.NaN : e} : new double[] {c.refMl(), c.softMl(), c.hardMl(), c.diceOptimalMl()};
            PlotCanvas chart = perClass.get(i);
            chart.clear();
            RaterClassMetrics r = raters == null ? null : raterClass(raters, c.label());
            chart.setCategories(categories(withExpected, r != null));
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
            deltaLabels.get(i).show(c, e);
        }
    }

    /** The ΔV lines, one per foreground class (tests). */
    List<DeltaLine> deltaLines() {
        return deltaLabels;
    }

    /** The bars, then Σq·v when a phantom.json gives it, then the raters' column when there are raters. */
    static List<String> categories(boolean withExpected, boolean withRaters) {
        List<String> c = new ArrayList<>(withExpected ? BARS_EXPECTED : BARS);
        if (withRaters) {
            c.add("raters");
        }
        return c;
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
