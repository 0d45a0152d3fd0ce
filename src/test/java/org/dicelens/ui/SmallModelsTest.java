package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.dicelens.common.InputException;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.CaseFolder;
import org.dicelens.ui.model.CrosshairModel;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.app.cases.FileRoles;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small view models: file roles, case folders, recent files, crosshair and window/level. */
class SmallModelsTest {
    @TempDir
    Path dir;

    @Test
    void droppedFilesGetTheirRoleFromTheName() throws Exception {
        assertEquals(FileRoles.Role.REFERENCE, FileRoles.guess(Path.of("BraTS_001_seg.nii.gz")));
        assertEquals(FileRoles.Role.PREDICTION, FileRoles.guess(Path.of("case_softmax.nii.gz")));
        assertEquals(FileRoles.Role.PREDICTION, FileRoles.guess(Path.of("case.npz")));
        assertEquals(FileRoles.Role.IMAGE, FileRoles.guess(Path.of("sub-01_T1w.nii")));
        assertEquals(FileRoles.Role.CLASS_TABLE, FileRoles.guess(Path.of("labels.txt")));
        assertEquals(FileRoles.Role.SESSION, FileRoles.guess(Path.of("mine.dicelens.json")));
        assertEquals(FileRoles.Role.CASE_FOLDER, FileRoles.guess(dir));
        assertEquals(FileRoles.Role.IGNORE, FileRoles.guess(Path.of("notes.pdf")));
    }

    @Test
    void filesAddUpToACompleteCase() {
        CaseFiles f = FileRoles.apply(null, List.of(Path.of("a_seg.nii"), Path.of("p1.nii"), Path.of("p2.nii")),
                List.of(FileRoles.Role.REFERENCE, FileRoles.Role.PREDICTION, FileRoles.Role.PREDICTION));
        assertTrue(f.isComplete());
        assertEquals(List.of(Path.of("p1.nii"), Path.of("p2.nii")), f.predictions());
        CaseFiles onlyRef = FileRoles.apply(CaseFiles.ofPhantom("x"), List.of(Path.of("a_seg.nii")),
                List.of(FileRoles.Role.REFERENCE));
        assertEquals(false, onlyRef.isComplete());
    }

    @Test
    void aCaseFolderIsReadByRoleAndItsFilesAreProtected() throws Exception {
        CaseFiles written = new UiTestCase(5).write(dir);
        CaseFiles f = CaseFolder.resolve(dir);
        assertEquals(written.reference(), f.reference());
        assertEquals(written.predictions(), f.predictions());
        assertEquals(written.image(), f.image());
        assertTrue(CaseFiles.ofFolder(dir).inputs().containsAll(written.inputs()));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        InputException e = assertThrows(InputException.class, () -> CaseFolder.resolve(empty));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void withoutSampleDataTheLabsPhantomIsGenerated() throws Exception {
        // sample-data/README.md: the lesion case is 96×96×48 with background and lesion
        org.dicelens.volume.Case c = AppWiring.read(CaseFiles.ofPhantom("lesion"), org.dicelens.common.Progress.NONE);
        assertEquals(List.of(96, 96, 48), List.of(c.geometry().nx(), c.geometry().ny(), c.geometry().nz()));
        assertEquals(2, c.classCount());
        InputException e = assertThrows(InputException.class,
                () -> AppWiring.read(CaseFiles.ofPhantom("teapot"), org.dicelens.common.Progress.NONE));
        assertTrue(e.getMessage().contains("teapot"), e.getMessage());
    }

    @Test
    void recentFilesPutTheNewestFirstWithoutDuplicatesAndKeepTen() throws Exception {
        Preferences node = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        try {
            RecentFiles r = new RecentFiles(node);
            for (int i = 0; i < 12; i++) {
                r.add(dir.resolve("f" + i));
            }
            r.add(dir.resolve("f5"));
            List<Path> l = r.list();
            assertEquals(RecentFiles.MAX, l.size());
            assertEquals(dir.resolve("f5"), l.get(0));
            assertEquals(dir.resolve("f11"), l.get(1));
            assertEquals(1, l.stream().filter(p -> p.endsWith("f5")).count());
        } finally {
            node.removeNode();
        }
    }

    @Test
    void crosshairStaysOnTheGrid() {
        CrosshairModel c = new CrosshairModel();
        c.reset(Geometry.ofSpacing(10, 20, 30, 1, 1, 1));
        assertEquals(List.of(5, 10, 15), List.of(c.get(0), c.get(1), c.get(2)));
        c.step(2, 100);
        assertEquals(29, c.get(2));
        c.set(-4, 3, 2);
        assertEquals(0, c.get(0));
    }

    @Test
    void rightDragWidensTheWindowHorizontallyAndMovesTheLevelVertically() {
        DisplayModel d = new DisplayModel();
        d.resetWindow(0, 1000);
        d.windowLowProperty().set(400);
        d.windowHighProperty().set(600);
        d.dragWindow(0.1, 0); // width 200 + 0.1·1000 = 300 around level 500
        assertEquals(350, d.windowLowProperty().get(), 1e-9);
        assertEquals(650, d.windowHighProperty().get(), 1e-9);
        d.dragWindow(0, -0.05); // level up by 50
        assertEquals(400, d.windowLowProperty().get(), 1e-9);
        assertEquals(700, d.windowHighProperty().get(), 1e-9);
    }
}
