package org.dicelens.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases written with NiftiWriter into a temporary folder and loaded back from the files. */
class CaseFileTest {
    /** 8 x 7 x 6 voxels of 1 x 1 x 1.5 mm, oblique-free LAS with an offset, as a scanner might write. */
    static final Geometry G = new Geometry(8, 7, 6, new double[] {-1, 0, 0, 40, 0, 1, 0, -30, 0, 0, 1.5, -20, 0, 0, 0, 1});
    static final int N = 8 * 7 * 6;

    @TempDir
    Path dir;

    /** BraTS-like labels: 4 (enhancing) in a core, 1 (necrosis) around it, 2 (oedema) further out, 0 elsewhere. */
    float[] brats;

    @BeforeEach
    void makeLabels() {
        brats = new float[N];
        for (int z = 0; z < 6; z++) {
            for (int y = 0; y < 7; y++) {
                for (int x = 0; x < 8; x++) {
                    double d = Math.sqrt((x - 4) * (x - 4) + (y - 3) * (y - 3) + (z - 3) * (z - 3) * 2.25);
                    brats[G.index(x, y, z)] = d < 1.2 ? 4 : d < 2.2 ? 1 : d < 3.2 ? 2 : 0;
                }
            }
        }
    }

    Path write(String name, Geometry g, NiftiDatatype type, Object... channels) throws Exception {
        Path p = dir.resolve(name);
        NiftiWriter.write(p, Vols.header(g, channels.length), type, channels);
        return p;
    }

    /** Softmax-like probabilities: 0.7 on the voxel's class channel, 0.1 on each other one (sums to 1). */
    float[][] probabilities(int[] channelOfLabel) {
        float[][] p = new float[4][N];
        for (int i = 0; i < N; i++) {
            int c = channelOfLabel[(int) brats[i]];
            for (int k = 0; k < 4; k++) {
                p[k][i] = k == c ? 0.7f : 0.1f;
            }
        }
        return p;
    }

