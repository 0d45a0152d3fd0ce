package org.dicelens.ui.panels;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.ui.model.ViewerModel;

/** Per foreground class: bars for V_ref, V_soft, V_hard(t) and the Dice-optimal volume, with the ΔV labels. */
public final class VolumeBiasPanel extends VBox {
    private static final String[] SERIES = {"V_ref", "V_soft = Σp·v", "V_hard(t)", "V_Dice-optimal"};
    private final BarChart<String, Number> chart;
    private final FlowPane deltas = new FlowPane(12, 2);
    private List<String> categories = List.of();

    public VolumeBiasPanel(ViewerModel vm) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("mL");
        chart = new BarChart<>(x, y);
        chart.setId("volumeChart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setBarGap(1);
        chart.setCategoryGap(12);
        chart.setMinHeight(160);
        for (String s : SERIES) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(s);
            chart.getData().add(series);
        }
        deltas.setPadding(new Insets(0, 4, 0, 4));
        VBox content = new VBox(2, chart, deltas);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox panel = Help.panel("Volume bias", HelpText.VOLUME, content);
        VBox.setVgrow(panel, Priority.ALWAYS);
        getChildren().add(panel);
        vm.metricsProperty().addListener((o, a, m) -> show(m));
    }

    private void show(CaseMetrics m) {
        if (m == null) {
            return;
        }
        List<ClassMetrics> fg = new ArrayList<>();
        for (ClassMetrics c : m.classes()) {
            if (c.label() != 0) {
                fg.add(c);
            }
        }
        List<String> names = fg.stream().map(ClassMetrics::name).toList();
        boolean rebuild = !names.equals(categories);
        categories = names;
        for (int s = 0; s < SERIES.length; s++) {
            XYChart.Series<String, Number> series = chart.getData().get(s);
            if (rebuild) {
                series.getData().clear();
            }
            for (int i = 0; i < fg.size(); i++) {
                ClassMetrics c = fg.get(i);
                double v = switch (s) {
                    case 0 -> c.refMl();
                    case 1 -> c.softMl();
                    case 2 -> c.hardMl();
                    default -> c.diceOptimalMl();
                };
                double shown = Double.isNaN(v) ? 0 : v;
                if (rebuild) {
                    series.getData().add(new XYChart.Data<>(c.name(), shown));
                } else if (series.getData().get(i).getYValue().doubleValue() != shown) {
                    series.getData().get(i).setYValue(shown);
                }
            }
        }
        if (rebuild || deltas.getChildren().size() != fg.size()) {
            deltas.getChildren().clear();
            fg.forEach(c -> deltas.getChildren().add(new Label()));
        }
        for (int i = 0; i < fg.size(); i++) {
            ClassMetrics c = fg.get(i);
            Label l = (Label) deltas.getChildren().get(i);
            l.setText(c.name() + ": ΔV_soft " + Fmt.signed(c.deltaSoftMl(), 2) + " mL, ΔV_hard "
                    + Fmt.signed(c.deltaHardMl(), 2) + " mL");
            l.getStyleClass().removeAll("delta-pos", "delta-neg", "delta-zero");
            l.getStyleClass().add(c.deltaHardMl() > 0 ? "delta-pos" : c.deltaHardMl() < 0 ? "delta-neg" : "delta-zero");
        }
    }

    public BarChart<String, Number> chart() {
        return chart;
    }
}
