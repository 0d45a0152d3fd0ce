package org.dicelens.ui;

import static org.dicelens.ui.FxCall.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.dicelens.app.cases.FileRoles;
import org.dicelens.app.cases.FolderRoleMemory;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.volume.CaseLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window opening a case folder with two candidate label maps: the role picker asks (OK disabled while two
 * files are the reference), the user marks one "ignore" with the mouse, the case opens on the other as reference, and
 * opening the folder again uses the remembered answer without asking.
 */
@ExtendWith(ApplicationExtension.class)
class RolePickerUiTest {
    private final UiTestCase tc = new UiTestCase(5);
    private ViewerModel vm;
    private MainWindow window;
    private Preferences recentPrefs;
    private Preferences rolePrefs;
    private FolderRoleMemory memory;
    private Path dir;
    private float[] other;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("dicelens-role-picker");
        NiftiHeader h = UiTestCase.header();
        float[] l = new float[UiTestCase.N];
        other = new float[UiTestCase.N];
        for (int i = 0; i < UiTestCase.N; i++) {
            l[i] = tc.labels[i];
            other[i] = (i * 7) % 3; // a second label map with labels 0..2, unlike the first
        }
        NiftiWriter.write(dir.resolve("manual_label.nii.gz"), h, NiftiDatatype.UINT8, l);
        NiftiWriter.write(dir.resolve("lesion_seg_v2.nii.gz"), h, NiftiDatatype.UINT8, other);
        NiftiHeader h4 = UiTestCase.header();
        h4.dim = new long[] {4, UiTestCase.NX, UiTestCase.NY, UiTestCase.NZ, 3, 1, 1, 1};
        NiftiWriter.write(dir.resolve("probabilities.nii.gz"), h4, NiftiDatatype.FLOAT32, tc.p[0], tc.p[1], tc.p[2]);
        NiftiWriter.write(dir.resolve("t1.nii.gz"), h, NiftiDatatype.FLOAT32, tc.image);
        rolePrefs = Preferences.userRoot().node("org/dicelens/test-folder-roles-" + System.nanoTime());
        memory = FolderRoleMemory.in(rolePrefs);
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(memory, CaseLoader.FILES), AppWiring.factory());
        recentPrefs = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        window = DiceLensApp.build(stage, vm, new DisplayModel(), new RecentFiles(recentPrefs));
        window.files().setFolderRoleMemory(memory);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        recentPrefs.removeNode();
        rolePrefs.removeNode();
    }

    private static boolean pickerShown(FxRobot robot) {
        return fx(() -> robot.lookup("#rolePicker").tryQuery().isPresent());
    }

    @Test
    void thePickerAsksOnceAndTheCaseOpensWithTheChosenReference(FxRobot robot) {
        Platform.runLater(() -> window.files().openFolder(dir));
        Await.until("the role picker", () -> pickerShown(robot));
        DialogPane pane = fx(() -> robot.lookup("#rolePicker").queryAs(DialogPane.class));
        Button ok = fx(() -> (Button) pane.lookupButton(ButtonType.OK));
        assertTrue(fx(ok::isDisabled), "two references: OK is disabled");
        assertEquals("Choose one reference: lesion_seg_v2.nii.gz, manual_label.nii.gz are all marked reference.",
                fx(() -> robot.lookup("#roleProblem").queryAs(Label.class).getText()));
        assertTrue(fx(() -> pane.getScene().getWindow().getWidth()) < 1280, "the picker fits a small screen");
        // files in name order: lesion_seg_v2, manual_label, probabilities, t1
        assertEquals(List.of("reference", "reference", "prediction", "image"), fx(() -> List.of(0, 1, 2, 3).stream()
                .map(i -> RolePickerDialog.NAMES.toString((FileRoles.Role) robot.lookup("#role-" + i)
                        .queryAs(ChoiceBox.class).getValue())).toList()));
        robot.clickOn("#role-0");
        robot.clickOn("ignore");
        Await.until("OK enabled", () -> !fx(ok::isDisabled));
        assertEquals("", fx(() -> robot.lookup("#roleProblem").queryAs(Label.class).getText()));
        robot.clickOn(ok);
        Await.until("the case", () -> fx(() -> vm.current() != null && vm.metricsProperty().get() != null));
        LoadedCase lc = fx(vm::current);
        assertEquals(dir.resolve("manual_label.nii.gz"), lc.files().reference());
        assertEquals(dir.resolve("t1.nii.gz"), lc.files().image());
        for (int i = 0; i < UiTestCase.N; i++) {
            assertEquals(tc.labels[i], lc.data().classes().get(lc.data().reference(i)).label(), "voxel " + i);
        }
        assertEquals(Map.of("lesion_seg_v2.nii.gz", FileRoles.Role.IGNORE), memory.roles(dir));
        // again: the remembered answer, no question
        Platform.runLater(() -> window.files().openFolder(dir));
        Await.until("the case opened again", () -> fx(() -> vm.current() != lc && vm.current() != null
                && vm.metricsProperty().get() != null));
        assertFalse(pickerShown(robot), "no question the second time");
        assertEquals(dir.resolve("manual_label.nii.gz"), fx(vm::current).files().reference());
    }

    /**
     * File ▸ Recent after the picker: one entry naming the chosen roles; with the folder's answer forgotten (another
     * machine, cleared preferences), choosing the entry still opens the case with the chosen reference, asking nothing.
     */
    @Test
    void theRecentEntryNamesTheRolesAndReopensWithoutAsking(FxRobot robot) throws Exception {
        Platform.runLater(() -> window.files().openFolder(dir));
        Await.until("the role picker", () -> pickerShown(robot));
        robot.clickOn("#role-0");
        robot.clickOn("ignore");
        DialogPane pane = fx(() -> robot.lookup("#rolePicker").queryAs(DialogPane.class));
        robot.clickOn(fx(() -> (Button) pane.lookupButton(ButtonType.OK)));
        Await.until("the case", () -> fx(() -> vm.current() != null && vm.metricsProperty().get() != null));
        LoadedCase first = fx(vm::current);
        for (String key : rolePrefs.keys()) {
            rolePrefs.remove(key); // the folder's roles are no longer remembered
        }
        assertEquals(Map.of(), memory.roles(dir));
        String label = "folder " + dir + ": reference manual_label.nii.gz, prediction probabilities.nii.gz, image t1.nii.gz";
        robot.clickOn("File");
        robot.clickOn("Recent");
        robot.clickOn(label);
        Await.until("the case opened from Recent", () -> fx(() -> vm.current() != first && vm.current() != null
                && vm.metricsProperty().get() != null));
        assertFalse(pickerShown(robot), "no question: the entry holds the roles");
        assertEquals(dir.resolve("manual_label.nii.gz"), fx(vm::current).files().reference());
        assertEquals(1, new RecentFiles(recentPrefs).entries().size());
    }
}
