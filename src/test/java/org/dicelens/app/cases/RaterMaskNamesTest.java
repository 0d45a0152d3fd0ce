package org.dicelens.app.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which file names are per-class rater masks (and their class and rater numbers), and which are raters at all. */
class RaterMaskNamesTest {
    @Test
    void classAndRaterNumbersInEitherOrder() {
        assertEquals(new RaterMaskNames.Parsed(1, 2), RaterMaskNames.parse(Path.of("case01/task01_seg02.nii.gz")));
        assertEquals(new RaterMaskNames.Parsed(3, 10), RaterMaskNames.parse(Path.of("Task03_Seg10.nii")));
        assertEquals(new RaterMaskNames.Parsed(1, 2), RaterMaskNames.parse(Path.of("rater2_class1.nii.gz")));
        assertEquals(new RaterMaskNames.Parsed(4, 1), RaterMaskNames.parse(Path.of("label_4-annotator_1.nii.gz")));
        // label maps of one rater each: no class number
        for (String n : List.of("rater_1.nii.gz", "seg_1.nii.gz", "annotation_2.nii.gz", "case_seg.nii.gz", "image.nii.gz")) {
            assertNull(RaterMaskNames.parse(Path.of(n)), n);
        }
        assertTrue(RaterMaskNames.allMasks(List.of(Path.of("task01_seg01.nii"), Path.of("task02_seg01.nii"))));
        assertFalse(RaterMaskNames.allMasks(List.of(Path.of("task01_seg01.nii"), Path.of("rater_2.nii"))));
        assertFalse(RaterMaskNames.allMasks(List.of()));
    }

    @Test
    void curvasAnnotationsAreRaters() {
        assertEquals(FileRoles.Role.RATER, FileRoles.guess(Path.of("annotation_1.nii.gz")));
        assertEquals(FileRoles.Role.RATER, FileRoles.guess(Path.of("task01_seg02.nii.gz")));
        assertFalse(FileRoles.guess(Path.of("annotations.nii.gz")) == FileRoles.Role.RATER, "no number: not a rater");
    }
}
