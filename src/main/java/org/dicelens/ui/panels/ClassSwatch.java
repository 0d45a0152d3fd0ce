package org.dicelens.ui.panels;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Cursor;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.dicelens.ui.model.ClassControl;

/**
 * A class's colour swatch that is also its overlay-opacity control: the swatch shows the colour at the class's
 * opacity (over white, as the slices blend it over the image); a click opens a small slider, the mouse wheel steps
 * it by 10 %. The class rows have no width to spare for a second slider in a 1,600 px window.
 */
final class ClassSwatch extends StackPane {
    ClassSwatch(ClassControl c) {
        Rectangle under = new Rectangle(14, 14, Color.WHITE);
        under.setStroke(Color.gray(0.4));
        Rectangle colour = new Rectangle(14, 14);
        colour.fillProperty().bind(Bindings.createObjectBinding(() -> ClassesPanel.colour(c.argbProperty().get())
                .deriveColor(0, 1, 1, c.opacityProperty().get()), c.argbProperty(), c.opacityProperty()));
        colour.setStroke(Color.gray(0.4));
        getChildren().addAll(under, colour);
        setId("classOpacity-" + c.channel());
        setCursor(Cursor.HAND);

        Slider s = new Slider(0, 1, c.opacityProperty().get());
        s.valueProperty().bindBidirectional(c.opacityProperty());
        s.setId("classOpacitySlider-" + c.channel());
        s.setPrefWidth(140);
        s.setBlockIncrement(0.1);
        Label value = new Label();
        value.textProperty().bind(c.opacityProperty().map(ClassSwatch::percent));
        value.setMinWidth(40);
        Label name = new Label();
        name.textProperty().bind(c.nameProperty().map(n -> n + " opacity"));
        HBox box = new HBox(6, name, s, value);
        box.setAlignment(Pos.CENTER_LEFT);
        CustomMenuItem item = new CustomMenuItem(box, false);
        item.getStyleClass().add("class-opacity-item");
        ContextMenu menu = new ContextMenu(item);
        setOnMouseClicked(e -> {
            menu.show(this, Side.RIGHT, 4, 0);
            s.requestFocus();
        });
        setOnScroll(e -> {
            double step = e.getDeltaY() > 0 ? 0.1 : e.getDeltaY() < 0 ? -0.1 : 0;
            double a = Math.round((c.opacityProperty().get() + step) * 10) / 10.0;
            c.opacityProperty().set(Math.max(0, Math.min(1, a)));
            e.consume();
        });
        javafx.scene.control.Tooltip tip = Help.tip("");
        tip.textProperty().bind(Bindings.createStringBinding(() -> c.nameProperty().get() + ": overlay opacity "
                + percent(c.opacityProperty().get()) + ". Click to change the opacity of this class's overlays (its "
                + "label fill and contours, and when chosen its heat map, TP/FP/FN and Dice-optimal contour), on top "
                + "of each layer's opacity in Overlays; the wheel steps it by 10 %.", c.nameProperty(),
                c.opacityProperty()));
        javafx.scene.control.Tooltip.install(this, tip);
    }

    static String percent(Number a) {
        return Math.round(a.doubleValue() * 100) + " %";
    }
}
