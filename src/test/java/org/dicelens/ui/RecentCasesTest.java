package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.FileRoles;
import org.dicelens.app.cases.FolderRoleMemory;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.ui.io.RecentCases;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.volume.CaseLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File ▸ Recent without the menu (issue 15): a case folder opened with the roles the user chose is one entry naming
 * those roles and reopens with them on a machine that no longer remembers the choice; a failed open never enters the
 * list; an entry whose files went is dropped with a note in the status line, not a failed open.
 */
class RecentCasesTest {
    private final UiTestCase tc = new UiTestCase(11);
    @TempDir
    Path dir;
    private Preferences prefs;
    private RecentFiles store;
    private float[] other;

    private static final Consumer<Path> NOT_ASKED = p -> {
        throw new AssertionError("a case entry opens its files, not " + p);
    };

    @BeforeEach
    void store() {
        prefs = Preferences.userRoot().node("org/dicelens/test-recent-cases-" + System.nanoTime());
        store = new RecentFiles(prefs);
    }

    @AfterEach
    void removeStore() throws Exception {
        prefs.removeNode();
    }

    private static ViewerModel model(FolderRoleMemory memory) {
        return new ViewerModel(Tasks.direct(), AppWiring.reader(memory, CaseLoader.FILES), AppWiring.factory());
    }

