package org.dicelens.app.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.NiftiHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder with two candidate label maps: the names alone are refused, the role choice says what is missing until the
 * roles make a case, the chosen roles open the case with the chosen reference, and the answer is remembered per folder.
 */
class FolderRoleChoiceTest {
    @TempDir
    Path dir;
    private final Geometry g = Geometry.ofSpacing(4, 3, 2, 1, 1, 1);
    private float[] manual;
    private float[] auto;

    @BeforeEach
    void write() throws Exception {
        int n = g.voxelCount();
        manual = new float[n];
        auto = new float[n];
        float[][] p = new float[2][n];
        for (int i = 0; i < n; i++) {
            manual[i] = i % 3 == 0 ? 1 : 0;
            auto[i] = i % 4 == 0 ? 1 : 0;
            p[1][i] = (i % 7) / 7f;
            p[0][i] = 1 - p[1][i];
        }
        // both named like label maps: "lesion_seg" and "manual_label"
        NiftiWriter.write(dir.resolve("lesion_seg.nii.gz"), NiftiHeaders.of(g, 1, "auto"), NiftiDatatype.UINT8, auto);
        NiftiWriter.write(dir.resolve("manual_label.nii.gz"), NiftiHeaders.of(g, 1, "manual"), NiftiDatatype.UINT8,
                manual);
        NiftiWriter.write(dir.resolve("probabilities.nii.gz"), NiftiHeaders.of(g, 2, "p"), NiftiDatatype.FLOAT32,
                (Object[]) p);
        NiftiWriter.write(dir.resolve("t1.nii.gz"), NiftiHeaders.of(g, 1, "t1"), NiftiDatatype.FLOAT32, p[1]);
    }

    @Test
    void twoLabelMapsAreRefusedByNameAndTheChoiceSaysWhatIsMissing() throws Exception {
        InputException e = assertThrows(InputException.class, () -> CaseFolder.resolve(dir));
        assertTrue(e.getMessage().contains("two candidate label maps: lesion_seg.nii.gz and manual_label.nii.gz"),
                e.getMessage());
        FolderRoleChoice c = FolderRoleChoice.of(dir, Map.of());
        assertEquals(List.of("lesion_seg.nii.gz", "manual_label.nii.gz", "probabilities.nii.gz", "t1.nii.gz"),
                c.files().stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(c.needsAsking());
        assertEquals("Choose one reference: lesion_seg.nii.gz, manual_label.nii.gz are all marked reference.",
                c.problem());
        Path seg = dir.resolve("lesion_seg.nii.gz");
        c.set(seg, FileRoles.Role.IGNORE);
        assertFalse(c.needsAsking());
        assertNull(c.problem());
        c.set(dir.resolve("manual_label.nii.gz"), FileRoles.Role.IMAGE);
        assertEquals("Choose the reference label map.", c.problem());
        c.set(dir.resolve("manual_label.nii.gz"), FileRoles.Role.REFERENCE);
        c.set(dir.resolve("probabilities.nii.gz"), FileRoles.Role.IGNORE);
        assertEquals("Choose at least one prediction.", c.problem());
        c.set(dir.resolve("probabilities.nii.gz"), FileRoles.Role.PREDICTION);
        c.set(seg, FileRoles.Role.IMAGE);
        assertEquals("Choose one image at most: lesion_seg.nii.gz, t1.nii.gz.", c.problem());
    }

    @Test
    void theChosenRolesOpenTheCaseWithTheChosenReference() throws Exception {
        FolderRoleChoice c = FolderRoleChoice.of(dir, Map.of());
        c.set(dir.resolve("lesion_seg.nii.gz"), FileRoles.Role.IGNORE);
        CaseFiles f = c.resolve();
        assertEquals(dir.resolve("manual_label.nii.gz"), f.reference());
        assertEquals(List.of(dir.resolve("probabilities.nii.gz")), f.predictions());
        assertEquals(dir.resolve("t1.nii.gz"), f.image());
        Case opened = CaseOpener.open(f, Progress.NONE);
        for (int i = 0; i < manual.length; i++) {
            assertEquals((int) manual[i], opened.reference(i), "voxel " + i);
        }
        // the other way round: the automatic segmentation as the reference
        c.set(dir.resolve("lesion_seg.nii.gz"), FileRoles.Role.REFERENCE);
        c.set(dir.resolve("manual_label.nii.gz"), FileRoles.Role.IGNORE);
        Case other = CaseOpener.open(c.resolve(), Progress.NONE);
        byte[] expected = new byte[auto.length];
        for (int i = 0; i < auto.length; i++) {
            expected[i] = (byte) auto[i];
        }
        assertArrayEquals(expected, other.referenceClass());
    }

    @Test
    void theAnswerIsRememberedPerFolderAndOpensTheFolderWithoutAsking() throws Exception {
        Preferences node = Preferences.userRoot().node("org/dicelens/test-folder-roles-" + System.nanoTime());
        try {
            FolderRoleMemory memory = FolderRoleMemory.in(node);
            assertEquals(Map.of(), memory.roles(dir));
            FolderRoleChoice c = FolderRoleChoice.of(dir, memory.roles(dir));
            c.set(dir.resolve("lesion_seg.nii.gz"), FileRoles.Role.IGNORE);
            memory.remember(dir, c.byName());
            // only what differs from the names' guesses is kept
            assertEquals(Map.of("lesion_seg.nii.gz", FileRoles.Role.IGNORE), memory.roles(dir));
            assertEquals(Map.of("lesion_seg.nii.gz", FileRoles.Role.IGNORE),
                    FolderRoleMemory.in(node).roles(dir.resolve(".").resolve("x").getParent()), "by the absolute path");
            assertEquals(Map.of(), memory.roles(dir.resolve("elsewhere")));
            FolderRoleChoice again = FolderRoleChoice.of(dir, memory.roles(dir));
            assertFalse(again.needsAsking());
            CaseFiles f = CaseOpener.resolve(CaseFiles.ofFolder(dir), memory);
            assertEquals(dir.resolve("manual_label.nii.gz"), f.reference());
            assertEquals(dir, f.folder());
            assertThrows(InputException.class, () -> CaseOpener.resolve(CaseFiles.ofFolder(dir)), "without the memory");
        } finally {
            node.removeNode();
        }
    }
}
