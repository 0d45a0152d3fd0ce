package org.dicelens.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.dicelens.ui.model.Problem;

/** Error and information dialogs: the message names the file and the problem, never a stack trace. */
public final class Dialogs {
    private Dialogs() {
    }

    public static Alert error(Window owner, Problem p) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.setTitle("DiceLens");
        a.setHeaderText(p.title());
        Label text = new Label(p.message() == null ? "" : p.message());
        text.setWrapText(true);
        text.setMaxWidth(560);
        text.setId("problemMessage");
        a.getDialogPane().setContent(text);
        a.getDialogPane().setId("problemDialog");
        a.setResizable(true);
        return a;
    }

    public static void info(Window owner, String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("DiceLens");
        a.setHeaderText(header);
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(560);
        a.getDialogPane().setContent(l);
        a.show();
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
