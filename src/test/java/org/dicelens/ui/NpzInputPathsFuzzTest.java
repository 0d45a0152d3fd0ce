package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.npz.TestNpy;
import org.dicelens.volume.formats.InputFormats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Truncated, corrupt and hostile nnU-Net archives through every wired path: the input-format registry, the viewer's
 * case loader and {@code evaluate} (in process, with --out). The promise: each either reads, or fails with one line
 * (exit code 2) naming the .npz; never an internal error (exit 1), never an unnamed or other exception, never a
 * report written for a refused case, never a change to an input file. Seeded: every truncation at an 11-byte step and
 * random 1-3 byte flips of a valid archive (stored and deflated), with and without CASE.nii.gz beside it; then named
 * hostile archives (wrong header, huge declared shape, zip bomb, object array, a pickle).
 */
class NpzInputPathsFuzzTest {
    private static final int NX = 6;
    private static final int NY = 5;
    private static final int NZ = 4;
    private static final int N = NX * NY * NZ;

    @TempDir
    Path dir;
    private Path ref;
    private byte[] refBytes;
    private byte[] npy;

    @BeforeEach
    void setUp() throws Exception {
        Random r = new Random(3);
        float[] labels = new float[N];
        float[] flat = new float[3 * N];
        for (int i = 0; i < N; i++) {
            labels[i] = r.nextInt(3);
            float a = r.nextFloat();
            float b = (1 - a) * r.nextFloat();
            flat[i] = a;
            flat[N + i] = b;
            flat[2 * N + i] = 1 - a - b;
        }
        ref = dir.resolve("labelsTs").resolve("case_01.nii.gz");
        Files.createDirectories(ref.getParent());
        NiftiWriter.write(ref, RegionFixture6x5x4.header(), NiftiDatatype.UINT8, labels);
        refBytes = Files.readAllBytes(ref);
        npy = TestNpy.f4(flat, 3, NZ, NY, NX);
    }

