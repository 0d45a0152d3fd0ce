package org.dicelens.ui.lab;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.dicelens.lab.DiceOptimalTheory;
import org.dicelens.lab.training.LabLoss;

/** The Lab's two charts: the live loss curve (one series per loss) and the theory curve (bias against width). */
final class LabCharts {
    /** Points kept per series: a longer curve is thinned so the chart stays light. */
    private static final int MAX_POINTS = 400;

    private LabCharts() {
    }

    static LineChart<Number, Number> chart(String x, String y) {
        NumberAxis xa = new NumberAxis();
        xa.setLabel(x);
        xa.setForceZeroInRange(false);
        NumberAxis ya = new NumberAxis();
        ya.setLabel(y);
        ya.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(xa, ya);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setLegendVisible(true);
        c.setMinHeight(150);
        c.setPrefHeight(190);
        return c;
    }

    /**
     * The live loss curve: appends points per loss, each divided by that loss's first value so losses of very
     * different scales (cross-entropy ≈ 0.05, Dice ≈ 1) share one axis.
     */
    static final class LossCurve {
        final LineChart<Number, Number> chart = chart("iteration", "relative loss");
        private final Map<LabLoss, XYChart.Series<Number, Number>> series = new EnumMap<>(LabLoss.class);
        private final Map<LabLoss, Double> first = new EnumMap<>(LabLoss.class);

        void clear() {
            series.clear();
            first.clear();
            chart.getData().clear();
        }

        void add(LabLoss loss, List<double[]> points) {
            XYChart.Series<Number, Number> s = series.computeIfAbsent(loss, l -> {
                XYChart.Series<Number, Number> n = new XYChart.Series<>();
                n.setName(l.label());
                chart.getData().add(n);
                return n;
            });
            List<XYChart.Data<Number, Number>> add = new ArrayList<>(points.size());
            double scale = first.computeIfAbsent(loss, l -> points.get(0)[1] != 0 ? points.get(0)[1] : 1);
            for (double[] p : points) {
                add.add(new XYChart.Data<>(p[0], p[1] / scale));
            }
            s.getData().addAll(add);
            if (s.getData().size() > MAX_POINTS) {
                thin(s);
            }
        }

        /** Keeps every second point (and the last): the shape stays, the node count halves. */
        private static void thin(XYChart.Series<Number, Number> s) {
            List<XYChart.Data<Number, Number>> keep = new ArrayList<>();
            int n = s.getData().size();
            for (int i = 0; i < n; i++) {
                if (i % 2 == 0 || i == n - 1) {
                    XYChart.Data<Number, Number> d = s.getData().get(i);
                    keep.add(new XYChart.Data<>(d.getXValue(), d.getYValue()));
                }
            }
            s.getData().setAll(keep);
        }
    }

    /** The theory curve: mean bias of the Dice-optimal segmentation (mL) against the uncertain band's width. */
    static LineChart<Number, Number> theory(List<DiceOptimalTheory.Point> points) {
        LineChart<Number, Number> c = chart("uncertainty width (mm)", "Dice-optimal bias (mL)");
        c.setCreateSymbols(true);
        fillTheory(c, points);
        return c;
    }

    static void fillTheory(LineChart<Number, Number> c, List<DiceOptimalTheory.Point> points) {
        c.getData().clear();
        if (points == null) {
            return;
        }
        XYChart.Series<Number, Number> mean = new XYChart.Series<>();
        mean.setName("mean bias k − Σq (mL)");
        for (DiceOptimalTheory.Point p : points) {
            mean.getData().add(new XYChart.Data<>(p.widthMm(), p.biasMl().mean()));
        }
        c.getData().add(mean);
    }
}