    /** A folder whose names give two label maps (the role picker's case), a 4D prediction and an image. */
    private Path ambiguousFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("case folder"));
        NiftiHeader h = UiTestCase.header();
        float[] l = new float[UiTestCase.N];
        other = new float[UiTestCase.N];
        for (int i = 0; i < UiTestCase.N; i++) {
            l[i] = tc.labels[i];
            other[i] = (i * 7) % 3;
        }
        NiftiWriter.write(folder.resolve("manual_label.nii.gz"), h, NiftiDatatype.UINT8, l);
        NiftiWriter.write(folder.resolve("lesion_seg_v2.nii.gz"), h, NiftiDatatype.UINT8, other);
        NiftiHeader h4 = UiTestCase.header();
        h4.dim = new long[] {4, UiTestCase.NX, UiTestCase.NY, UiTestCase.NZ, 3, 1, 1, 1};
        NiftiWriter.write(folder.resolve("probabilities.nii.gz"), h4, NiftiDatatype.FLOAT32, tc.p[0], tc.p[1], tc.p[2]);
        NiftiWriter.write(folder.resolve("t1.nii.gz"), h, NiftiDatatype.FLOAT32, tc.image);
        return folder;
    }

    @Test
    void aFolderOpenedWithChosenRolesIsOneEntryNamingThemAndReopensWithoutAsking() throws Exception {
        Path folder = ambiguousFolder();
        FolderRoleMemory memory = FolderRoleMemory.inMemory();
        memory.remember(folder, Map.of("lesion_seg_v2.nii.gz", FileRoles.Role.IGNORE)); // the role picker's answer
        ViewerModel vm = model(memory);
        new RecentCases(vm, store);
        vm.open(CaseFiles.ofFolder(folder));
        assertNotNull(vm.current(), String.valueOf(vm.problemProperty().get()));
        List<RecentFiles.Entry> e = store.entries();
        assertEquals(1, e.size());
        assertEquals("folder " + folder + ": reference manual_label.nii.gz, prediction probabilities.nii.gz, image t1.nii.gz",
                e.get(0).label());

        // another start, where the folder's roles are not remembered: the bare folder is refused (two label maps) ...
        ViewerModel fresh = model(FolderRoleMemory.NONE);
        fresh.open(CaseFiles.ofFolder(folder));
        assertNull(fresh.current());
        assertTrue(fresh.problemProperty().get().message().contains("two candidate label maps"),
                fresh.problemProperty().get().message());
        // ... but its Recent entry opens it with the chosen reference, asking nothing
        RecentCases recent = new RecentCases(fresh, store);
        assertTrue(recent.open(recent.entries().get(0), NOT_ASKED, NOT_ASKED));
        LoadedCase lc = fresh.current();
        assertNotNull(lc);
        assertEquals(folder.resolve("manual_label.nii.gz"), lc.files().reference());
        assertEquals(folder.resolve("t1.nii.gz"), lc.files().image());
        for (int i = 0; i < UiTestCase.N; i++) {
            assertEquals(tc.labels[i], lc.data().classes().get(lc.data().reference(i)).label(), "voxel " + i);
        }

        // the same folder opened with the other label map as reference: still one entry, now naming that one
        memory.remember(folder, Map.of("manual_label.nii.gz", FileRoles.Role.IGNORE));
        vm.open(CaseFiles.ofFolder(folder));
        assertEquals(folder.resolve("lesion_seg_v2.nii.gz"), vm.current().files().reference());
        assertEquals(1, store.entries().size());
        assertTrue(store.entries().get(0).label().contains("reference lesion_seg_v2.nii.gz"),
                store.entries().get(0).label());
        vm.shutdown();
        fresh.shutdown();
    }

    @Test
    void aFailedOpenNeverEntersTheList() throws Exception {
        CaseFiles good = tc.write(dir);
        Path bad = Files.writeString(dir.resolve("broken_prob.nii.gz"), "not a volume");
        ViewerModel vm = model(FolderRoleMemory.NONE);
        new RecentCases(vm, store);
        vm.open(good.withPredictions(List.of(bad)));
        assertNotNull(vm.problemProperty().get());
        assertNull(vm.current());
        assertEquals(List.of(), store.entries());
        vm.open(good);
        assertEquals(1, store.entries().size());
        assertEquals(good.reference(), store.entries().get(0).files().reference());
        vm.shutdown();
    }

    @Test
    void anEntryWhoseFilesWentIsDroppedWithANote() throws Exception {
        CaseFiles c = tc.write(dir);
        ViewerModel vm = model(FolderRoleMemory.NONE);
        RecentCases recent = new RecentCases(vm, store);
        int[] changes = {0};
        recent.setOnChanged(() -> changes[0]++);
        vm.open(c);
        LoadedCase shown = vm.current();
        assertEquals(1, changes[0]);
        RecentFiles.Entry entry = recent.entries().get(0);
        assertEquals(List.of(), entry.missing());
        Files.delete(c.image());
        assertEquals(List.of(c.image()), entry.missing());
        assertFalse(recent.open(entry, NOT_ASKED, NOT_ASKED));
        assertEquals(List.of(), recent.entries(), "dropped");
        assertEquals(2, changes[0], "the menu refills");
        assertEquals("Removed from Recent: " + c.image() + " is no longer there", vm.progressMessageProperty().get());
        assertNull(vm.problemProperty().get(), "a note, not an error dialog");
        assertSame(shown, vm.current(), "the open case stays");
        vm.shutdown();
    }

    @Test
    void aSessionEntersTheListOnlyOnceItsCaseHasOpened() throws Exception {
        CaseFiles c = tc.write(dir);
        ViewerModel vm = model(FolderRoleMemory.NONE);
        RecentCases recent = new RecentCases(vm, store);
        vm.open(c);
        Path session = dir.resolve("s.dicelens.json");
        org.dicelens.ui.io.Sessions.save(vm, new org.dicelens.ui.model.DisplayModel(), session);
        recent.clear();
        // as File ▸ Open session does: remembered in the callback that runs once the case is in
        Files.writeString(c.predictions().get(0), "no longer a volume");
        ViewerModel other = model(FolderRoleMemory.NONE);
        RecentCases otherRecent = new RecentCases(other, store);
        org.dicelens.ui.io.Sessions.open(session, other, new org.dicelens.ui.model.DisplayModel(),
                lc -> otherRecent.rememberSession(session));
        assertNotNull(other.problemProperty().get(), "the session's case fails to open");
        assertEquals(List.of(), store.entries(), "neither the session nor its case is remembered");
        tc.write(dir); // the prediction back
        org.dicelens.ui.io.Sessions.open(session, other, new org.dicelens.ui.model.DisplayModel(),
                lc -> otherRecent.rememberSession(session));
        assertEquals(session.toAbsolutePath(), store.entries().get(0).session());
        assertEquals(c.reference(), store.entries().get(1).files().reference());
        vm.shutdown();
        other.shutdown();
    }
}
