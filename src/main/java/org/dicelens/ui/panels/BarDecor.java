package org.dicelens.ui.panels;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * A chart bar's number (above a short bar, inside the top of a tall one), its fill in the class colour
 * and its tooltip; each is touched only when it changed, so an unchanged bar costs no layout.
 */
final class BarDecor {
    private static final String KEY = "dicelens.barLabel";

    private BarDecor() {
    }

    static void apply(StackPane bar, String number, Color fill, String tip) {
        Label label = (Label) bar.getProperties().get(KEY);
        if (label == null) {
            label = new Label();
            label.getStyleClass().add("bar-number");
            label.setStyle("-fx-font-size: 10px; -fx-background-color: rgba(255,255,255,0.8); -fx-padding: 0 2 0 2;");
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            // above a short bar; inside the top of a tall one, which would push it out of the plot
            Label l = label;
            label.translateYProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                    () -> bar.getHeight() > 3 * l.getHeight() ? 2 : -l.getHeight(), bar.heightProperty(),
                    l.heightProperty()));
            StackPane.setAlignment(label, Pos.TOP_CENTER);
            bar.getChildren().add(label);
            bar.getProperties().put(KEY, label);
            Tooltip t = Help.tip(tip);
            Tooltip.install(bar, t);
            bar.getProperties().put(KEY + ".tip", t);
        }
        if (!number.equals(label.getText())) {
            label.setText(number);
        }
        if (bar.getProperties().get(KEY + ".tip") instanceof Tooltip t && !tip.equals(t.getText())) {
            t.setText(tip);
        }
        String style = fill == null ? "" : "-fx-bar-fill: " + web(fill) + ";";
        if (!style.equals(bar.getStyle())) {
            bar.setStyle(style);
        }
    }

    static String web(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
