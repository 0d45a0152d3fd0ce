package org.dicelens.ui.panels;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.dicelens.ui.model.ViewerModel;

/**
 * Bottom line: the voxel under the cursor (coordinates, intensity, label, every p), how many probabilities were clamped
 * into [0,1] on reading (per file in the tooltip), and load progress with Cancel.
 */
public final class StatusBar extends HBox {
    private final Label readout = new Label("Move the mouse over a view to read voxel values.");
    private final ProgressBar bar = new ProgressBar(0);
    private final Label message = new Label();
    private final Label clamped = new Label();
    private final Button cancel = new Button("Cancel");

    public StatusBar(ViewerModel vm) {
        setSpacing(8);
        setPadding(new Insets(2, 8, 2, 8));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        readout.setId("statusReadout");
        readout.setMaxWidth(Double.MAX_VALUE);
        readout.setMinWidth(0);
        HBox.setHgrow(readout, Priority.ALWAYS);
        bar.setPrefWidth(160);
        // an unknown fraction shows as an empty bar (the message says what runs), never the indeterminate animation:
        // software-rendered at the viewer's 120 pulses/s it takes 70 % of a core from the load (docs/perf/ui.md, 13)
        bar.progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(0, vm.progressProperty().get()), vm.progressProperty()));
        bar.visibleProperty().bind(vm.loadingProperty());
        bar.managedProperty().bind(vm.loadingProperty());
        cancel.visibleProperty().bind(vm.loadingProperty());
        cancel.managedProperty().bind(vm.loadingProperty());
        cancel.setOnAction(e -> vm.cancelLoad());
        cancel.setId("cancelLoad");
        message.textProperty().bind(vm.progressMessageProperty());
        clamped.setId("statusClamped");
        clamped.getStyleClass().add("warning-text");
        clamped.setMinWidth(0);
        clamped.setMaxWidth(520);
        clamped.managedProperty().bind(clamped.textProperty().isNotEmpty());
        clamped.visibleProperty().bind(clamped.managedProperty());
        vm.currentProperty().addListener((o, a, c) -> showClamped(c == null ? null : c.data()));
        showClamped(vm.current() == null ? null : vm.current().data());
        getChildren().addAll(readout, clamped, message, bar, cancel);
    }

    private void showClamped(org.dicelens.volume.Case c) {
        String s = ClampNotice.summary(c);
        clamped.setText(s);
        clamped.setTooltip(s.isEmpty() ? null : Help.tip(String.join("\n", ClampNotice.perFile(c))));
    }

    public void setReadout(String s) {
        readout.setText(s == null ? "" : s);
    }
}
