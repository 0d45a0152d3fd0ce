package org.dicelens.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reader coverage on small files made by nibabel (not by DiceLens): every datatype little-endian unscaled and
 * big-endian gzipped with scl_slope 0.5 / scl_inter -3, NIfTI-2 in both orders, .hdr/.img pairs (plain, gzipped,
 * NIfTI-2), extensions before vox_offset, 1D/2D/5D/7D shapes and a two-member gzip stream. The files and the
 * expected values in fixtures.tsv come from make_fixtures.py (beside this class in src/test/resources), run with
 * Debian's python3-nibabel 5.0.0: expected values are nibabel's img.get_fdata(), compared bit for bit
 * (so -0.0 and the extremes of each type must come through exactly).
 */
class FixturesTest {
    record Fixture(String name, long[] shape, int datatype, double[] values) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Fixture> fixtures() throws IOException {
        List<Fixture> list = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                FixturesTest.class.getResourceAsStream("fixtures.tsv"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                list.add(new Fixture(f[0], Arrays.stream(f[1].split(",")).mapToLong(Long::parseLong).toArray(),
                        Integer.parseInt(f[2]), Arrays.stream(f[3].split(" ")).mapToDouble(Double::parseDouble).toArray()));
            }
        }
        return list;
    }

    static Path fixture(String name) {
        try {
            return Path.of(FixturesTest.class.getResource("fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsWhatNibabelReads(Fixture fx) throws Exception {
        NiftiVolume v = NiftiReader.read(fixture(fx.name()));
        NiftiHeader h = v.header();
        assertEquals(fx.shape().length, h.dim[0], "dim[0]");
        for (int i = 0; i < fx.shape().length; i++) {
            assertEquals(fx.shape()[i], h.dim[i + 1], "dim[" + (i + 1) + "]");
        }
        assertEquals(fx.datatype(), h.datatype);
        long channels = 1;
        for (int i = 3; i < fx.shape().length; i++) {
            channels *= fx.shape()[i];
        }
        assertEquals(channels, v.channels());
        double[] all = new double[fx.values().length];
        int n = v.voxelsPerChannel();
        for (int c = 0; c < v.channels(); c++) {
            System.arraycopy(v.channelAsDouble(c), 0, all, c * n, n);
            NiftiDatatype t = NiftiDatatype.of(fx.datatype());
            boolean floatExact = !h.hasScaling() && (t == NiftiDatatype.FLOAT32 || t.bytes() <= 2);
            assertEquals(floatExact ? float[].class : double[].class, v.channelArray(c).getClass());
        }
        assertArrayEquals(fx.values(), all);
    }

    @Test
    void pairsOpenFromEitherName() throws Exception {
        for (String[] p : new String[][] {{"pair_be.hdr", "pair_be.img"}, {"pairgz.hdr.gz", "pairgz.img.gz"},
            {"pair_n2.hdr", "pair_n2.img"}}) {
            NiftiVolume a = NiftiReader.read(fixture(p[0]));
            NiftiVolume b = NiftiReader.read(fixture(p[1]));
            assertArrayEquals(a.channelAsDouble(0), b.channelAsDouble(0), p[1]);
            assertEquals(false, a.header().singleFile);
        }
    }

    @Test
    void headerFactsOfTheFixtures() throws Exception {
        NiftiHeader be = NiftiReader.readHeader(fixture("int16_be_scaled.nii.gz"));
        assertEquals(java.nio.ByteOrder.BIG_ENDIAN, be.byteOrder);
        assertEquals(0.5, be.scl_slope);
        assertEquals(-3.0, be.scl_inter);
        NiftiHeader n2 = NiftiReader.readHeader(fixture("n2_be_scaled.nii.gz"));
        assertEquals(2, n2.version);
        assertEquals(540, n2.sizeof_hdr);
        assertEquals(1.0 / 3, n2.scl_inter); // float64 in NIfTI-2: no float32 rounding
        assertEquals("n+2", n2.magic);
        // make_fixtures.py sets this affine as both sform and qform (code 1)
        double[] affine = {-2, 0, 0, 10, 0, 1.5, 0, -20, 0, 0, 3, 5, 0, 0, 0, 1};
        assertArrayEquals(affine, n2.sformMatrix());
        assertArrayEquals(affine, n2.qformMatrix(), 1e-12);
        assertEquals(1007, NiftiReader.readHeader(fixture("vec5d.nii")).intent_code); // nifti1.h NIFTI_INTENT_VECTOR
        NiftiHeader ext = NiftiReader.readHeader(fixture("ext.nii"));
        // 352 + one extension: 8-byte esize/ecode + 138 bytes of text (46 x 3) padded to a multiple of 16 = 160
        assertEquals(352 + 160, ext.vox_offset);
    }
}
