package org.dicelens.ui.cohort;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.ui.model.CohortModel;
import org.dicelens.ui.model.ControlsModel;
import org.dicelens.ui.model.ViewerModel;

/**
 * Where the cohort lives in the window: it swaps the window's centre between the cohort panel and the case views.
 * Opening a case from the cohort loads it into the viewer with the cohort's settings (thresholds matched by label) and
 * shows a "Back to cohort" bar above the case views.
 */
public final class CohortView {
    private final ViewerModel vm;
    private final BorderPane host;
    private final Node caseViews;
    private final Window owner;
    private final CohortModel model;
    private final CohortPanel panel;
    private final BorderPane caseWithBack = new BorderPane();
    private final HBox backBar;
    private final Label backLabel = new Label();

    /** {@code host}'s centre is {@code caseViews} now; the cohort panel replaces it when a cohort is shown. */
    public CohortView(ViewerModel vm, BorderPane host, Node caseViews, Window owner) {
        this.vm = vm;
        this.host = host;
        this.caseViews = caseViews;
        this.owner = owner;
        this.model = new CohortModel(vm.tasks());
        this.panel = new CohortPanel(model, this::openCase);
        Button back = new Button("◀ Back to cohort");
        back.setId("backToCohort");
        back.setOnAction(e -> showCohort());
        backBar = new HBox(8, back, backLabel);
        backBar.setAlignment(Pos.CENTER_LEFT);
        backBar.setPadding(new Insets(3, 6, 3, 6));
        backBar.getStyleClass().add("panel");
    }

    /** File ▸ Open cohort: the references folder, then the predictions folder. */
    public void choose() {
        DirectoryChooser refs = new DirectoryChooser();
        refs.setTitle("Open cohort: the folder of reference label maps");
        File r = refs.showDialog(owner);
        if (r == null) {
            return;
        }
        DirectoryChooser preds = new DirectoryChooser();
        preds.setTitle("Open cohort: the folder of predictions (paired with the references by name)");
        preds.setInitialDirectory(r.getParentFile());
        File p = preds.showDialog(owner);
        if (p == null) {
            return;
        }
        DirectoryChooser other = new DirectoryChooser();
        other.setTitle("Optional: a second model's predictions to compare (Cancel for none)");
        other.setInitialDirectory(p.getParentFile());
        File o = other.showDialog(owner);
        open(r.toPath(), p.toPath(), o == null ? null : o.toPath(), null);
    }

    /** Loads a cohort in the background and shows its panel (progress and Cancel in it). */
    public void open(Path referenceDir, Path predictionDir, Path classTable) {
        open(referenceDir, predictionDir, null, classTable);
    }

    /** As {@link #open(Path, Path, Path)} with a second model's predictions folder ({@code compareDir}, or null). */
    public void open(Path referenceDir, Path predictionDir, Path compareDir, Path classTable) {
        model.open(referenceDir, predictionDir, compareDir, classTable);
        showCohort();
    }

    /**
     * The bundled cohort ({@code sample-data/cohort}): the lab's soft-Dice model against its cross-entropy model on the
     * same references, so the soft-Dice volume bias shows across the cases at once.
     */
    public void openSample(Path folder) {
        open(folder.resolve("labels"), folder.resolve("lab_dice"), folder.resolve("lab_ce"), folder.resolve("labels.txt"));
    }

    public void showCohort() {
        caseWithBack.setCenter(null);
        host.setCenter(panel);
    }

    /** Opens a case of the cohort in the tri-planar views with the cohort's settings. */
    public void openCase(String name) {
        openCase(name, false);
    }

    /** As {@link #openCase(String)}; {@code second}: with the comparison folder's prediction instead. */
    public void openCase(String name, boolean second) {
        CaseFiles f = second ? model.comparedCaseFiles(name) : model.caseFiles(name);
        if (f == null) {
            return;
        }
        int label = model.controls().classes().get(model.controls().selectedClassProperty().get()).label();
        vm.open(f, lc -> {
            ControlsModel c = vm.controls();
            c.apply(model.settingsFor(lc.data().classes()));
            int ch = lc.data().classes().channelOf(label);
            if (ch >= 0) {
                c.selectedClassProperty().set(ch);
            }
        });
        backLabel.setText("Case " + name + " of the cohort " + (second ? model.comparedNameProperty().get()
                : model.titleProperty().get()));
        caseWithBack.setTop(backBar);
        caseWithBack.setCenter(caseViews);
        host.setCenter(caseWithBack);
    }

    public CohortModel model() {
        return model;
    }

    public CohortPanel panel() {
        return panel;
    }
}
