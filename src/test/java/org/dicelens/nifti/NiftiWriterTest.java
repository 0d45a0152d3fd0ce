package org.dicelens.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Round trips of the writer (all three datatypes, 3D/4D, gzip or not) and its qform/sform and atomicity. */
class NiftiWriterTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (NiftiDatatype t : new NiftiDatatype[] {NiftiDatatype.FLOAT32, NiftiDatatype.UINT8, NiftiDatatype.INT16}) {
            for (int channels : new int[] {1, 4}) {
                for (boolean gz : new boolean[] {false, true}) {
                    b.add(Arguments.of(t, channels, gz));
                }
            }
        }
        return b.build();
    }

    /** A 30-degree rotation about z with spacing 0.8 x 0.9 x 2.5 mm and an offset (a realistic oblique sform). */
    static double[] oblique() {
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        return new double[] {0.8 * c, -0.9 * s, 0, -40.5, 0.8 * s, 0.9 * c, 0, 12.25, 0, 0, 2.5, -7, 0, 0, 0, 1};
    }

    static NiftiHeader header(int nx, int ny, int nz) {
        NiftiHeader h = new NiftiHeader();
        h.dim = new long[] {3, nx, ny, nz, 1, 1, 1, 1};
        h.xyzt_units = 2;
        h.descrip = "DiceLens writer test";
        return h;
    }

    /** Values each datatype holds exactly, varied enough to catch swapped bytes, signs and channel order. */
    static float[] values(NiftiDatatype t, int n, int channel) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            long k = (long) i * 37 + channel * 1001L;
            v[i] = switch (t) {
                case UINT8 -> k % 256;
                case INT16 -> (k * 113) % 65536 - 32768;
                default -> (float) (Math.sin(k * 0.1) * 1000 + channel);
            };
        }
        return v;
    }

    @ParameterizedTest(name = "{0} channels={1} gz={2}")
    @MethodSource("cases")
    void roundTripsExactly(NiftiDatatype t, int channels, boolean gz) throws Exception {
        NiftiHeader h = header(7, 5, 3);
        h.srow_x = new double[] {oblique()[0], oblique()[1], oblique()[2], oblique()[3]};
        h.srow_y = new double[] {oblique()[4], oblique()[5], oblique()[6], oblique()[7]};
        h.srow_z = new double[] {oblique()[8], oblique()[9], oblique()[10], oblique()[11]};
        h.sform_code = 2;
        Object[] data = new Object[channels];
        for (int c = 0; c < channels; c++) {
            data[c] = values(t, 7 * 5 * 3, c);
        }
        Path f = dir.resolve(gz ? "out.nii.gz" : "out.nii");
        NiftiWriter.write(f, h, t, data);

        try (InputStream in = Files.newInputStream(f)) {
            int b0 = in.read();
            int b1 = in.read();
            assertEquals(gz, b0 == 0x1f && b1 == 0x8b, "gzip magic present exactly when the name ends .gz");
        }
        NiftiVolume v = NiftiReader.read(f);
        NiftiHeader r = v.header();
        assertEquals(t.code, r.datatype);
        assertEquals(t.bitpix, r.bitpix);
        assertEquals(channels > 1 ? 4 : 3, r.dim[0]);
        assertArrayEquals(new long[] {7, 5, 3}, new long[] {r.dim[1], r.dim[2], r.dim[3]});
        assertEquals(channels, v.channels());
        for (int c = 0; c < channels; c++) {
            assertArrayEquals((float[]) data[c], (float[]) v.channelArray(c), "channel " + c);
        }
        assertEquals(2, r.sform_code);
        assertEquals(2, r.qform_code, "qform code follows the sform's");
        double[] a = oblique();
        for (int i = 0; i < 12; i++) {
            assertEquals((float) a[i], (float) r.sformMatrix()[i], "sform entry " + i); // stored as float32
            assertEquals(a[i], r.qformMatrix()[i], 1e-5, "qform entry " + i);
        }
        assertEquals("DiceLens writer test", r.descrip);
        assertEquals(2, r.xyzt_units);
        assertFalse(r.hasScaling());
    }

    @Test
    void fiveDimensionalVectorHeaderKeepsItsDims() throws Exception {
        NiftiHeader h = header(4, 3, 2);
        h.dim = new long[] {5, 4, 3, 2, 1, 3, 1, 1};
        h.intent_code = 1007; // NIFTI_INTENT_VECTOR
        Object[] data = {values(NiftiDatatype.FLOAT32, 24, 0), values(NiftiDatatype.FLOAT32, 24, 1),
            values(NiftiDatatype.FLOAT32, 24, 2)};
        Path f = dir.resolve("vec.nii");
        NiftiWriter.write(f, h, NiftiDatatype.FLOAT32, data);
        NiftiVolume v = NiftiReader.read(f);
        assertArrayEquals(new long[] {5, 4, 3, 2, 1, 3, 1, 1}, v.header().dim);
        assertEquals(1007, v.header().intent_code);
        assertEquals(3, v.channels());
        assertArrayEquals((float[]) data[2], v.channelAsFloat(2));
    }

    @Test
    void doubleInputIsRoundedToFloat32() throws Exception {
        double[] d = {0.1, 1e-30, -2.5, 1.0 / 3, 7, 8};
        Path f = dir.resolve("d.nii");
        NiftiWriter.write(f, header(3, 2, 1), NiftiDatatype.FLOAT32, (Object) d);
        float[] r = NiftiReader.read(f).channelAsFloat(0);
        for (int i = 0; i < d.length; i++) {
            assertEquals((float) d[i], r[i]);
        }
    }

    /** Hand-worked: diag(-2,3,4) is improper, so qfac = -1 and the third column flips to diag(-1,1,-1): q = (0,1,0). */
    @Test
    void quaternionOfAFlippedAxisMatchesHandWork() {
        NiftiHeader h = new NiftiHeader();
        h.setAffine(new double[] {-2, 0, 0, 10, 0, 3, 0, 20, 0, 0, 4, 30, 0, 0, 0, 1}, 1);
        assertEquals(0, h.quatern_b, 1e-12);
        assertEquals(1, h.quatern_c, 1e-12);
        assertEquals(0, h.quatern_d, 1e-12);
        assertEquals(-1, h.pixdim[0]);
        assertArrayEquals(new double[] {2, 3, 4}, new double[] {h.pixdim[1], h.pixdim[2], h.pixdim[3]}, 1e-12);
        assertArrayEquals(new double[] {10, 20, 30}, new double[] {h.qoffset_x, h.qoffset_y, h.qoffset_z});
        assertArrayEquals(new double[] {-2, 0, 0, 10, 0, 3, 0, 20, 0, 0, 4, 30, 0, 0, 0, 1}, h.qformMatrix(), 1e-12);
    }

    /** Hand-worked: a 90-degree turn about z has a = cos 45°, d = sin 45°, b = c = 0, qfac = 1. */
    @Test
    void quaternionOfAQuarterTurnMatchesHandWork() {
        NiftiHeader h = new NiftiHeader();
        h.setAffine(new double[] {0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, 2);
        assertEquals(0, h.quatern_b, 1e-12);
        assertEquals(0, h.quatern_c, 1e-12);
        assertEquals(Math.sqrt(0.5), h.quatern_d, 1e-12);
        assertEquals(1, h.pixdim[0]);
        assertEquals(2, h.qform_code);
        assertEquals(2, h.sform_code);
    }

    @Test
    void headerWithBothTransformsKeepsItsOwnQform() throws Exception {
        NiftiHeader h = header(2, 2, 2);
        h.qform_code = 1;
        h.quatern_b = 0;
        h.quatern_c = 1;
        h.quatern_d = 0;
        h.qoffset_x = 5;
        h.pixdim = new double[] {-1, 2, 2, 2, 0, 0, 0, 0};
        h.sform_code = 4;
        h.srow_x = new double[] {1, 0, 0, 0};
        h.srow_y = new double[] {0, 1, 0, 0};
        h.srow_z = new double[] {0, 0, 1, 0};
        Path f = dir.resolve("both.nii.gz");
        NiftiWriter.write(f, h, NiftiDatatype.UINT8, (Object) new float[8]);
        NiftiHeader r = NiftiReader.readHeader(f);
        assertEquals(1, r.qform_code);
        assertEquals(4, r.sform_code);
        assertArrayEquals(new double[] {-2, 0, 0, 5, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1}, r.qformMatrix(), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, r.sformMatrix());
    }

    @Test
    void qformOnlyGivesTheSform() throws Exception {
        NiftiHeader h = header(2, 2, 2);
        h.qform_code = 3;
        h.quatern_d = Math.sqrt(0.5); // quarter turn about z
        h.pixdim = new double[] {1, 1.5, 2, 3, 0, 0, 0, 0};
        h.qoffset_z = -9;
        Path f = dir.resolve("q.nii");
        NiftiWriter.write(f, h, NiftiDatatype.INT16, (Object) new float[8]);
        NiftiHeader r = NiftiReader.readHeader(f);
        assertEquals(3, r.qform_code);
        assertEquals(3, r.sform_code);
        assertArrayEquals(new double[] {0, -2, 0, 0, 1.5, 0, 0, 0, 0, 0, 3, -9, 0, 0, 0, 1}, r.sformMatrix(), 1e-6);
        assertArrayEquals(r.sformMatrix(), r.qformMatrix(), 1e-6);
    }

    @Test
    void noTransformGivesPixdimWithCodeOne() throws Exception {
        NiftiHeader h = header(2, 2, 2);
        h.pixdim = new double[] {0, 1.5, 2, 3, 0, 0, 0, 0};
        Path f = dir.resolve("p.nii");
        NiftiWriter.write(f, h, NiftiDatatype.FLOAT32, (Object) new float[8]);
        NiftiHeader r = NiftiReader.readHeader(f);
        assertEquals(1, r.qform_code);
        assertEquals(1, r.sform_code);
        assertArrayEquals(new double[] {1.5, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 0, 0, 1}, r.sformMatrix());
        assertArrayEquals(r.sformMatrix(), r.qformMatrix(), 1e-12);
    }

    @Test
    void failedWriteLeavesThePreviousFileIntactAndNoTemporaryFile() throws Exception {
        Path f = dir.resolve("keep.nii.gz");
        NiftiWriter.write(f, header(2, 2, 1), NiftiDatatype.UINT8, (Object) new float[] {1, 2, 3, 4});
        byte[] before = Files.readAllBytes(f);
        NiftiException e = assertThrows(NiftiException.class,
                () -> NiftiWriter.write(f, header(2, 2, 1), NiftiDatatype.UINT8, (Object) new float[] {1, 2, 300, 4}));
        assertEquals("datatype", e.field());
        assertTrue(e.getMessage().contains("300.0") && e.getMessage().contains("voxel 2"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "only the target remains: no temporary file left behind");
        }
    }

    /** The written file gets the same permissions as any new file here (the umask's), not a temp file's 0600. */
    @Test
    void writtenFileHasDefaultPermissions() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path f = dir.resolve("perm.nii");
        NiftiWriter.write(f, header(1, 1, 1), NiftiDatatype.UINT8, (Object) new float[1]);
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f));
    }

    @Test
    void valuesThatDoNotFitAreRefused() {
        Path f = dir.resolve("bad.nii");
        assertThrows(NiftiException.class,
                () -> NiftiWriter.write(f, header(2, 1, 1), NiftiDatatype.INT16, (Object) new double[] {0, 40000}));
        assertThrows(NiftiException.class,
                () -> NiftiWriter.write(f, header(2, 1, 1), NiftiDatatype.UINT8, (Object) new double[] {0, -1}));
        assertThrows(NiftiException.class,
                () -> NiftiWriter.write(f, header(2, 1, 1), NiftiDatatype.UINT8, (Object) new float[] {0.5f, 1}));
        assertThrows(NiftiException.class,
                () -> NiftiWriter.write(f, header(2, 1, 1), NiftiDatatype.INT16, (Object) new float[] {Float.NaN, 1}));
        assertFalse(Files.exists(f));
    }

    @Test
    void refusesOtherNamesAndDatatypes() throws IOException {
        assertThrows(NiftiException.class,
                () -> NiftiWriter.write(dir.resolve("x.hdr"), header(1, 1, 1), NiftiDatatype.UINT8, (Object) new float[1]));
        assertThrows(NiftiException.class,
                () -> NiftiWriter.write(dir.resolve("x.nii"), header(1, 1, 1), NiftiDatatype.FLOAT64, (Object) new float[1]));
        assertThrows(IllegalArgumentException.class,
                () -> NiftiWriter.write(dir.resolve("x.nii"), header(2, 1, 1), NiftiDatatype.UINT8, (Object) new float[1]));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    /**
     * Independent check of the quaternion code: files written by other tools store both an sform and the qform
     * their writer derived from it. Our nifti_mat44_to_quatern port must find the same quaternion from the sform.
     */
    @Test
    void quaternionFromSformMatchesOtherWriters() throws Exception {
        for (String name : new String[] {"niivue_flair_drawing/FLAIR.nii.gz", "nibabel/example4d.nii.gz",
            "nibabel/anatomical.nii", "sct_spinalcord/t2/t2_seg-manual.nii.gz"}) {
            NiftiHeader h = NiftiReader.readHeader(org.dicelens.RealData.file(name));
            NiftiHeader mine = h.copy();
            mine.setAffine(h.sformMatrix(), 1);
            assertEquals(h.pixdim[0], mine.pixdim[0], name + " qfac");
            assertEquals(h.quatern_b, mine.quatern_b, 2e-6, name + " b");
            assertEquals(h.quatern_c, mine.quatern_c, 2e-6, name + " c");
            assertEquals(h.quatern_d, mine.quatern_d, 2e-6, name + " d");
        }
    }
}
