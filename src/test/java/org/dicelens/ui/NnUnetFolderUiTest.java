package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.dicelens.ui.FxCall.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.CaseFolder;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.npz.TestNpy;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window opening an nnU-Net output folder (CASE.npz, nnU-Net's CASE.nii.gz segmentation, dataset.json) for
 * a reference in labelsTs, as {@code dicelens view --reference labelsTs/CASE.nii.gz OUTPUT} does: the shown case holds
 * the archive's probabilities (as written, channel by channel) under the dataset's class names.
 */
@ExtendWith(ApplicationExtension.class)
class NnUnetFolderUiTest {
    private final UiTestCase tc = new UiTestCase(7);
    private ViewerModel vm;
    private Preferences prefs;
    private CaseFiles files;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("dicelens-nnunet-ui");
        Path labelsTs = Files.createDirectories(dir.resolve("labelsTs"));
        Path out = Files.createDirectories(dir.resolve("nnunet_output"));
        float[] l = new float[UiTestCase.N];
        float[] flat = new float[3 * UiTestCase.N];
        for (int i = 0; i < UiTestCase.N; i++) {
            l[i] = tc.labels[i];
            for (int c = 0; c < 3; c++) {
                flat[c * UiTestCase.N + i] = tc.p[c][i]; // (C, k, j, i) in C order: each channel in NIfTI voxel order
            }
        }
        Path ref = labelsTs.resolve("brain_007.nii.gz");
        NiftiWriter.write(ref, UiTestCase.header(), NiftiDatatype.UINT8, l);
        NiftiWriter.write(out.resolve("brain_007.nii.gz"), UiTestCase.header(), NiftiDatatype.UINT8, l);
        Files.write(out.resolve("brain_007.npz"), TestNpy.zip(Map.of("probabilities.npy",
                TestNpy.f4(flat, 3, UiTestCase.NZ, UiTestCase.NY, UiTestCase.NX)), true));
        Files.writeString(out.resolve("dataset.json"), "{\"labels\": {\"background\": 0, \"grey matter\": 1, "
                + "\"lesion\": 2}, \"file_ending\": \".nii.gz\"}");
        files = CaseFolder.forReference(out, ref);
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        prefs = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        DiceLensApp.build(stage, vm, new DisplayModel(), new RecentFiles(prefs));
        stage.show();
        vm.open(files);
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.removeNode();
    }

    @Test
    void theWindowShowsTheArchivesProbabilitiesUnderTheDatasetsNames() throws Exception {
        Await.until("the case and its metrics", () -> fx(() -> vm.current() != null && vm.metricsProperty().get() != null));
        LoadedCase lc = fx(vm::current);
        assertNotNull(lc);
        assertEquals(List.of("background", "grey matter", "lesion"),
                lc.data().classes().all().stream().map(c -> c.name()).toList());
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(tc.p[c], lc.data().prediction().channels()[c], "channel " + c);
        }
        assertEquals("brain_007.npz", lc.files().predictions().get(0).getFileName().toString());
        String shot = System.getProperty("dicelens.screenshotHold");
        if (shot != null) {
            Thread.sleep(Long.parseLong(shot)); // let a screenshot of the real window be taken (manual run under Xvfb)
        }
    }

}
