package org.dicelens.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.ui.model.LoadedCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The volume-bias panel's Σq·v comes from phantom.json beside the reference, and only from there. */
class VolumeBiasExpectedTest {
    @TempDir
    Path dir;

    private LoadedCase caseWithReferenceIn(Path folder) {
        return new LoadedCase(new CaseFiles(folder.resolve("reference.nii.gz"), List.of(), null, null, null, null), null, null);
    }

    @Test
    void expectedVolumesBesideTheReference() throws Exception {
        Files.writeString(dir.resolve("phantom.json"), "{\"classes\": [{\"label\": 0, \"expectedMl\": 10.5}, "
                + "{\"label\": 3, \"expectedMl\": 2.25}]}");
        assertEquals(2.25, VolumeBiasPanel.expectedOf(caseWithReferenceIn(dir)).get(3));
        assertEquals(10.5, VolumeBiasPanel.expectedOf(caseWithReferenceIn(dir)).get(0));
    }

    @Test
    void noneWithoutAFileOrWithABadOne() throws Exception {
        assertTrue(VolumeBiasPanel.expectedOf(caseWithReferenceIn(dir)).isEmpty());
        assertTrue(VolumeBiasPanel.expectedOf(null).isEmpty());
        Files.writeString(dir.resolve("phantom.json"), "[1, 2]");
        assertTrue(VolumeBiasPanel.expectedOf(caseWithReferenceIn(dir)).isEmpty(), "a bad file is logged, not shown");
    }

    @Test
    void bundledSampleGivesItsExpectedWhiteMatter() {
        Path sample = Path.of("sample-data", "icbm152");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(sample));
        // sample-data/README.md: Σq·v of white matter 667.85 mL (numpy from prediction_calibrated.nii.gz)
        assertEquals(667.85, VolumeBiasPanel.expectedOf(caseWithReferenceIn(sample)).get(1), 0.005);
    }
}
