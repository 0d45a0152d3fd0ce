package org.dicelens.app.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.NiftiHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder holding a 4D prediction and the same probabilities as per-class files (prediction.nii.gz and
 * prediction_0000..0002.nii.gz) opens on the 4D file instead of being refused for twice the channels, and the per-class
 * files named explicitly give the same case.
 */
class MixedPredictionFolderTest {
    @Test
    void aFourDimensionalPredictionBesidePerClassFilesOpens(@TempDir Path dir) throws Exception {
        Geometry g = Geometry.ofSpacing(4, 3, 2, 1, 1, 1);
        int n = g.voxelCount();
        float[] labels = new float[n];
        float[][] p = new float[3][n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            p[0][i] = 0.2f;
            p[1][i] = (i % 5) / 10f;
            p[2][i] = 0.8f - p[1][i];
        }
        NiftiWriter.write(dir.resolve("seg.nii.gz"), NiftiHeaders.of(g, 1, "seg"), NiftiDatatype.UINT8, labels);
        NiftiWriter.write(dir.resolve("prediction.nii.gz"), NiftiHeaders.of(g, 3, "4D"), NiftiDatatype.FLOAT32,
                (Object[]) p);
        List<Path> perClass = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            Path f = dir.resolve(String.format("prediction_%04d.nii.gz", c));
            NiftiWriter.write(f, NiftiHeaders.of(g, 1, "class " + c), NiftiDatatype.FLOAT32, p[c]);
            perClass.add(f);
        }
        CaseFiles resolved = CaseFolder.resolve(dir);
        assertEquals(List.of(dir.resolve("prediction.nii.gz")), resolved.predictions());
        Case fromFolder = CaseOpener.open(CaseFiles.ofFolder(dir), Progress.NONE);
        Case fromFiles = CaseOpener.open(CaseFiles.of(dir.resolve("seg.nii.gz"), perClass), Progress.NONE);
        assertEquals(3, fromFolder.classCount());
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(p[c], fromFolder.prediction().channels()[c]);
            assertArrayEquals(fromFiles.prediction().channels()[c], fromFolder.prediction().channels()[c]);
        }
    }
}