    @Test
    void aBratsLikeCaseFromFiles() throws Exception {
        Path ref = write("BraTS-GLI-00001-000-seg.nii.gz", G, NiftiDatatype.UINT8, brats);
        int[] channelOfLabel = {0, 1, 2, -1, 3};
        float[][] p = probabilities(channelOfLabel);
        Path pred = write("softmax.nii.gz", G, NiftiDatatype.FLOAT32, (Object[]) p);
        float[] t1 = new float[N];
        for (int i = 0; i < N; i++) {
            t1[i] = i % 300;
        }
        Path img = write("t1c.nii", G, NiftiDatatype.INT16, t1);
        Path table = dir.resolve("labels.txt");
        Files.writeString(table, "0 0 0 0 0 0 0 \"Clear Label\"\n1 255 0 0 1 1 1 \"NCR\"\n2 0 255 0 1 1 1 \"ED\"\n"
                + "4 0 0 255 1 1 1 \"ET\"\n");
        Case c = CaseLoader.load(CaseSpec.of(ref, pred).withImage(img).withClassTable(table), Progress.NONE);

        assertEquals("BraTS-GLI-00001-000-seg", c.name());
        assertEquals(G, c.geometry());
        assertEquals("LAS", c.geometry().orientation());
        assertEquals(0.0015, c.geometry().voxelMl(), 1e-15);
        assertArrayEquals(new int[] {0, 1, 2, 4}, c.classes().all().stream().mapToInt(ClassInfo::label).toArray());
        assertEquals("ET", c.classes().get(3).name());
        for (int i = 0; i < N; i++) {
            assertEquals(channelOfLabel[(int) brats[i]], c.reference(i), "voxel " + i);
        }
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(p[k], c.prediction().channels()[k], "channel " + k);
        }
        assertArrayEquals(t1, c.image().values());
        assertEquals(List.of(), c.warnings());
        assertEquals(0, c.prediction().clampedCount());
    }

    @Test
    void bratsLabelsWithoutATableAndPerClassFiles() throws Exception {
        // reference stored as float32, prediction as one file per class with the background derived
        Path ref = write("seg.nii", G, NiftiDatatype.FLOAT32, brats);
        float[][] p = probabilities(new int[] {0, 1, 2, -1, 3});
        Path f1 = write("p1.nii.gz", G, NiftiDatatype.FLOAT32, p[1]);
        Path f2 = write("p2.nii.gz", G, NiftiDatatype.FLOAT32, p[2]);
        Path f4 = write("p4.nii.gz", G, NiftiDatatype.FLOAT32, p[3]);
        Case c = CaseLoader.load(CaseSpec.of(ref, f1, f2, f4), Progress.NONE);
        assertArrayEquals(new int[] {0, 1, 2, 4}, c.classes().all().stream().mapToInt(ClassInfo::label).toArray());
        // background = 1 - (p1 + p2 + p4): 0.7 where the voxel is background, else 0.1 (float32 sums: 1e-6)
        assertArrayEquals(p[0], c.prediction().channels()[0], 1e-6f);
        assertEquals(List.of(f1.toString(), f2.toString(), f4.toString()), c.prediction().sources());
    }

    @Test
    void masksFromFilesAndAHardPrediction() throws Exception {
        float[] m1 = new float[N];
        float[] m2 = new float[N];
        float[] hard = new float[N];
        for (int i = 0; i < N; i++) {
            m1[i] = brats[i] == 4 ? 1 : 0;
            m2[i] = brats[i] == 2 ? 1 : 0;
            hard[i] = brats[i] == 4 ? 7 : brats[i] == 2 ? 3 : 0; // the other model's labels: 7 and 3
        }
        Path a = write("enhancing.nii.gz", G, NiftiDatatype.UINT8, m1);
        Path b = write("oedema.nii.gz", G, NiftiDatatype.UINT8, m2);
        Path pred = write("other-model.nii.gz", G, NiftiDatatype.INT16, hard);
        Path table = dir.resolve("t.json");
        Files.writeString(table, "[{\"label\": 7, \"name\": \"ET\"}, {\"label\": 3, \"name\": \"ED\"}]");
        Case c = CaseLoader.load(CaseSpec.ofMasks(List.of(a, b), List.of(pred)).withClassTable(table), Progress.NONE);
        assertEquals(PredictionKind.HARD_LABELS, c.predictionKind());
        assertArrayEquals(new int[] {0, 7, 3}, c.classes().all().stream().mapToInt(ClassInfo::label).toArray());
        for (int i = 0; i < N; i++) {
            int expected = brats[i] == 4 ? 1 : brats[i] == 2 ? 2 : 0;
            assertEquals(expected, c.reference(i));
            assertEquals(1f, c.probability(expected, i)); // the hard prediction agrees everywhere
        }
    }

    @Test
    void problemsInFilesNameTheFiles() throws Exception {
        Path ref = write("ref.nii.gz", G, NiftiDatatype.UINT8, brats);
        Geometry moved = new Geometry(8, 7, 6, new double[] {-1, 0, 0, 41, 0, 1, 0, -30, 0, 0, 1.5, -20, 0, 0, 0, 1});
        Path shifted = write("shifted.nii.gz", moved, NiftiDatatype.FLOAT32, probabilities(new int[] {0, 1, 2, -1, 3}));
        InputException e = assertThrows(InputException.class, () -> CaseLoader.load(CaseSpec.of(ref, shifted), Progress.NONE));
        assertEquals(shifted, e.file());
        assertTrue(e.getMessage().contains(ref.toString()) && e.getMessage().contains("1.000 mm apart"), e.getMessage());

        float[][] p = probabilities(new int[] {0, 1, 2, -1, 3});
        p[2][17] = Float.NaN;
        p[3][5] = Float.POSITIVE_INFINITY;
        Path nan = write("nan.nii", G, NiftiDatatype.FLOAT32, (Object[]) p);
        e = assertThrows(InputException.class, () -> CaseLoader.load(CaseSpec.of(ref, nan), Progress.NONE));
        assertEquals(nan + ": values: 2 NaN or infinite values (the first at voxel (1,2,0) of channel 2): predictions must be "
                + "finite numbers", e.getMessage());

        float[] half = brats.clone();
        half[100] = 0.5f;
        Path notLabels = write("soft-ref.nii", G, NiftiDatatype.FLOAT32, half);
        Path good = write("good.nii", G, NiftiDatatype.FLOAT32, (Object[]) probabilities(new int[] {0, 1, 2, -1, 3}));
        e = assertThrows(InputException.class, () -> CaseLoader.load(CaseSpec.of(notLabels, good), Progress.NONE));
        assertEquals(notLabels, e.file());
        assertTrue(e.getMessage().contains("holds 0.5 at voxel (4,5,1)"), e.getMessage());

        // a truncated prediction file: the reader's error, naming the file, comes through
        Path cut = dir.resolve("cut.nii");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        e = assertThrows(InputException.class, () -> CaseLoader.load(CaseSpec.of(ref, cut), Progress.NONE));
        assertEquals(cut, e.file());
    }
}
