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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.ui.model.ViewerModel;

/**
 * Per foreground class, a small bar chart of V_ref, V_soft, V_hard(t) and the Dice-optimal volume (each class on its
 * own scale, so a 2 mL lesion is as readable as 500 mL of white matter), with the ΔV labels.
 */
public final class VolumeBiasPanel extends VBox {
    private static final String[] BARS = {"ref", "soft", "hard(t)", "Dice-opt"};
    private final HBox charts = new HBox(2);
    private final FlowPane deltas = new FlowPane(12, 2);
    private final List<BarChart<String, Number>> perClass = new ArrayList<>();
    private List<String> names = List.of();

    public VolumeBiasPanel(ViewerModel vm) {
        deltas.setPadding(new Insets(0, 4, 0, 4));
        Label legend = new Label("Bars per class, mL: V_ref · V_soft = Σp·v · V_hard(t) · V_Dice-optimal");
        legend.getStyleClass().add("hint");
        VBox content = new VBox(2, legend, charts, deltas);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox panel = Help.panel("Volume bias", HelpText.VOLUME, content);
        VBox.setVgrow(panel, Priority.ALWAYS);
        getChildren().add(panel);
        WhileShown shown = new WhileShown(this);
        vm.metricsProperty().addListener((o, a, m) -> shown.run(() -> show(m)));
    }

    private BarChart<String, Number> newChart(String title) {
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        BarChart<String, Number> b = new BarChart<>(new CategoryAxis(), y);
        b.setTitle(title);
        b.setAnimated(false);
        b.setLegendVisible(false);
        b.setCategoryGap(6);
        b.setMinHeight(150);
        b.setMinWidth(90);
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        for (String bar : BARS) {
            s.getData().add(new XYChart.Data<>(bar, 0));
        }
        b.getData().add(s);
        HBox.setHgrow(b, Priority.ALWAYS);
        return b;
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
            for (String n : now) {
                BarChart<String, Number> b = newChart(n);
                perClass.add(b);
                charts.getChildren().add(b);
                Label delta = new Label();
                delta.getStyleClass().add("delta");
                deltas.getChildren().add(delta);
            }
        }
        for (int i = 0; i < fg.size(); i++) {
            ClassMetrics c = fg.get(i);
            double[] v = {c.refMl(), c.softMl(), c.hardMl(), c.diceOptimalMl()};
            List<XYChart.Data<String, Number>> bars = perClass.get(i).getData().get(0).getData();
            for (int k = 0; k < v.length; k++) {
                double shown = Double.isNaN(v[k]) ? 0 : v[k];
                if (bars.get(k).getYValue().doubleValue() != shown) {
                    bars.get(k).setYValue(shown);
                }
            }
            Label l = (Label) deltas.getChildren().get(i);
            l.setText(c.name() + ": ΔV_soft " + Fmt.signed(c.deltaSoftMl(), 2) + " mL, ΔV_hard "
                    + Fmt.signed(c.deltaHardMl(), 2) + " mL");
            SignStyle.apply(l, c.deltaHardMl());
        }
    }

    public List<BarChart<String, Number>> charts() {
        return perClass;
    }
}
