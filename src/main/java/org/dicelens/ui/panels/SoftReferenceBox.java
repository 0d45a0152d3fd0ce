package org.dicelens.ui.panels;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.raters.RaterClassMetrics;
import org.dicelens.metrics.raters.RaterMetrics;
import org.dicelens.ui.model.ViewerModel;

/**
 * The losses panel's soft-reference toggle: with several raters (or a soft reference), classic soft Dice against q̂
 * beside the semimetric Dice of Wang, Popordanoska, Bertels et al. (MICCAI 2023, MONAI's {@code soft_label=True}).
 * On a binary reference the two are one number; against q̂ the classic form cannot reach 1 even for p = q̂, the
 * semimetric form can: the teaching point.
 */
final class SoftReferenceBox extends VBox {
    private final ViewerModel vm;
    private final CheckBox toggle = new CheckBox("Against q̂: classic soft Dice vs semimetric Dice");
    private final Label classic = new Label();
    private final Label semimetric = new Label();
    private final Label binary = new Label();

    SoftReferenceBox(ViewerModel vm) {
        this.vm = vm;
        setSpacing(2);
        toggle.setId("softReferenceToggle");
        toggle.setTooltip(Help.tip("Needs several raters (File ▸ Open raters): q̂ is the fraction of raters per voxel. "
                + "Classic soft Dice 2Σp·q̂ / (Σp + Σq̂); semimetric Dice (Σp + Σq̂ − Σ|p − q̂|) / (Σp + Σq̂), which "
                + "equals it when q̂ is 0 or 1 and reaches 1 at p = q̂."));
        classic.setId("classicSoftDiceVsMean");
        semimetric.setId("semimetricDice");
        for (Label l : new Label[] {classic, semimetric, binary}) {
            l.getStyleClass().add("figure");
            l.setWrapText(true);
            l.visibleProperty().bind(toggle.selectedProperty());
            l.managedProperty().bind(toggle.selectedProperty());
        }
        getChildren().addAll(toggle, classic, semimetric, binary);
        toggle.selectedProperty().addListener(x -> show());
        vm.raterMetricsProperty().addListener(x -> show());
        vm.metricsProperty().addListener(x -> show());
        vm.controls().selectedClassProperty().addListener(x -> show());
        show();
    }

    private void show() {
        RaterMetrics r = vm.raterMetricsProperty().get();
        toggle.setDisable(r == null);
        int c = vm.selectedChannel();
        if (r == null || c >= r.classes().size()) {
            classic.setText("(no raters: open several raters to compare)");
            semimetric.setText("");
            binary.setText("");
            return;
        }
        RaterClassMetrics k = r.classes().get(c);
        classic.setText("classic soft Dice vs q̂  2Σp·q̂/(Σp+Σq̂) = " + Fmt.num(k.softDiceVsMean(), 4));
        semimetric.setText("semimetric Dice vs q̂  (Σp+Σq̂−Σ|p−q̂|)/(Σp+Σq̂) = " + Fmt.num(k.semimetricDice(), 4));
        CaseMetrics m = vm.metricsProperty().get();
        binary.setText(m == null || c >= m.classes().size() ? "" : "against the chosen binary reference both are "
                + "soft Dice = " + Fmt.num(m.classes().get(c).softDice(), 4));
    }
}
