package org.dicelens.ui;

import static org.dicelens.ui.FxCall.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.dicelens.app.cases.CaseFolder;
import org.dicelens.metrics.HardMode;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.volume.formats.RegionFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window on a region model's nnU-Net output folder: the Region chooser lists the regions and shows the one
 * picked (its hard Dice the brute-force count's), the Argmax button is disabled and the lock line says why.
 */
@ExtendWith(ApplicationExtension.class)
class RegionChooserUiTest {
    private final RegionFixture fixture = new RegionFixture(9);
    private ViewerModel vm;
    private Preferences prefs;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("dicelens-regions-ui");
        Path ref = fixture.writeReference(dir.resolve("labelsTs"), "BraTS_009");
        Path out = dir.resolve("nnunet_output");
        fixture.writePrediction(out, "BraTS_009", true);
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        prefs = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        DiceLensApp.build(stage, vm, new DisplayModel(), new RecentFiles(prefs));
        stage.show();
        vm.open(CaseFolder.forReference(out, ref));
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.removeNode();
    }

    @Test
    void theRegionChooserShowsEachRegionInThresholdModeOnly(FxRobot robot) throws Exception {
        Await.until("the first region", () -> fx(() -> vm.metricsProperty().get() != null));
        @SuppressWarnings("unchecked")
        ComboBox<String> chooser = robot.lookup("#regionChooser").queryAs(ComboBox.class);
        assertEquals(RegionFixture.NAMES, fx(() -> chooser.getItems()));
        assertTrue(fx(() -> chooser.isVisible()));
        assertTrue(fx(() -> robot.lookup("#modeArgmax").queryAs(RadioButton.class).isDisabled()));
        Label lock = robot.lookup("#modeLock").queryAs(Label.class);
        assertTrue(fx(() -> lock.isVisible() && lock.getText().contains("threshold only")), fx(lock::getText));
        robot.clickOn("#regionChooser");
        robot.clickOn(RegionFixture.NAMES.get(2));
        Await.until("the enhancing tumour", () -> fx(() -> vm.metricsProperty().get() != null
                && vm.metricsProperty().get().caseName().endsWith(RegionFixture.NAMES.get(2))));
        assertEquals(2, (int) fx(() -> vm.current().region()));
        assertEquals(HardMode.THRESHOLD, fx(() -> vm.metricsSettingsProperty().get().mode()));
        assertEquals(fixture.counts(2, 500).hardDice(), fx(() -> vm.metricsProperty().get().classes().get(1).hardDice()),
                1e-12);
    }
}
