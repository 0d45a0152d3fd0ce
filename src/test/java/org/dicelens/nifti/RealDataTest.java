package org.dicelens.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dicelens.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every NIfTI file under ../shared/realdata reads with the values nibabel gives. The expected figures in
 * realdata-nibabel.tsv (beside this class in src/test/resources) were computed independently with Debian's
 * python3-nibabel 5.0.0 and numpy 1.24 by nibabel_figures.py in the same folder:
 * {@code /usr/bin/python3 nibabel_figures.py /work/shared/realdata > realdata-nibabel.tsv}
 * (header fields from the file's own header, values from img.get_fdata(), i.e. after scl_slope/scl_inter).
 */
class RealDataTest {
    /** One line of the table. */
    record Row(String file, int version, String order, int datatype, long[] dim, double[] pixdim, long voxOffset,
            double slope, double inter, int qformCode, int sformCode, double[] quatern, double[] srow, int units,
            double min, double max, double sum, long nonZero, String probes) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RealDataTest.class.getResourceAsStream("realdata-nibabel.tsv"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.add(new Row(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), longs(f[4]), doubles(f[5]),
                        Long.parseLong(f[6]), num(f[7]), num(f[8]), Integer.parseInt(f[9]), Integer.parseInt(f[10]),
                        doubles(f[11]), doubles(f[12]), Integer.parseInt(f[13]), num(f[14]), num(f[15]), num(f[16]),
                        Long.parseLong(f[17]), f[18]));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void headerMatchesNibabel(Row row) throws Exception {
        NiftiHeader h = NiftiReader.readHeader(RealData.file(row.file()));
        assertEquals(row.version(), h.version, "version");
        assertEquals(row.order().equals("BE") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, h.byteOrder, "byte order");
        assertEquals(row.datatype(), h.datatype, "datatype");
        assertArrayEquals(row.dim(), h.dim, "dim");
        assertArrayEquals(row.pixdim(), h.pixdim, "pixdim");
        assertEquals(row.voxOffset(), h.vox_offset, "vox_offset");
        assertEquals(row.slope(), h.scl_slope, "scl_slope");
        assertEquals(row.inter(), h.scl_inter, "scl_inter");
        assertEquals(row.qformCode(), h.qform_code, "qform_code");
        assertEquals(row.sformCode(), h.sform_code, "sform_code");
        assertArrayEquals(row.quatern(),
                new double[] {h.quatern_b, h.quatern_c, h.quatern_d, h.qoffset_x, h.qoffset_y, h.qoffset_z}, "quatern");
        double[] srow = new double[12];
        System.arraycopy(h.srow_x, 0, srow, 0, 4);
        System.arraycopy(h.srow_y, 0, srow, 4, 4);
        System.arraycopy(h.srow_z, 0, srow, 8, 4);
        assertArrayEquals(row.srow(), srow, "srow_x/y/z");
        assertEquals(row.units(), h.xyzt_units, "xyzt_units");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void valuesMatchNibabel(Row row) throws Exception {
        NiftiVolume v = NiftiReader.read(RealData.file(row.file()));
        long perChannel = v.voxelsPerChannel();
        assertEquals(row.dim()[1] * Math.max(1, row.dim()[2]) * Math.max(1, row.dim()[3]), perChannel);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long nonZero = 0;
        for (int c = 0; c < v.channels(); c++) {
            boolean floatExact = !v.header().hasScaling() && (row.datatype() == 16 || row.datatype() == 2
                    || row.datatype() == 4 || row.datatype() == 256 || row.datatype() == 512);
            assertEquals(floatExact ? float[].class : double[].class, v.channelArray(c).getClass(), "storage of channel " + c);
            double[] d = v.channelAsDouble(c);
            for (double x : d) {
                min = Math.min(min, x);
                max = Math.max(max, x);
                sum += x;
                nonZero += x != 0 ? 1 : 0;
            }
        }
        assertEquals(row.min(), min, "min");
        assertEquals(row.max(), max, "max");
        // numpy sums pairwise, we sum in order: the same up to rounding
        assertEquals(row.sum(), sum, Math.abs(row.sum()) * 1e-12, "sum");
        assertEquals(row.nonZero(), nonZero, "non-zero count");
        for (String probe : row.probes().split(" ")) {
            long flat = Long.parseLong(probe.substring(0, probe.indexOf(':')));
            double expected = num(probe.substring(probe.indexOf(':') + 1));
            assertEquals(expected, v.get((int) (flat / perChannel), (int) (flat % perChannel)), "voxel " + flat);
        }
    }

    /** Every NIfTI file under realdata has a line in the table, so a new file cannot go unchecked. */
    @Test
    void everyRealDataFileIsInTheTable() throws IOException {
        Path dir = RealData.dirOrNull();
        assumeTrue(dir != null, "../shared/realdata is absent: skipping");
        Set<String> listed = rows().stream().map(Row::file).collect(Collectors.toCollection(TreeSet::new));
        Set<String> found;
        try (Stream<Path> s = Files.walk(dir)) {
            found = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(n -> n.matches(".*\\.(nii|hdr|img)(\\.gz)?$") && !n.matches(".*\\.img(\\.gz)?$"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(found, listed);
        assertTrue(found.size() >= 72, "expected the 72 NIfTI files of realdata, found " + found.size());
    }

    private static double num(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    private static double[] doubles(String s) {
        String[] p = s.split(",");
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            d[i] = num(p[i]);
        }
        return d;
    }

    private static long[] longs(String s) {
        String[] p = s.split(",");
        long[] d = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            d[i] = Long.parseLong(p[i]);
        }
        return d;
    }
}
