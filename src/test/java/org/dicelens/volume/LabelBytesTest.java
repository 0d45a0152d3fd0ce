package org.dicelens.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An 8-bit reference label map is read as its stored bytes ({@link CaseLoader.VolumeReader#readLabelBytes}) instead of
 * a float per voxel: the case must be the one the general path (every voxel widened to a float) loads.
 */
class LabelBytesTest {
    @TempDir
    Path dir;

    private final Geometry g = Geometry.ofSpacing(7, 5, 3, 1, 1, 1);

    /** Reads through the general path only: the default readLabelBytes answers null. */
    private static final CaseLoader.VolumeReader GENERAL = (file, progress) -> NiftiReader.read(file, progress);

    private Path labels(String name, float... values) throws Exception {
        Path p = dir.resolve(name);
        NiftiWriter.write(p, Vols.header(g, 1), NiftiDatatype.UINT8, (Object) values);
        return p;
    }

    private Path prediction(int classes) throws Exception {
        SplittableRandom rnd = new SplittableRandom(3);
        Object[] ch = new Object[classes];
        for (int c = 0; c < classes; c++) {
            float[] a = new float[g.voxelCount()];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) rnd.nextDouble();
            }
            ch[c] = a;
        }
        Path p = dir.resolve("pred" + classes + ".nii");
        NiftiWriter.write(p, Vols.header(g, classes), NiftiDatatype.FLOAT32, ch);
        return p;
    }

    private static void assertSameCase(Case expected, Case actual) {
        assertArrayEquals(expected.referenceClass(), actual.referenceClass());
        assertEquals(expected.classes().all(), actual.classes().all());
        assertEquals(expected.geometry(), actual.geometry());
        assertEquals(expected.warnings(), actual.warnings());
    }

    @Test
    void uint8LabelMapLoadsAsThroughFloats() throws Exception {
        float[] v = new float[g.voxelCount()];
        int[] palette = {0, 4, 1, 2}; // BraTS-like, not in order of first appearance
        for (int i = 0; i < v.length; i++) {
            v[i] = palette[(i * 7 + i / 5) % 4];
        }
        Path ref = labels("ref.nii.gz", v);
        Path pred = prediction(4);
        Case fast = CaseLoader.load(CaseSpec.of(ref, pred), Progress.NONE);
        Case general = CaseLoader.load(CaseSpec.of(ref, pred), Progress.NONE, GENERAL);
        assertSameCase(general, fast);
        // by hand: label 4 is the fourth class (values sorted 0, 1, 2, 4); voxel 3 holds palette[21 % 4] = 4, voxel 1 holds 2
        assertEquals(3, fast.referenceClass()[3]);
        assertEquals(2, fast.referenceClass()[1]);
        assertNotNull(CaseLoader.FILES.readLabelBytes(ref, Progress.NONE));
    }

    @Test
    void int8ValuesAreSigned() throws Exception {
        float[] v = new float[g.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 3 == 0 ? 0 : i % 3 == 1 ? 5 : 255; // 255 stored is -1 as int8
        }
        Path ref = labels("ref8.nii", v);
        try (RandomAccessFile f = new RandomAccessFile(ref.toFile(), "rw")) { // datatype (offset 70) uint8 2 -> int8 256
            f.seek(70);
            f.write(new byte[] {0, 1}); // little-endian 256
        }
        LabelBytes b = CaseLoader.FILES.readLabelBytes(ref, Progress.NONE);
        assertTrue(b.signed());
        Path pred = prediction(3);
        Case fast = CaseLoader.load(CaseSpec.of(ref, pred), Progress.NONE);
        Case general = CaseLoader.load(CaseSpec.of(ref, pred), Progress.NONE, GENERAL);
        assertSameCase(general, fast);
        assertEquals(1, fast.referenceClass()[0]); // values -1, 0, 5: 0 is the second
        assertEquals(0, fast.referenceClass()[2]); // -1 the first
    }

    @Test
    void otherTypesTakeTheGeneralPath() throws Exception {
        Path pred = prediction(2);
        assertNull(CaseLoader.FILES.readLabelBytes(pred, Progress.NONE)); // float32, two channels
    }

    @Test
    void moreThan255DistinctValuesIsRefusedAsBefore() throws Exception {
        Geometry big = Geometry.ofSpacing(16, 16, 1, 1, 1, 1);
        float[] v = new float[256];
        for (int i = 0; i < 256; i++) {
            v[i] = i;
        }
        Path ref = dir.resolve("many.nii");
        NiftiWriter.write(ref, Vols.header(big, 1), NiftiDatatype.UINT8, (Object) v);
        InputException fast = assertThrows(InputException.class, () -> CaseLoader.checkLabelMap(ref, Progress.NONE));
        InputException general = assertThrows(InputException.class,
                () -> CaseLoader.load(CaseSpec.of(ref, ref), Progress.NONE, GENERAL));
        assertEquals(general.getMessage(), fast.getMessage());
    }
}
