package org.dicelens.ui.panels;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.DoubleProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.WceWeightSource;
import org.dicelens.ui.model.LossControls;
import org.dicelens.ui.model.ViewerModel;

/** Every loss of the formula sheet for the chosen class, side by side, with its parameters as controls. */
public final class LossesPanel extends VBox {
    private record Loss(String name, String formula, ToDoubleFunction<ClassMetrics> value) {
    }

    private static final Loss[] LOSSES = {
        new Loss("Soft Dice", "1 − (2I + s_nr)/(P + R + s_dr)", ClassMetrics::diceLoss),
        new Loss("Squared Dice (V-Net)", "1 − (2I + s_nr)/(Σp² + Σr² + s_dr)", ClassMetrics::diceSquaredLoss),
        new Loss("Jaccard", "1 − (2I + s_nr)/(2(P + R − I) + s_dr)", ClassMetrics::jaccardLoss),
        new Loss("Tversky", "1 − (I + s_nr)/(I + α(P − I) + β(R − I) + s_dr)", ClassMetrics::tverskyLoss),
        new Loss("Focal Tversky", "(1 − T)^(1/γ)", ClassMetrics::focalTverskyLoss),
        new Loss("Cross-entropy", "−(1/N) Σ [r ln p + (1 − r) ln(1 − p)]", ClassMetrics::ce),
        new Loss("Weighted CE", "foreground term × w, w = (N − R)/R or (N − P)/P", ClassMetrics::wce),
        new Loss("Sensitivity–specificity", "λ Σ(r−p)²r/(R+ε) + (1−λ) Σ(r−p)²(1−r)/(N−R+ε)", ClassMetrics::ss),
        new Loss("Focal", "−(1/N) Σ (1 − p_t)^γ ln p_t", ClassMetrics::focal),
        new Loss("Log-cosh Dice", "ln cosh(L_D)", ClassMetrics::logCoshDice),
        new Loss("Combo", "α·(weighted CE with β) − (1 − α)·SD", ClassMetrics::combo),
    };

    private final ViewerModel vm;
    private final Label[] values = new Label[LOSSES.length];
    private final Label caseLevel = new Label();
    private final Label title = new Label();

    public LossesPanel(ViewerModel vm) {
        this.vm = vm;
        LossControls l = vm.controls().losses();
        GridPane params = new GridPane();
        params.setHgap(6);
        params.setVgap(2);
        int r = 0;
        r = smoothing(params, r, "s_nr", l.smoothNr);
        r = smoothing(params, r, "s_dr", l.smoothDr);
        r = slider(params, r, "Tversky α (FP)", l.tverskyAlpha, 0, 1);
        r = slider(params, r, "Tversky β (FN)", l.tverskyBeta, 0, 1);
        r = slider(params, r, "Focal Tversky γ", l.focalTverskyGamma, 1, 3);
        r = slider(params, r, "SS λ", l.ssLambda, 0, 1);
        // γ of focal and exponential-log losses sits inside a per-voxel power: each new value costs the engine a pass
        // over the volume, so these sliders snap to steps of 0.05 (cached per value)
        r = slider(params, r, "Focal γ", l.focalGamma, 0, 5, 0.05);
        r = slider(params, r, "Exp-log γ", l.expLogGamma, 0.05, 2, 0.05);
        r = slider(params, r, "Combo α", l.comboAlpha, 0, 1);
        r = slider(params, r, "Combo β", l.comboBeta, 0, 1);
        ChoiceBox<WceWeightSource> src = new ChoiceBox<>(FXCollections.observableArrayList(WceWeightSource.values()));
        src.valueProperty().bindBidirectional(l.wceWeightSource);
        src.setTooltip(Help.tip("WCE weight from the reference (N − R)/R, or from the prediction (N − P)/P as printed "
                + "in Sudre 2017"));
        Label wl = new Label("WCE weight from");
        wl.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        params.addRow(r, wl, src);

        GridPane table = new GridPane();
        table.setHgap(10);
        table.setVgap(2);
        for (int i = 0; i < LOSSES.length; i++) {
            Label name = new Label(LOSSES[i].name());
            name.setTooltip(Help.tip(LOSSES[i].formula()));
            values[i] = new Label("–");
            values[i].getStyleClass().add("figure");
            values[i].setTooltip(Help.tip(LOSSES[i].formula()));
            table.addRow(i, name, values[i]);
        }
        title.getStyleClass().add("subtitle");
        caseLevel.setWrapText(true);
        VBox left = new VBox(4, title, table, caseLevel);
        HBox both = new HBox(14, left, params);
        HBox.setHgrow(params, Priority.ALWAYS);
        ScrollPane scroll = LiveScroll.of(both);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox panel = Help.panel("Losses", HelpText.LOSSES, scroll);
        VBox.setVgrow(panel, Priority.ALWAYS);
        getChildren().add(panel);
        WhileShown shown = new WhileShown(this);
        vm.metricsProperty().addListener((o, a, m) -> shown.run(() -> show(m)));
        vm.controls().selectedClassProperty().addListener(x -> shown.run(() -> show(vm.metricsProperty().get())));
    }

