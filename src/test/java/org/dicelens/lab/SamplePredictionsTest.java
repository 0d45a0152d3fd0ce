package org.dicelens.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplePredictionsTest {

    /**
     * The lab's predictions bundled in sample-data/lesion sit on the sample case's grid, hold two channels that sum to
     * 1 (to the rounding) with p in [0, 1], and differ as the losses do: soft Dice's p is near-binary (its hard volume
     * at 0.5 is most of its soft volume), cross-entropy's is not. Skipped without sample-data/.
     */
    @Test
    void bundledPredictionsAreOnTheSampleGrid() throws Exception {
        Path dir = Path.of("sample-data", "lesion");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("prediction_lab_ce.nii.gz")), "no bundled lab predictions");
        Geometry sample = Geometry.fromHeader(NiftiReader.readHeader(dir.resolve("reference.nii.gz")));
        double[] hardOverSoft = new double[2];
        String[] names = {"ce", "dice"};
        for (int k = 0; k < 2; k++) {
            NiftiVolume v = NiftiReader.read(dir.resolve("prediction_lab_" + names[k] + ".nii.gz"));
            assertEquals(null, sample.mismatch(Geometry.fromHeader(v.header())), names[k]);
            assertEquals(2, v.channels());
            float[] bg = v.channelAsFloat(0);
            float[] fg = v.channelAsFloat(1);
            double soft = 0;
            long hard = 0;
            for (int i = 0; i < fg.length; i++) {
                assertTrue(fg[i] >= 0 && fg[i] <= 1);
                assertEquals(1, bg[i] + fg[i], 1e-3);
                soft += fg[i];
                hard += fg[i] >= 0.5 ? 1 : 0;
            }
            hardOverSoft[k] = hard / soft;
        }
        assertTrue(hardOverSoft[1] > 0.3, "soft Dice: near-binary, " + hardOverSoft[1]);
        assertTrue(hardOverSoft[0] < 0.1, "cross-entropy: spread-out probabilities, " + hardOverSoft[0]);
    }

    @Test
    void writesAFourDimensionalTwoClassFile(@TempDir Path dir) throws Exception {
        Geometry g = Geometry.ofSpacing(3, 2, 2, 1.5, 1.5, 3);
        float[] p = {0, 1, 0.5f, 0.25f, 1e-7f, 0.3f, 0.9999f, 0.001f, 0.7f, 0.2f, 0.125f, 0.0625f};
        Path f = dir.resolve("prediction_lab_x.nii.gz");
        SamplePredictions.write(f, g, p, "test");
        NiftiVolume v = NiftiReader.read(f);
        assertEquals(4, v.header().dim[0]);
        assertEquals(2, v.channels());
        assertArrayEquals(g.affine(), Geometry.fromHeader(v.header()).affine(), 1e-6);
        float[] bg = v.channelAsFloat(0);
        float[] fg = v.channelAsFloat(1);
        for (int i = 0; i < p.length; i++) {
            float expected = p[i] < 1e-6f ? 0 : p[i];
            assertEquals(expected, fg[i], Math.scalb(1.0, -12) * expected, "voxel " + i);
            assertEquals(1 - expected, bg[i], Math.scalb(1.0, -12), "voxel " + i);
        }
        assertEquals(0, fg[4], "below the floor");
        assertEquals(1, bg[4]);
    }
}
