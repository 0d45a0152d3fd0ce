package org.dicelens.ui.panels;

import java.util.List;
import java.util.Locale;
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
import org.dicelens.app.catalogue.Catalogue;
import org.dicelens.app.catalogue.Quantity;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.LossParameter;
import org.dicelens.metrics.WceWeightSource;
import org.dicelens.ui.model.LossControls;
import org.dicelens.ui.model.ViewerModel;

/** Every loss of the formula sheet for the chosen class, side by side, with its parameters as controls. */
public final class LossesPanel extends VBox {
    /** The losses of the catalogue, in its order; names, formulas and values all come from there. */
    private static final List<Quantity> LOSSES = Catalogue.classLosses();
    /** The case-level losses shown under them. */
    private static final List<Quantity> CASE_LOSSES = Catalogue.byKeys("gdl", "ceMulticlass", "expLog");

    private final ViewerModel vm;
    private final Label[] values = new Label[LOSSES.size()];
    private final Label caseLevel = new Label();
    private final Label title = new Label();

    public LossesPanel(ViewerModel vm) {
        this.vm = vm;
        LossControls l = vm.controls().losses();
        GridPane params = new GridPane();
        params.setHgap(6);
        params.setVgap(2);
        int r = 0;
        for (LossParameter p : LossParameter.values()) {
            if (p.sliderMax() == 0) {
                r = smoothing(params, r, p.label(), l.property(p));
            } else {
                // γ of focal and exponential-log losses sits inside a per-voxel power: each new value costs the engine
                // a pass over the volume, so these sliders snap to steps of 0.05 (cached per value)
                boolean perVoxelPower = p == LossParameter.FOCAL_GAMMA || p == LossParameter.EXP_LOG_GAMMA;
                r = slider(params, r, p, l.property(p), perVoxelPower ? 0.05 : 0);
            }
        }
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
        for (int i = 0; i < LOSSES.size(); i++) {
            Label name = new Label(LOSSES.get(i).label());
            name.setTooltip(Help.tip(LOSSES.get(i).tooltip()));
            values[i] = new Label("–");
            values[i].getStyleClass().add("figure");
            values[i].setTooltip(Help.tip(LOSSES.get(i).tooltip()));
            table.addRow(i, name, values[i]);
        }
        title.getStyleClass().add("subtitle");
        caseLevel.setWrapText(true);
        VBox left = new VBox(4, title, table, caseLevel, new SoftReferenceBox(vm));
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

    /** A slider bound to {@code p}; with {@code step} > 0 the property only takes multiples of step. */
    private static int slider(GridPane g, int row, LossParameter param, DoubleProperty p, double step) {
        Slider s = new Slider(param.sliderMin(), param.sliderMax(), p.get());
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
        Label l = new Label(param.label());
        l.setTooltip(Help.tip(param.description()));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        g.addRow(row, l, s, v);
        GridPane.setHgrow(s, Priority.ALWAYS);
        return row + 1;
    }

    /** Both smoothing terms share one range (LossParameter). */
    private static final LossParameter SMOOTHING_RANGE = LossParameter.SMOOTH_NR;

    private static int smoothing(GridPane g, int row, String name, DoubleProperty p) {
        TextField f = new TextField(String.valueOf(p.get()));
        f.setPrefColumnCount(7);
        f.setOnAction(e -> {
            try {
                double v = Double.parseDouble(f.getText().trim());
                if (SMOOTHING_RANGE.problem(v) == null) {
                    p.set(v);
                }
            } catch (NumberFormatException ex) {
                // leave the value; the field is reset below
            }
            f.setText(String.valueOf(p.get()));
        });
        p.addListener((o, a, v) -> f.setText(String.valueOf(v)));
        f.setTooltip(Help.tip("Smoothing " + name + " (MONAI default 1e-5, ≥ 0); Enter applies"));
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
        title.setText("Class " + m.classes().get(c).name());
        for (int i = 0; i < LOSSES.size(); i++) {
            values[i].setText(Fmt.num(LOSSES.get(i).number(m, c), 5));
        }
        StringBuilder all = new StringBuilder("All classes:");
        for (Quantity q : CASE_LOSSES) {
            all.append("   ").append(q.label()).append(' ').append(Fmt.num(q.number(m, -1), 5));
        }
        caseLevel.setText(all.toString());
    }
}
