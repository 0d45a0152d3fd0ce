package org.dicelens.ui.charts;

import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.dicelens.ui.model.Curves;
import org.dicelens.ui.model.ViewerModel;

/** Reliability diagram with ECE, and the histogram of p split by reference value, for the chosen class. */
public final class CalibrationCharts extends HBox {
    private final PlotCanvas reliability = new PlotCanvas();
    private final PlotCanvas histogram = new PlotCanvas();

    public CalibrationCharts(ViewerModel vm) {
        setSpacing(4);
        reliability.setId("reliabilityChart");
        histogram.setId("histogramChart");
        reliability.setDiagonal(true);
        reliability.setLabels("Reliability", "mean p (confidence)", "observed");
        histogram.setLabels("Histogram of p", "p", "log10 voxels");
        reliability.setMessage("waiting for the engine");
        histogram.setMessage("waiting for the engine");
        getChildren().addAll(reliability, histogram);
        HBox.setHgrow(reliability, Priority.ALWAYS);
        HBox.setHgrow(histogram, Priority.ALWAYS);
        vm.reliabilityProperty().addListener((o, a, r) -> show(r));
        vm.histogramProperty().addListener((o, a, h) -> show(h));
    }

    private void show(org.dicelens.metrics.Reliability r) {
        reliability.clear();
        if (r == null) {
            reliability.redraw();
            return;
        }
        reliability.setMessage("");
        int n = r.confidence().length;
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        for (int b = 0; b < n; b++) {
            x0[b] = b / (double) n + 0.1 / n;
            x1[b] = (b + 1) / (double) n - 0.1 / n;
        }
        reliability.setRange(0, 1, 0, 1);
        reliability.add(new PlotCanvas.Bars(x0, x1, r.observed(), ChartColours.JACCARD));
        reliability.add(new PlotCanvas.Line(r.confidence(), r.observed(), ChartColours.DICE, false,
                "ECE " + String.format(java.util.Locale.ROOT, "%.4f", r.ece())));
        reliability.redraw();
    }

    private void show(Curves.Histogram h) {
        histogram.clear();
        if (h == null) {
            histogram.redraw();
            return;
        }
        histogram.setMessage("");
        int n = h.withReference().length;
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        double[] with = new double[n];
        double[] without = new double[n];
        double top = 1;
        for (int b = 0; b < n; b++) {
            x0[b] = b / (double) n;
            x1[b] = (b + 1) / (double) n;
            // a log scale: background counts dwarf the foreground's by orders of magnitude
            with[b] = Math.log10(1 + h.withReference()[b]);
            without[b] = Math.log10(1 + h.withoutReference()[b]);
            top = Math.max(top, Math.max(with[b], without[b]));
        }
        histogram.setRange(0, 1, 0, Math.ceil(top));
        histogram.add(new PlotCanvas.Bars(x0, x1, without, ChartColours.WITHOUT_REF));
        histogram.add(new PlotCanvas.Bars(x0, x1, with, ChartColours.WITH_REF));
        histogram.add(new PlotCanvas.Line(new double[0], new double[0], ChartColours.WITH_REF, false, "r = 1"));
        histogram.add(new PlotCanvas.Line(new double[0], new double[0], ChartColours.WITHOUT_REF, false, "r = 0"));
        histogram.redraw();
    }

    public PlotCanvas reliabilityChart() {
        return reliability;
    }

    public PlotCanvas histogramChart() {
        return histogram;
    }
}
