package org.dicelens.ui.panels;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.PopOver;

/** Panel headers with a "?" button that explains, in two or three sentences, what the panel shows. */
public final class Help {
    private Help() {
    }

    /** A titled panel: header (title + help button) above the content, which grows. */
    public static VBox panel(String title, String help, Node content) {
        VBox box = new VBox(4, header(title, help), content);
        box.setPadding(new Insets(4, 6, 6, 6));
        VBox.setVgrow(content, Priority.ALWAYS);
        box.getStyleClass().add("panel");
        return box;
    }

    public static HBox header(String title, String help) {
        Label l = new Label(title);
        l.getStyleClass().add("panel-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox h = new HBox(6, l, gap, button(title, help));
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** The "?" button: a tooltip on hover, a pop-over on click. */
    public static Button button(String title, String help) {
        Button b = new Button("?");
        b.getStyleClass().add("help-button");
        b.setFocusTraversable(false);
        Tooltip t = new Tooltip(help);
        t.setWrapText(true);
        t.setMaxWidth(380);
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
        b.setTooltip(t);
        b.setOnAction(e -> {
            Label text = new Label(help);
            text.setWrapText(true);
            text.setMaxWidth(380);
            VBox v = new VBox(6, new Label("What am I looking at? — " + title), text);
            v.setPadding(new Insets(10));
            PopOver p = new PopOver(v);
            p.setDetachable(false);
            p.show(b);
        });
        return b;
    }

    /** A tooltip that stays long enough to read. */
    public static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        t.setShowDelay(Duration.millis(250));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }
}
