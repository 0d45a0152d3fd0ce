package org.dicelens.ui.panels;

import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.EmptyRule;
import org.dicelens.metrics.WeightScheme;
import org.dicelens.ui.model.ControlsModel;
import org.dicelens.ui.model.MetricsRows;
import org.dicelens.ui.model.ViewerModel;

/**
 * Generalised Dice class weights: scheme, absent-class rule and background switch; bar charts of each class's weight
 * on a log scale (1/R² spans many decades: on a linear scale only the rarest class showed) and of its share of the
 * GDL denominator (the engine's gdlShare), bars in the class colours with their numbers on them; GDL beside mean Dice.
 */
public final class WeightsPanel extends VBox {
    private final BarChart<String, Number> weights;
    private final BarChart<String, Number> shares;
    private final Label summary = new Label();
    private final List<org.dicelens.ui.model.ClassControl> classes;

    public WeightsPanel(ViewerModel vm) {
        ControlsModel c = vm.controls();
        ChoiceBox<WeightScheme> scheme = new ChoiceBox<>(FXCollections.observableArrayList(WeightScheme.values()));
        scheme.setId("weightScheme");
        scheme.valueProperty().bindBidirectional(c.weightSchemeProperty());
        scheme.setTooltip(Help.tip("square: w = 1/R² (Sudre's default) · simple: 1/R · uniform: 1 · custom: your values"));
        ChoiceBox<EmptyRule> rule = new ChoiceBox<>(FXCollections.observableArrayList(EmptyRule.values()));
        rule.valueProperty().bindBidirectional(c.emptyRuleProperty());
        rule.setTooltip(Help.tip("Weight of a class absent from the reference (R = 0): the largest finite weight "
                + "(max, MONAI) or 0"));
        CheckBox background = new CheckBox("background in");
        background.selectedProperty().bindBidirectional(c.includeBackgroundProperty());
        TextField custom = new TextField();
        custom.setPromptText("custom weights, e.g. 0.1, 1, 5");
        custom.disableProperty().bind(c.weightSchemeProperty().isNotEqualTo(WeightScheme.CUSTOM));
        custom.setOnAction(e -> c.customWeightsProperty().set(parse(custom.getText(), c.classes().size())));
        custom.setTooltip(Help.tip("One weight per class in channel order, separated by commas; Enter applies."));
        HBox controls = new HBox(6, new Label("Scheme"), scheme, new Label("Absent"), rule, background);
        controls.setAlignment(Pos.CENTER_LEFT);

        weights = chart("weightsChart", "weight w (log scale)");
        shares = chart("sharesChart", "share of denominator");
        this.classes = c.classes();
        HBox charts = new HBox(4, weights, shares);
        HBox.setHgrow(weights, Priority.ALWAYS);
        HBox.setHgrow(shares, Priority.ALWAYS);
        summary.setId("gdlSummary");
        summary.setWrapText(true);
        VBox content = new VBox(4, controls, custom, charts, summary);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox panel = Help.panel("Class weights (Generalised Dice)", HelpText.WEIGHTS, content);
        VBox.setVgrow(panel, Priority.ALWAYS);
        getChildren().add(panel);
        WhileShown shown = new WhileShown(this);
        vm.metricsProperty().addListener((o, a, m) -> shown.run(() -> show(m)));
    }

    private static BarChart<String, Number> chart(String id, String title) {
        // both charts show values in [0, 1]: a fixed axis spares a re-layout on every update
        NumberAxis y = new NumberAxis(0, 1, 0.25);
        y.setAutoRanging(false);
        BarChart<String, Number> b = new BarChart<>(new CategoryAxis(), y);
        b.setId(id);
        b.setTitle(title);
        b.setAnimated(false);
        b.setLegendVisible(false);
        b.setMinHeight(140);
        b.getData().add(new XYChart.Series<>());
        return b;
    }

    static double[] parse(String text, int n) {
        String[] parts = text.split("[,;\\s]+");
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        for (int i = 0; i < Math.min(n, parts.length); i++) {
            try {
                w[i] = Math.max(0, Double.parseDouble(parts[i].trim()));
            } catch (NumberFormatException e) {
                // keep 1 for an unreadable entry; the chart shows what was applied
            }
        }
        return w;
    }

    private void show(CaseMetrics m) {
        if (m == null) {
            return;
        }
        List<ClassMetrics> cls = m.classes();
        LogScale scale = LogScale.of(cls.stream().mapToDouble(ClassMetrics::gdlWeight).toArray());
        scale.applyTo((NumberAxis) weights.getYAxis());
        set(weights, cls, k -> scale.height(k.gdlWeight()), k -> Fmt.sci(k.gdlWeight()));
        set(shares, cls, k -> Double.isFinite(k.gdlShare()) ? k.gdlShare() : 0,
                k -> Double.isFinite(k.gdlShare()) ? String.format(Locale.ROOT, "%.1f %%", 100 * k.gdlShare()) : "—");
        summary.setText("GDL loss " + Fmt.num(m.gdl(), 4) + "   generalised Dice score " + Fmt.num(m.gdlScore(), 4)
                + "   mean soft Dice " + Fmt.num(m.meanSoftDice(), 4) + "   mean hard Dice " + Fmt.num(m.meanHardDice(), 4)
                + " over " + MetricsRows.meanName("labels", m.meanLabels()) + "   (weights "
                + CaseMetrics.key(m.gdlWeights()) + ", absent rule " + CaseMetrics.key(m.emptyRule()) + ")");
    }

    private void set(BarChart<String, Number> chart, List<ClassMetrics> cls,
            java.util.function.ToDoubleFunction<ClassMetrics> value, java.util.function.Function<ClassMetrics, String> tip) {
        XYChart.Series<String, Number> s = chart.getData().get(0);
        boolean rebuild = s.getData().size() != cls.size();
        if (rebuild) {
            s.getData().clear();
        }
        for (int i = 0; i < cls.size(); i++) {
            ClassMetrics k = cls.get(i);
            double v = value.applyAsDouble(k);
            if (rebuild) {
                s.getData().add(new XYChart.Data<>(k.name(), v));
            } else {
                XYChart.Data<String, Number> d = s.getData().get(i);
                // set only what changed: an unchanged bar must not cost the chart a new layout
                if (!k.name().equals(d.getXValue())) {
                    d.setXValue(k.name());
                }
                if (d.getYValue().doubleValue() != v) {
                    d.setYValue(v);
                }
            }
            XYChart.Data<String, Number> d = s.getData().get(i);
            if (d.getNode() instanceof javafx.scene.layout.StackPane bar) {
                BarDecor.apply(bar, tip.apply(k), colourOf(k), k.name() + ": " + tip.apply(k));
            }
        }
    }

    /** The class's colour as the Classes panel shows it (by label), else the chart's default. */
    private javafx.scene.paint.Color colourOf(ClassMetrics k) {
        for (org.dicelens.ui.model.ClassControl cc : classes) {
            if (cc.label() == k.label()) {
                int argb = cc.argbProperty().get();
                return javafx.scene.paint.Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
            }
        }
        return null;
    }

    public BarChart<String, Number> weightsChart() {
        return weights;
    }

    public BarChart<String, Number> sharesChart() {
        return shares;
    }
}
