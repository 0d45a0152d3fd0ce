package org.dicelens.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.dicelens.app.cases.FileRoles;
import org.dicelens.app.cases.FolderRoleChoice;

/**
 * The role picker: a case folder whose file names leave the roles open (two candidate label maps) lists its volume
 * files, each with a role (reference, prediction, image, ignore); OK is enabled once the roles make a case. The state
 * and its rules are {@link FolderRoleChoice}'s; this only shows them.
 */
public final class RolePickerDialog {
    /** Longest file name shown in full (longer ones end in an ellipsis, the full name in a tooltip). */
    static final double NAME_WIDTH = 360;

    private RolePickerDialog() {
    }

    /** Asks; true when the user confirmed (then {@code choice} holds the roles). */
    public static boolean ask(Window owner, FolderRoleChoice choice) {
        return create(owner, choice).showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    static Dialog<ButtonType> create(Window owner, FolderRoleChoice choice) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("DiceLens");
        d.setHeaderText("Which file is which in " + choice.folder().getFileName() + "?");
        d.getDialogPane().setId("rolePicker");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        g.addRow(0, bold("file"), bold("role"), bold("named like"));
        Label problem = new Label();
        problem.setId("roleProblem");
        problem.setWrapText(true);
        problem.setMaxWidth(Dialogs.TEXT_WIDTH);
        problem.setStyle("-fx-text-fill: #b00020;");
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            String why = choice.problem();
            problem.setText(why == null ? "" : why);
            ok.setDisable(why != null);
        };
        List<Path> files = choice.files();
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            Label name = new Label(p.getFileName().toString());
            name.setMaxWidth(NAME_WIDTH);
            name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            name.setTooltip(new Tooltip(p.toString()));
            ChoiceBox<FileRoles.Role> role = new ChoiceBox<>();
            role.setId("role-" + i);
            role.getItems().setAll(choice.choicesFor(p));
            role.setConverter(NAMES);
            role.setValue(choice.role(p));
            role.valueProperty().addListener((o, was, now) -> {
                choice.set(p, now);
                check.run();
            });
            Label guess = new Label(NAMES.toString(choice.guessed(p)));
            guess.setStyle("-fx-text-fill: #666;");
            g.addRow(i + 1, name, role, guess);
        }
        Label note = new Label("The names leave the roles open. Choose each file's role; DiceLens remembers the choice "
                + "for this folder.");
        note.setWrapText(true);
        note.setMaxWidth(Dialogs.TEXT_WIDTH);
        VBox box = new VBox(10, note, g, problem);
        d.getDialogPane().setContent(box);
        check.run();
        return d;
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    /** Roles as words: "reference", "prediction", "image", "ignore", "rater". */
    static final StringConverter<FileRoles.Role> NAMES = new StringConverter<>() {
        @Override
        public String toString(FileRoles.Role r) {
            return r == null ? "" : r.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        @Override
        public FileRoles.Role fromString(String s) {
            return FileRoles.Role.valueOf(s.toUpperCase(Locale.ROOT).replace(' ', '_'));
        }
    };
}
