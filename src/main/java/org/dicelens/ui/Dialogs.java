package org.dicelens.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.dicelens.ui.model.Problem;

/**
 * Error and information dialogs: the message names the file and the problem, never a stack trace. Header and text
 * wrap at a fixed width (a Label's preferred width is its unwrapped text, so a path of 300 characters would otherwise
 * make the dialog wider than the screen) and a long message scrolls instead of pushing OK off the screen.
 */
public final class Dialogs {
    /** Text width of every dialog: wide enough for a path per line, far below a 1,280 px screen. */
    static final double TEXT_WIDTH = 560;
    /** Above this height the message scrolls. */
    static final double MAX_TEXT_HEIGHT = 420;

    private Dialogs() {
    }

    public static Alert error(Window owner, Problem p) {
        Alert a = alert(Alert.AlertType.ERROR, owner, p.title(), p.message());
        a.getDialogPane().setId("problemDialog");
        return a;
    }

    public static void info(Window owner, String header, String text) {
        alert(Alert.AlertType.INFORMATION, owner, header, text).show();
    }

    static Alert alert(Alert.AlertType type, Window owner, String header, String message) {
        Alert a = new Alert(type);
        a.initOwner(owner);
        a.setTitle("DiceLens");
        Label head = wrapped(header == null ? "" : header);
        head.getStyleClass().add("dialog-header-text");
        head.setStyle("-fx-font-size: 1.15em; -fx-font-weight: bold;");
        a.getDialogPane().setHeader(new VBox(head));
        a.getDialogPane().getHeader().setStyle("-fx-padding: 10 12 6 12;");
        Label text = wrapped(message == null ? "" : message);
        text.setId("problemMessage");
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMaxHeight(MAX_TEXT_HEIGHT);
        scroll.setPrefViewportWidth(TEXT_WIDTH);
        // the viewport as tall as the wrapped text up to the cap (measured now: the label has no skin before show)
        scroll.setPrefViewportHeight(Math.min(MAX_TEXT_HEIGHT, wrappedHeight(text.getText(), text.getFont()) + 4));
        scroll.setStyle("-fx-background-color: transparent;"); // no border; the text keeps the dialog's colours
        scroll.setId("problemScroll");
        a.getDialogPane().setContent(scroll);
        a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        a.setResizable(true);
        return a;
    }

    static double wrappedHeight(String s, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(font);
        t.setWrappingWidth(TEXT_WIDTH);
        return t.getLayoutBounds().getHeight();
    }

    private static Label wrapped(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setPrefWidth(TEXT_WIDTH);
        l.setMaxWidth(TEXT_WIDTH);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** Asks a yes/no question; true for OK. */
    public static boolean confirm(Window owner, String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("DiceLens");
        a.setHeaderText(header);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