    private static int slider(GridPane g, int row, String name, DoubleProperty p, double min, double max) {
        return slider(g, row, name, p, min, max, 0);
    }

    /** A slider bound to {@code p}; with {@code step} > 0 the property only takes multiples of step. */
    private static int slider(GridPane g, int row, String name, DoubleProperty p, double min, double max, double step) {
        Slider s = new Slider(min, max, p.get());
        if (step > 0) {
            s.valueProperty().addListener((o, a, v) -> {
                double q = Math.round(v.doubleValue() / step) * step;
                if (Math.abs(q - p.get()) > 1e-12) {
                    p.set(q);
                }
            });
            p.addListener((o, a, v) -> s.setValue(v.doubleValue()));
        } else {
            s.valueProperty().bindBidirectional(p);
        }
        Label v = new Label();
        v.setMinWidth(40);
        v.textProperty().bind(p.asString(Locale.ROOT, "%.2f"));
        Label l = new Label(name);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        g.addRow(row, l, s, v);
        GridPane.setHgrow(s, Priority.ALWAYS);
        return row + 1;
    }

    private static int smoothing(GridPane g, int row, String name, DoubleProperty p) {
        TextField f = new TextField(String.valueOf(p.get()));
        f.setPrefColumnCount(7);
        f.setOnAction(e -> {
            try {
                double v = Double.parseDouble(f.getText().trim());
                if (v >= 0 && Double.isFinite(v)) {
                    p.set(v);
                }
            } catch (NumberFormatException ex) {
                // leave the value; the field is reset below
            }
            f.setText(String.valueOf(p.get()));
        });
        p.addListener((o, a, v) -> f.setText(String.valueOf(v)));
        f.setTooltip(Help.tip("Smoothing " + name + " (MONAI default 1e-5); Enter applies"));
        HBox h = new HBox(f);
        h.setAlignment(Pos.CENTER_LEFT);
        g.addRow(row, new Label(name), h);
        return row + 1;
    }

    private void show(CaseMetrics m) {
        if (m == null) {
            return;
        }
        int c = vm.selectedChannel();
        if (c >= m.classes().size()) {
            return;
        }
        ClassMetrics k = m.classes().get(c);
        title.setText("Class " + k.name());
        for (int i = 0; i < LOSSES.length; i++) {
            values[i].setText(Fmt.num(LOSSES[i].value().applyAsDouble(k), 5));
        }
        caseLevel.setText("All classes: GDL " + Fmt.num(m.gdl(), 5) + "   multi-class CE " + Fmt.num(m.ceMulticlass(), 5)
                + "   exponential-log " + Fmt.num(m.expLog(), 5));
    }
}
