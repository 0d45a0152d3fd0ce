package org.dicelens.ui.panels;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.RangeSlider;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.OverlayModel;

/**
 * Overlay toggles and opacities, a key to the visible overlays' colours, colormap and gradient choice, and the image
 * window as a range slider.
 */
public final class OverlayPanel extends VBox {
    private final RangeSlider window;
    private final OverlayLegend legend;

    public OverlayPanel(DisplayModel display) {
        OverlayModel o = display.overlays();
        setSpacing(4);
        getStyleClass().add("panel");
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(2);
        int r = 0;
        for (OverlayModel.Layer l : OverlayModel.Layer.values()) {
            OverlayModel.LayerState s = o.layer(l);
            CheckBox on = new CheckBox(l.label);
            on.setId("overlay-" + l.name());
            on.selectedProperty().bindBidirectional(s.enabled);
            Slider a = new Slider(0, 1, s.opacity.get());
            a.valueProperty().bindBidirectional(s.opacity);
            a.setPrefWidth(80);
            a.setTooltip(Help.tip("Opacity"));
            a.disableProperty().bind(s.enabled.not());
            g.addRow(r++, on, a);
            GridPane.setHgrow(a, Priority.ALWAYS);
        }
        CheckBox filled = new CheckBox("filled");
        filled.selectedProperty().bindBidirectional(o.referenceFilled);
        filled.setTooltip(Help.tip("Reference as filled labels or as contours"));
        ChoiceBox<OverlayModel.ColormapChoice> cmap = new ChoiceBox<>(FXCollections.observableArrayList(
                OverlayModel.ColormapChoice.values()));
        cmap.valueProperty().bindBidirectional(o.colormap);
        cmap.setTooltip(Help.tip("Probability colormap (FSLeyes / NiiVue names)"));
        ChoiceBox<org.dicelens.metrics.GradientLoss> grad = new ChoiceBox<>(FXCollections.observableArrayList(
                org.dicelens.metrics.GradientLoss.values()));
        grad.valueProperty().bindBidirectional(o.gradientLoss);
        grad.setTooltip(Help.tip("Loss whose gradient ∂L/∂p is drawn (blue negative, red positive, symmetric about 0). "
                + "Soft Dice's gradient takes one value on the reference and another elsewhere: a flat map."));
        CheckBox logit = new CheckBox("∂/∂logit");
        logit.selectedProperty().bindBidirectional(o.gradientWrtLogit);
        logit.setTooltip(Help.tip("Gradient with respect to the logit z: ∂L/∂z = ∂L/∂p · p(1 − p), which varies "
                + "per voxel"));
        CheckBox fix = new CheckBox("fix scale");
        fix.setId("gradientScaleFixed");
        fix.selectedProperty().bindBidirectional(o.gradientScaleFixed);
        fix.setTooltip(Help.tip("Keep the gradient map's colour scale while controls move, so maps under different "
                + "settings compare colour for colour (unticked: the 99th percentile of |∂L/∂p| over the region, "
                + "recomputed after each change)"));
        HBox opts1 = new HBox(6, new Label("Reference"), filled, new Label("Map"), cmap);
        opts1.setAlignment(Pos.CENTER_LEFT);
        HBox opts2 = new HBox(6, new Label("Gradient"), grad);
        HBox opts3 = new HBox(6, logit, fix);
        opts3.setAlignment(Pos.CENTER_LEFT);
        opts2.setAlignment(Pos.CENTER_LEFT);

        window = new RangeSlider(0, 1, 0, 1);
        window.setId("windowSlider");
        // RangeSlider adjusts min/max itself, so they cannot be bound: set them in an order that never crosses
        Runnable range = () -> {
            double lo = display.rangeMinProperty().get();
            double hi = display.rangeMaxProperty().get();
            if (lo > window.getMax()) {
                window.setMax(hi);
                window.setMin(lo);
            } else {
                window.setMin(lo);
                window.setMax(hi);
            }
        };
        display.rangeMinProperty().addListener(x -> range.run());
        display.rangeMaxProperty().addListener(x -> range.run());
        range.run();
        window.lowValueProperty().bindBidirectional(display.windowLowProperty());
        window.highValueProperty().bindBidirectional(display.windowHighProperty());
        Label wl = new Label();
        wl.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> Fmt.range(
                display.windowLowProperty().get(), display.windowHighProperty().get()),
                display.windowLowProperty(), display.windowHighProperty()));
        HBox wrow = new HBox(6, new Label("Window"), window);
        wrow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(window, Priority.ALWAYS);
        legend = new OverlayLegend(o);
        getChildren().addAll(Help.header("Overlays", HelpText.OVERLAYS), g, legend, opts1, opts2, opts3, wrow, wl);
    }

    public OverlayLegend legend() {
        return legend;
    }

    public RangeSlider window() {
        return window;
    }
}