    /** A folder holding the archive as CASE.npz, with nnU-Net's segmentation CASE.nii.gz beside it or not. */
    private Path place(byte[] archive, boolean neighbour, String tag) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out-" + tag + (neighbour ? "-grid" : "")));
        if (neighbour && !Files.exists(out.resolve("case_01.nii.gz"))) {
            Files.copy(ref, out.resolve("case_01.nii.gz"));
        }
        return Files.write(out.resolve("case_01.npz"), archive);
    }

    @Test
    void mutatedArchivesReadOrFailByNameOnEveryPath() throws Exception {
        Random rnd = new Random(20261204);
        int refused = 0;
        int read = 0;
        for (boolean deflate : new boolean[] {false, true}) {
            byte[] whole = TestNpy.zip(Map.of("probabilities.npy", npy), deflate);
            List<byte[]> mutants = new ArrayList<>();
            for (int n = 0; n < whole.length; n += 11) {
                mutants.add(java.util.Arrays.copyOf(whole, n));
            }
            for (int t = 0; t < 100; t++) {
                byte[] b = whole.clone();
                for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
                }
                mutants.add(b);
            }
            for (int m = 0; m < mutants.size(); m++) {
                boolean ok = survives(mutants.get(m), m % 2 == 0, "fuzz");
                refused += ok ? 0 : 1;
                read += ok ? 1 : 0;
            }
        }
        assertTrue(refused > 80, "most mutants are refused: " + refused);
        assertTrue(read > 0, "some flips land in the data and still read: " + read);
    }

    @Test
    void hostileArchivesAreRefusedWithTheReason() throws Exception {
        byte[] wrongMagic = npy.clone();
        wrongMagic[1] = 'X';
        refuse(TestNpy.zip(Map.of("probabilities.npy", wrongMagic), true), "NUMPY");
        byte[] data = new byte[24];
        refuse(TestNpy.zip(Map.of("probabilities.npy", TestNpy.npy(TestNpy.dict("<f4", false, 1L << 40, 1L << 40, 1, 1),
                data)), true), "than can be counted", "not on the grid");
        refuse(TestNpy.zip(Map.of("probabilities.npy", TestNpy.npy(TestNpy.dict("<f4", false, 1L << 20, NZ, NY, NX),
                data)), false), "probabilities");
        refuse(TestNpy.zip(Map.of("probabilities.npy", TestNpy.npy(TestNpy.dict("|O", false, 3, NZ, NY, NX),
                new byte[] {(byte) 0x80, 4, '.'})), true), "never unpickles");
        refuse(new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0, 0, '}', (byte) 0x94, '.'}, "case_01.npz");
        refuse(TestNpy.zip(Map.of("probabilities.pkl", new byte[] {(byte) 0x80, 4, '.'}), true), "case_01.npz");
        // a zip bomb: 64 MB of zeros (about 64 kB deflated) declared honestly as 16 channels on another grid; with
        // CASE.nii.gz beside it, the declared shape is refused from the header, before anything is inflated
        byte[] bomb = TestNpy.npy(TestNpy.dict("<f4", false, 16, 1024, 32, 32), new byte[64 << 20]);
        byte[] zipped = TestNpy.zip(Map.of("probabilities.npy", bomb), true);
        assertTrue(zipped.length < 1 << 20);
        Path p = place(zipped, true, "bomb");
        try {
            InputFormats.read(p, Progress.NONE);
            fail("the bomb read");
        } catch (InputException e) {
            assertEquals(p, e.file());
            assertTrue(e.getMessage().contains("not on the grid") && e.getMessage().contains("(1024, 32, 32)"),
                    e.getMessage());
        }
        assertFalse(survives(zipped, true, "bomb2"));
        // the same declared shape over 24 bytes of data: the grid check answers from the header, before the data
        // (whose size is also wrong) is read
        Path liar = place(TestNpy.zip(Map.of("probabilities.npy", TestNpy.npy(TestNpy.dict("<f4", false, 16, 1024, 32,
                32), new byte[24])), true), true, "liar");
        Run r = evaluate(liar);
        assertEquals(2, r.exit, r.err);
        assertTrue(r.err.contains("not on the grid") && !r.err.contains("bytes follow"), r.err);
    }

    /** Refused by every path, the message saying one of {@code fragments} (the grid check may come first). */
    private void refuse(byte[] archive, String... fragments) throws Exception {
        for (boolean neighbour : new boolean[] {false, true}) {
            Path npz = place(archive, neighbour, "hostile");
            Run r = evaluate(npz);
            assertEquals(2, r.exit, r.err);
            assertTrue(java.util.Arrays.stream(fragments).anyMatch(r.err::contains), "one of "
                    + java.util.Arrays.toString(fragments) + " in " + r.err);
            assertFalse(survives(archive, neighbour, "hostile"));
        }
    }

    /**
     * Reads {@code archive} as CASE.npz through the registry, the viewer's loader and evaluate; true when it read, false
     * when every path refused it by name. Fails the test on any other outcome.
     */
    private boolean survives(byte[] archive, boolean neighbour, String tag) throws Exception {
        Path npz = place(archive, neighbour, tag);
        String registry = null;
        try {
            InputFormats.read(npz, Progress.NONE);
        } catch (InputException e) {
            registry = named(npz, e);
        }
        String viewer = null;
        try {
            AppWiring.reader().readAll(CaseFiles.of(ref, List.of(npz)), null, Progress.NONE);
        } catch (InputException e) {
            viewer = named(npz, e);
        }
        Run r = evaluate(npz);
        Path report = npz.resolveSibling("report.csv");
        if (r.exit == 0) {
            assertTrue(Files.isRegularFile(report));
            Files.delete(report);
        } else {
            assertEquals(2, r.exit, "exit code for a bad input: " + r.err);
            assertEquals(1, r.err.lines().filter(l -> !l.isBlank()).count(), "one line: " + r.err);
            assertTrue(r.err.contains(npz.toString()), "names the file: " + r.err);
            assertFalse(Files.exists(report), "nothing written for a refused case");
            assertTrue(viewer != null, "evaluate refused what the viewer read: " + r.err);
        }
        assertEquals(r.exit != 0, viewer != null, "the viewer's loader and evaluate agree: " + viewer + " / " + r.err);
        assertArrayEquals(refBytes, Files.readAllBytes(ref));
        assertArrayEquals(archive, Files.readAllBytes(npz));
        if (registry != null && viewer == null) {
            fail("the registry refused what the viewer read: " + registry);
        }
        return viewer == null;
    }

    private static String named(Path npz, InputException e) {
        assertEquals(npz, e.file(), "the exception names the archive: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(npz.toString()), e.getMessage());
        return e.getMessage();
    }

    private record Run(int exit, String err) {
    }

    private Run evaluate(Path npz) {
        CommandLine cl = org.dicelens.cli.DiceLensCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("evaluate", "--reference", ref.toString(), "--prediction", npz.toString(), "--format", "csv",
                "--out", npz.resolveSibling("report.csv").toString(), "-q");
        return new Run(code, err.toString());
    }

    /** The reference's header: 6 × 5 × 4 voxels of 1 × 1 × 2 mm. */
    private static final class RegionFixture6x5x4 {
        static org.dicelens.nifti.NiftiHeader header() {
            org.dicelens.nifti.NiftiHeader h = new org.dicelens.nifti.NiftiHeader();
            h.dim = new long[] {3, NX, NY, NZ, 1, 1, 1, 1};
            h.pixdim = new double[] {1, 1, 1, 2, 1, 1, 1, 1};
            h.xyzt_units = 2;
            return h;
        }
    }
}
