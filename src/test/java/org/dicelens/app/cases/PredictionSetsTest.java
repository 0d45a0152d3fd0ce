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
 * The prediction switcher's choices: a 4D prediction beside the same probabilities as per-class files offers both, the
 * per-class files as one prediction; a folder of per-class files alone is one prediction (nothing to switch).
 */
class PredictionSetsTest {
    @Test
    void aFourDimensionalFileAndPerClassFilesAreTwoAlternatives(@TempDir Path dir) throws Exception {
        Geometry g = Geometry.ofSpacing(5, 4, 3, 1, 1, 1);
        int n = g.voxelCount();
        int classes = 5;
        float[] labels = new float[n];
        float[][] p = new float[classes][n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            float rest = 1;
            for (int c = 1; c < classes; c++) {
                p[c][i] = ((i * (c + 2)) % 9) / 40f;
                rest -= p[c][i];
            }
            p[0][i] = rest;
        }
        NiftiWriter.write(dir.resolve("seg.nii.gz"), NiftiHeaders.of(g, 1, "seg"), NiftiDatatype.UINT8, labels);
        Path fourD = dir.resolve("prediction.nii.gz");
        NiftiWriter.write(fourD, NiftiHeaders.of(g, classes, "4D"), NiftiDatatype.FLOAT32, (Object[]) p);
        List<Path> perClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            Path f = dir.resolve(String.format("prediction_%04d.nii.gz", c));
            NiftiWriter.write(f, NiftiHeaders.of(g, 1, "class " + c), NiftiDatatype.FLOAT32, p[c]);
            perClass.add(f);
        }
        CaseFiles resolved = CaseFolder.resolve(dir);
        assertEquals(List.of(fourD), resolved.predictions(), "the 4D file is shown first");
        List<List<Path>> sets = CaseFolder.predictionSetsBeside(resolved);
        assertEquals(List.of(List.of(fourD), perClass), sets);
        assertEquals("prediction_0000.nii.gz … prediction_0004.nii.gz (5 files)", CaseFolder.label(sets.get(1)));
        assertEquals("prediction.nii.gz", CaseFolder.label(sets.get(0)));
        // switching to the per-class alternative reads the same probabilities
        Case switched = CaseOpener.open(resolved.withPredictions(sets.get(1)), Progress.NONE);
        for (int c = 0; c < classes; c++) {
            assertArrayEquals(p[c], switched.prediction().channels()[c], "class " + c);
        }
    }

    @Test
    void perClassFilesAloneAreOnePrediction(@TempDir Path dir) throws Exception {
        Geometry g = Geometry.ofSpacing(3, 3, 2, 1, 1, 1);
        float[] fg = new float[g.voxelCount()];
        float[] bg = new float[g.voxelCount()];
        for (int i = 0; i < fg.length; i++) {
            fg[i] = i / (float) fg.length;
            bg[i] = 1 - fg[i];
        }
        NiftiWriter.write(dir.resolve("seg.nii.gz"), NiftiHeaders.of(g, 1, "seg"), NiftiDatatype.UINT8, new float[fg.length]);
        NiftiWriter.write(dir.resolve("prob_bg.nii.gz"), NiftiHeaders.of(g, 1, "bg"), NiftiDatatype.FLOAT32, bg);
        NiftiWriter.write(dir.resolve("prob_lesion.nii.gz"), NiftiHeaders.of(g, 1, "fg"), NiftiDatatype.FLOAT32, fg);
        CaseFiles resolved = CaseFolder.resolve(dir);
        List<Path> both = List.of(dir.resolve("prob_bg.nii.gz"), dir.resolve("prob_lesion.nii.gz"));
        assertEquals(both, resolved.predictions());
        assertEquals(List.of(both), CaseFolder.predictionSetsBeside(resolved));
    }
}
