package org.dicelens.ui;

import static org.dicelens.ui.FxCall.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window on a folder holding a 4D prediction and the same probabilities as per-class files: the prediction
 * switcher offers both, and switching to the per-class files shows the same numbers (the brute-force hard Dice too).
 */
@ExtendWith(ApplicationExtension.class)
class PredictionSwitcherUiTest {
    private final UiTestCase tc = new UiTestCase(9);
    private ViewerModel vm;
    private Preferences prefs;
    private Path dir;
    private final List<Path> perClass = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("dicelens-switcher").toAbsolutePath();
        float[] l = new float[UiTestCase.N];
        for (int i = 0; i < UiTestCase.N; i++) {
            l[i] = tc.labels[i];
        }
        NiftiWriter.write(dir.resolve("seg.nii.gz"), UiTestCase.header(), NiftiDatatype.UINT8, l);
        NiftiHeader h4 = UiTestCase.header();
        h4.dim = new long[] {4, UiTestCase.NX, UiTestCase.NY, UiTestCase.NZ, 3, 1, 1, 1};
        NiftiWriter.write(dir.resolve("prediction.nii.gz"), h4, NiftiDatatype.FLOAT32, tc.p[0], tc.p[1], tc.p[2]);
        for (int c = 0; c < 3; c++) {
            Path f = dir.resolve(String.format("prediction_%04d.nii.gz", c));
            NiftiWriter.write(f, UiTestCase.header(), NiftiDatatype.FLOAT32, tc.p[c]);
            perClass.add(f);
        }
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        prefs = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        DiceLensApp.build(stage, vm, new DisplayModel(), new RecentFiles(prefs));
        stage.show();
        vm.open(CaseFiles.ofFolder(dir));
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.removeNode();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSwitcherOffersThePerClassFilesWithTheSameNumbers(FxRobot robot) {
        Await.until("the case", () -> fx(() -> vm.current() != null && vm.metricsProperty().get() != null));
        ComboBox<List<Path>> box = fx(() -> robot.lookup("#predictionSwitcher").queryAs(ComboBox.class));
        assertEquals(List.of(List.of(dir.resolve("prediction.nii.gz")), perClass), fx(() -> List.copyOf(box.getItems())));
        assertEquals(List.of(dir.resolve("prediction.nii.gz")), fx(box::getValue));
        CaseMetrics fourD = fx(() -> vm.metricsProperty().get());
        robot.interact(() -> box.setValue(perClass));
        Await.until("the per-class prediction", () -> fx(() -> vm.current().files().predictions().equals(perClass)
                && vm.metricsProperty().get() != fourD && vm.metricsProperty().get() != null && !vm.loadingProperty().get()));
        CaseMetrics split = fx(() -> vm.metricsProperty().get());
        for (int c = 0; c < 3; c++) {
            assertEquals(fourD.classes().get(c).softDice(), split.classes().get(c).softDice(), 0.0, "class " + c);
            assertEquals(tc.hardDice(c, 500), split.classes().get(c).hardDice(), 1e-12, "class " + c);
        }
    }
}
