package org.dicelens.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.dicelens.app.cases.FileRoles;
import org.dicelens.volume.PredictionKind;

/** "What are these files?": the roles of dropped files (guessed from their names) and how to read the prediction. */
final class DropDialog {
    /** The confirmed roles, one per file, and the prediction kind. */
    record Answer(List<FileRoles.Role> roles, PredictionKind kind) {
    }

    private DropDialog() {
    }

    static Optional<Answer> ask(Window owner, List<Path> files, PredictionKind kindNow) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("DiceLens");
        d.setHeaderText("What are these files?");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        List<ChoiceBox<FileRoles.Role>> boxes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileRoles.Role guess = FileRoles.guess(files.get(i));
            ChoiceBox<FileRoles.Role> cb = new ChoiceBox<>();
            cb.getItems().addAll(FileRoles.Role.REFERENCE, FileRoles.Role.REFERENCE_MASK, FileRoles.Role.PREDICTION,
                    FileRoles.Role.IMAGE, FileRoles.Role.CLASS_TABLE, FileRoles.Role.IGNORE);
            cb.setValue(guess == FileRoles.Role.SESSION || guess == FileRoles.Role.CASE_FOLDER ? FileRoles.Role.IGNORE
                    : guess);
            boxes.add(cb);
            g.addRow(i, new Label(files.get(i).getFileName().toString()), cb);
        }
        // how to read the prediction's values, as --prediction-kind on the command line (logits are never guessed)
        ChoiceBox<PredictionKind> kind = new ChoiceBox<>();
        kind.getItems().addAll(PredictionKind.values());
        kind.setValue(kindNow);
        g.addRow(files.size(), new Label("prediction values"), kind);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        return d.showAndWait().filter(b -> b == ButtonType.OK)
                .map(b -> new Answer(boxes.stream().map(ChoiceBox::getValue).toList(), kind.getValue()));
    }
}
