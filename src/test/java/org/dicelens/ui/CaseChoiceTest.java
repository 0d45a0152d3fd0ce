package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.dicelens.app.cases.CaseChecks;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.NiftiHeaders;
import org.dicelens.volume.PredictionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15's viewer items about choosing files: early reference checks, files of another case, recent cases. */
class CaseChoiceTest {
    @TempDir
    Path dir;

    @Test
    void aBadReferenceIsReportedWhenChosen() throws Exception {
        Geometry g = Geometry.ofSpacing(3, 2, 1, 1, 1, 1);
        Path fourD = dir.resolve("probs.nii.gz");
        NiftiHeaders.writeFloat32(fourD, g, "t", new float[6], new float[6]);
        InputException e = assertThrows(InputException.class, () -> CaseChecks.checkReferenceShape(fourD));
        assertTrue(e.getMessage().startsWith(fourD + ": dim: the reference label map has 2 volumes"), e.getMessage());
        Path intensity = dir.resolve("t1.nii.gz");
        NiftiHeaders.writeFloat32(intensity, g, "t", new float[] {0.5f, 12.25f, 3, 4, 5, 6});
        CaseChecks.checkReferenceShape(intensity); // one volume: the header cannot tell
        e = assertThrows(InputException.class, () -> CaseChecks.checkReferenceValues(intensity, Progress.NONE));
        assertTrue(e.getMessage().startsWith(intensity + ": value: the reference label map holds 0.5"), e.getMessage());
        Path labels = dir.resolve("seg.nii.gz");
        NiftiHeaders.writeUint8(labels, g, "t", new float[] {0, 1, 2, 0, 1, 2});
        CaseChecks.checkReferenceValues(labels, Progress.NONE);
    }

    @Test
    void aFileOfAnotherGridDoesNotFitTheOpenCase() throws Exception {
        CaseFiles open = new UiTestCase(2).write(dir);
        Path other = dir.resolve("other_prob.nii.gz");
        NiftiHeaders.writeFloat32(other, Geometry.ofSpacing(4, 4, 4, 1, 1, 1), "t", new float[64]);
        String why = CaseChecks.misfit(open, other);
        assertTrue(why != null && why.contains("4x4x4") && why.contains(UiTestCase.NX + "x" + UiTestCase.NY + "x"
                + UiTestCase.NZ), why);
        assertNull(CaseChecks.misfit(open, open.predictions().get(0)));
        assertNull(CaseChecks.misfit(null, other));
    }

    @Test
    void recentEntriesAreCasesWithTheirRoles() throws Exception {
        Preferences node = Preferences.userRoot().node("org/dicelens/test-recent-cases-" + System.nanoTime());
        try {
            RecentFiles r = new RecentFiles(node);
            CaseFiles c = new UiTestCase(2).write(dir).withPredictionKind(PredictionKind.LOGITS_SOFTMAX);
            r.addCase(c);
            r.addCase(CaseFiles.ofPhantom("brain")); // not remembered: the menu has it
            r.add(dir); // a folder
            r.addCase(c); // again: moves to the top, no duplicate
            List<RecentFiles.Entry> e = r.entries();
            assertEquals(2, e.size());
            assertEquals(c.reference(), e.get(0).files().reference());
            assertEquals(c.predictions(), e.get(0).files().predictions());
            assertEquals(c.image(), e.get(0).files().image());
            assertEquals(PredictionKind.LOGITS_SOFTMAX, e.get(0).files().predictionKind());
            assertEquals("case_seg: reference case_seg.nii.gz, prediction case_prob.nii.gz, image case_t1.nii.gz",
                    e.get(0).label());
            assertEquals(dir.toAbsolutePath().normalize(), e.get(1).files().folder());
            Path session = Files.writeString(dir.resolve("s.dicelens.json"), "{}");
            r.add(session);
            assertEquals(session.toAbsolutePath(), r.entries().get(0).session());
        } finally {
            node.removeNode();
        }
    }
}
