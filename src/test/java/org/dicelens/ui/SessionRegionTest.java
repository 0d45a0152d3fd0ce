package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dicelens.app.cases.CaseFolder;
import org.dicelens.app.cases.FolderRoleMemory;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.common.InputException;
import org.dicelens.ui.io.Sessions;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.volume.CaseLoader;
import org.dicelens.volume.formats.RegionFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session saved on a region model's region k reopens on region k (issue 15), with the numbers of that region: its
 * hard Dice at the saved threshold is the brute-force count over the union of its labels.
 */
class SessionRegionTest {
    private final RegionFixture fixture = new RegionFixture(21);
    @TempDir
    Path dir;

    private static ViewerModel model() {
        return new ViewerModel(Tasks.direct(), AppWiring.reader(FolderRoleMemory.NONE, CaseLoader.FILES),
                AppWiring.factory());
    }

    @Test
    void aSessionSavedOnRegionKReopensOnRegionK() throws Exception {
        Path ref = fixture.writeReference(dir.resolve("labelsTs"), "BraTS_021");
        Path out = dir.resolve("nnunet_output");
        fixture.writePrediction(out, "BraTS_021", true);
        ViewerModel vm = model();
        vm.open(CaseFolder.forReference(out, ref));
        assertEquals(0, vm.current().region(), "a region model opens on its first region");
        vm.chooseRegion(2);
        vm.controls().globalThresholdStepProperty().set(300);
        assertEquals(2, vm.current().region());
        Path session = dir.resolve("regions.dicelens.json");
        Sessions.save(vm, new DisplayModel(), session);
        assertTrue(Files.readString(session).contains("\"region\" : 2"), Files.readString(session));
        vm.shutdown();

        ViewerModel again = model();
        Sessions.open(session, again, new DisplayModel());
        assertNotNull(again.current(), String.valueOf(again.problemProperty().get()));
        assertEquals(2, again.current().region());
        assertEquals(300, again.controls().classes().get(1).thresholdStepProperty().get());
        var m = again.metricsProperty().get();
        assertTrue(m.caseName().endsWith(RegionFixture.NAMES.get(2)), m.caseName());
        assertEquals(fixture.counts(2, 300).hardDice(), m.classes().get(1).hardDice(), 1e-12);
        again.shutdown();
    }

    @Test
    void aNegativeRegionIsRefusedNamingTheField() throws Exception {
        Path ref = fixture.writeReference(dir.resolve("labelsTs"), "BraTS_021");
        Path out = dir.resolve("nnunet_output");
        fixture.writePrediction(out, "BraTS_021", true);
        ViewerModel vm = model();
        vm.open(CaseFolder.forReference(out, ref));
        Path session = dir.resolve("s.dicelens.json");
        Sessions.save(vm, new DisplayModel(), session);
        Files.writeString(session, Files.readString(session).replaceFirst("\"region\" : 0", "\"region\" : -1"));
        InputException e = assertThrows(InputException.class, () -> Sessions.open(session, model(), new DisplayModel()));
        assertTrue(e.getMessage().startsWith(session + ": region"), e.getMessage());
        vm.shutdown();
    }
}
