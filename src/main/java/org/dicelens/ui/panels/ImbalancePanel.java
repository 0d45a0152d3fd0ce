package org.dicelens.ui.panels;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.Settings;
import org.dicelens.ui.model.ControlsModel;
import org.dicelens.ui.model.ViewerModel;

/** Class imbalance: the evaluation-margin slider with the region's voxel count and foreground fraction (engine's). */
public final class ImbalancePanel extends VBox {
    private final Slider margin = new Slider(0, 64, 8);
    private final CheckBox whole = new CheckBox("whole volume (m = ∞)");
    private final Label region = new Label("–");
    private final Label fraction = new Label("–");

    public ImbalancePanel(ViewerModel vm) {
        ControlsModel c = vm.controls();
        margin.setId("margin");
        whole.setId("wholeVolume");
        region.setId("regionVoxels");
        fraction.setId("foregroundFraction");
        margin.setMajorTickUnit(16);
        margin.setShowTickLabels(true);
        margin.setBlockIncrement(1);
        margin.setSnapToTicks(false);
        Label marginValue = new Label();
        marginValue.setMinWidth(60);
        whole.setSelected(c.marginProperty().get() == Settings.WHOLE_VOLUME);
        margin.disableProperty().bind(whole.selectedProperty());
        Runnable push = () -> c.marginProperty().set(whole.isSelected() ? Settings.WHOLE_VOLUME
                : (int) Math.round(margin.getValue()));
        margin.valueProperty().addListener((o, a, v) -> push.run());
        whole.selectedProperty().addListener((o, a, v) -> push.run());
        c.marginProperty().addListener((o, a, v) -> {
            boolean all = v.intValue() == Settings.WHOLE_VOLUME;
            whole.setSelected(all);
            if (!all) {
                margin.setValue(v.intValue());
            }
        });
        marginValue.textProperty().bind(c.marginProperty().asString().map(s -> s.equals("-1") ? "m = ∞"
                : "m = " + s + " vox"));
        vm.currentProperty().addListener((o, a, lc) -> {
            if (lc != null) {
                int[] d = lc.data().geometry().dims();
                margin.setMax(Math.max(d[0], Math.max(d[1], d[2])));
                margin.setMajorTickUnit(Math.max(1, Math.round(margin.getMax() / 4)));
            }
        });
        HBox row = new HBox(6, new Label("Margin"), margin, marginValue);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(margin, Priority.ALWAYS);
        javafx.scene.layout.GridPane figures = new javafx.scene.layout.GridPane();
        figures.setHgap(10);
        figures.addRow(0, new Label("Region voxels"), region);
        figures.addRow(1, new Label("Foreground fraction"), fraction);
        region.getStyleClass().add("figure");
        fraction.getStyleClass().add("figure");
        Label lesson = new Label("Watch hard Dice stay put while cross-entropy, background Dice and the GDL weights move.");
        lesson.setWrapText(true);
        lesson.getStyleClass().add("hint");
        VBox panel = Help.panel("Class imbalance", HelpText.IMBALANCE, new VBox(6, whole, row, figures, lesson));
        getChildren().add(panel);
        vm.metricsProperty().addListener((o, a, m) -> show(m));
    }

    private void show(CaseMetrics m) {
        if (m != null) {
            region.setText(Fmt.count(m.regionVoxels()));
            fraction.setText(Fmt.num(100 * m.foregroundFraction(), 3) + " %");
        }
    }

    public Slider marginSlider() {
        return margin;
    }

    public CheckBox wholeVolume() {
        return whole;
    }
}
