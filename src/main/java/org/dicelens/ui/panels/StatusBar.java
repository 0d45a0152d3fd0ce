package org.dicelens.ui.panels;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.dicelens.ui.model.ViewerModel;

/** Bottom line: the voxel under the cursor (coordinates, intensity, label, every p), and load progress with Cancel. */
public final class StatusBar extends HBox {
    private final Label readout = new Label("Move the mouse over a view to read voxel values.");
    private final ProgressBar bar = new ProgressBar();
    private final Label message = new Label();
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
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.loadingProperty());
        bar.managedProperty().bind(vm.loadingProperty());
        cancel.visibleProperty().bind(vm.loadingProperty());
        cancel.managedProperty().bind(vm.loadingProperty());
        cancel.setOnAction(e -> vm.cancelLoad());
        cancel.setId("cancelLoad");
        message.textProperty().bind(vm.progressMessageProperty());
        getChildren().addAll(readout, message, bar, cancel);
    }

    public void setReadout(String s) {
        readout.setText(s == null ? "" : s);
    }
}
