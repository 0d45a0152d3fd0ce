package org.dicelens.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.dicelens.RealData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7's corpus, built here: every header field of real and generated files set to boundary values, truncations
 * at every region boundary, and random byte flips with a fixed seed. Each variant must give a NiftiException naming
 * its file and a field, or a correct read: the shape the (mutated) header states, and values equal to the original
 * file's values in NIfTI order, with the mutated header's scaling applied (all base files are unscaled), differing
 * only at voxels whose bytes were flipped. The timeout only guards against hangs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RobustnessCorpusTest {
    private Path dir;

    @BeforeEach
    void scratch() {
        dir = TestFiles.scratchDir();
    }

    @AfterEach
    void cleanUp() {
        TestFiles.deleteTree(dir);
    }

    private int errors;
    private int reads;
    private int count;

    /** A base file: its uncompressed bytes, whether the corpus stores it gzipped, and its values as nibabel read them. */
    record Base(String name, byte[] plain, boolean gz, double[] values, int datatype, long offset) {
    }

    private List<Base> bases() throws Exception {
        List<Base> bases = new ArrayList<>();
        bases.add(base("gen1", TestFiles.nifti1(5, 4, 3), false));
        bases.add(base("gen1gz", TestFiles.nifti1(5, 4, 3), true));
        bases.add(base("gen2", TestFiles.nifti2(4, 3, 2), false));
        bases.add(base("gen2gz", TestFiles.nifti2(4, 3, 2), true));
        if (RealData.dirOrNull() != null) {
            for (String real : new String[] {"nibabel/anatomical.nii", "nibabel/standard.nii.gz",
                "nibabel/example_nifti2.nii.gz", "sct_spinalcord/mt/mt1_gmseg_goldstandard.nii.gz"}) {
                Path p = RealData.file(real);
                byte[] raw = Files.readAllBytes(p);
                boolean gz = (raw[0] & 0xFF) == 0x1f && (raw[1] & 0xFF) == 0x8b;
                bases.add(base(p.getFileName().toString(), gz ? gunzip(raw) : raw, gz));
            }
        }
        return bases;
    }

    private Base base(String name, byte[] plain, boolean gz) throws Exception {
        Path f = write(name + (gz ? ".nii.gz" : ".nii"), gz ? gzip(plain) : plain);
        NiftiVolume v = NiftiReader.read(f);
        assertTrue(!v.header().hasScaling(), "corpus bases are unscaled");
        return new Base(name, plain, gz, flat(v), v.header().datatype, v.header().vox_offset);
    }

    @Test
    void headerMutationsGiveAnErrorOrACorrectRead() throws Exception {
        for (Base b : bases()) {
            if (b.name().startsWith("gen") && b.gz()) {
                continue; // the real .nii.gz bases cover gzipped headers; keeps the suite fast
            }
            ByteOrder order = order(b.plain());
            boolean v2 = ByteBuffer.wrap(b.plain()).order(order).getInt(0) == 540;
            for (HeaderFields.Mutation m : HeaderFields.mutations(v2 ? HeaderFields.NIFTI2 : HeaderFields.NIFTI1, order)) {
                byte[] bytes = b.plain().clone();
                m.applyTo(bytes);
                check(b, bytes, b.name() + " " + m.label(), new TreeSet<>());
            }
        }
        // both outcomes must be common, with or without the real files (then only the generated bases run)
        assertTrue(errors > (errors + reads) / 20 && reads > (errors + reads) / 20, "the corpus exercises both outcomes: "
                + errors + " errors, " + reads
                + " reads");
    }

    @Test
    void truncationsAtEveryRegionBoundaryAreErrors() throws Exception {
        for (Base b : bases()) {
            int hdr = ByteBuffer.wrap(b.plain()).order(order(b.plain())).getInt(0);
            int off = (int) Math.max(b.offset(), hdr + 4);
            int len = b.plain().length;
            int[] cuts = {0, 1, 3, 4, 100, hdr - 1, hdr, hdr + 3, off - 1, off, off + 1, off + (len - off) / 2, len - 1};
            for (int cut : cuts) {
                byte[] t = java.util.Arrays.copyOf(b.plain(), Math.max(0, Math.min(cut, len - 1)));
                expectError(write("cut.nii", t), b.name() + " plain cut at " + cut);
                expectError(write("cutgz.nii.gz", gzip(t)), b.name() + " cut at " + cut + ", then gzipped");
            }
            byte[] gz = gzip(b.plain());
            int[] gzCuts = {1, 2, 9, 10, 11, gz.length / 4, gz.length / 2, gz.length - 9, gz.length - 8, gz.length - 5,
                gz.length - 4, gz.length - 1};
            for (int cut : gzCuts) {
                expectError(write("gzcut.nii.gz", java.util.Arrays.copyOf(gz, cut)), b.name() + " gzip cut at " + cut);
            }
        }
    }

    @Test
    void randomByteFlipsGiveAnErrorOrACorrectRead() throws Exception {
        Random r = new Random(7_000_007);
        for (Base b : bases()) {
            for (int k = 0; k < 100; k++) {
                byte[] bytes = b.plain().clone();
                TreeSet<Integer> flipped = new TreeSet<>();
                int flips = 1 + r.nextInt(8);
                // half the variants flip header bytes only, half anywhere
                int hdr = ByteBuffer.wrap(bytes).order(order(bytes)).getInt(0) + 4;
                int range = k % 2 == 0 ? Math.min(bytes.length, hdr) : bytes.length;
                for (int i = 0; i < flips; i++) {
                    int at = r.nextInt(range);
                    bytes[at] ^= (byte) (1 + r.nextInt(255));
                    flipped.add(at);
                }
                check(b, bytes, b.name() + " flips at " + flipped, flipped);
            }
            byte[] gz = gzip(b.plain());
            for (int k = 0; k < 40; k++) { // flips in the compressed stream: an error, or (gzip header fields) the same data
                byte[] bytes = gz.clone();
                int at = r.nextInt(bytes.length);
                bytes[at] ^= (byte) (1 + r.nextInt(255));
                Path f = write("flip.nii.gz", bytes);
                try {
                    NiftiVolume v = NiftiReader.read(f);
                    assertEquals(b.values().length, flat(v).length, "gzip flip at " + at);
                    assertTrue(java.util.Arrays.equals(b.values(), flat(v)), "gzip flip at " + at + " read other values");
                    reads++;
                } catch (NiftiException e) {
                    documented(e, f, "gzip flip at " + at);
                }
            }
        }
        assertTrue(errors > (errors + reads) / 20 && reads > (errors + reads) / 20, errors + " errors, " + reads + " reads");
    }

    /** Writes the variant (gzipped when the base is), reads it, and checks the outcome. */
    private void check(Base b, byte[] bytes, String what, TreeSet<Integer> flipped) throws IOException {
        Path f = write("v" + (count++ % 4) + (b.gz() ? ".nii.gz" : ".nii"), b.gz() ? gzip(bytes) : bytes);
        NiftiVolume v;
        try {
            v = NiftiReader.read(f);
        } catch (NiftiException e) {
            documented(e, f, what);
            return;
        }
        reads++;
        NiftiHeader h = v.header();
        long perChannel = 1;
        for (int i = 1; i <= Math.min(3, h.dim[0]); i++) {
            perChannel *= h.dim[i];
        }
        assertEquals(perChannel, v.voxelsPerChannel(), what);
        assertEquals(h.channels(), v.channels(), what);
        long start = h.vox_offset == 0 ? (h.version == 1 ? 352 : 544) : h.vox_offset;
        if (h.datatype != b.datatype() || start != Math.max(b.offset(), h.version == 1 ? 352 : 544)) {
            return; // a different but valid layout: nothing to compare values with
        }
        double[] got = flat(v);
        assertTrue(got.length <= b.values().length, what);
        int size = NiftiDatatype.of(b.datatype()).bytes();
        for (int i = 0; i < got.length; i++) {
            double expected = b.values()[i];
            if (h.hasScaling()) { // as nibabel: multiply unless the slope is 1, add unless the intercept is 0
                if (h.scl_slope != 1) {
                    expected *= h.scl_slope;
                }
                if (h.scl_inter != 0) {
                    expected += h.scl_inter;
                }
            }
            if (Double.compare(expected, got[i]) != 0) {
                long from = start + (long) i * size;
                Integer hit = flipped.ceiling((int) from);
                if (hit == null || hit >= from + size) {
                    fail(what + ": value " + i + " is " + got[i] + ", expected " + expected);
                }
            }
        }
    }

    private void expectError(Path f, String what) {
        try {
            NiftiReader.read(f);
            fail(what + ": read a truncated file without error");
        } catch (NiftiException e) {
            documented(e, f, what);
        }
    }

    /** The documented exception: names the file and (the file being a regular file) a header field. */
    private void documented(NiftiException e, Path f, String what) {
        errors++;
        assertEquals(f, e.file(), what);
        assertNotNull(e.field(), what + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith(f + ": " + e.field() + ": "), what + ": " + e.getMessage());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    static ByteOrder order(byte[] b) {
        int le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        return le == 348 || le == 540 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    }

    static double[] flat(NiftiVolume v) {
        int n = v.voxelsPerChannel();
        double[] all = new double[n * v.channels()];
        for (int c = 0; c < v.channels(); c++) {
            System.arraycopy(v.channelAsDouble(c), 0, all, c * n, n);
        }
        return all;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            g.write(data);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }
}
