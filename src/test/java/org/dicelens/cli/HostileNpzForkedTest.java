package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dicelens.npz.TestNpy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile nnU-Net archives given to the real command line in a separate JVM with a 64 MiB heap (issue 15): a declared
 * shape of 10^12 elements, a zip bomb (100 MB of zeros in 100 KB, more than the whole heap), a truncated archive and
 * an object (pickle) array. {@code evaluate} and {@code info} must each print one {@code error:} line naming the file and
 * exit 2 (the CLI's code for bad input), never run out of memory, and write nothing (no {@code --out}, the folder's
 * files untouched). The in-process fuzz test checks the readers; this checks the whole program under a small heap.
 */
class HostileNpzForkedTest {
    static final int NX = 6;
    static final int NY = 5;
    static final int NZ = 4;
    static final int C = 3;

    @TempDir
    static Path dir;
    static Path reference;

    @BeforeAll
    static void reference() throws IOException {
        float[] labels = new float[NX * NY * NZ];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % C;
        }
        reference = TinyNifti.write(dir.resolve("ref.nii.gz"), NX, NY, NZ, new double[] {1, 1, 1}, TinyNifti.UINT8,
                labels);
    }

    /** What one forked run printed and how it ended. */
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), "org.dicelens.Main"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("hostile-npz", ".out");
        Path err = Files.createTempFile("hostile-npz", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the command did not end: " + cmd);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Every file of the folder with its size and modification time (to see that nothing was written or changed). */
    static Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    /** Runs evaluate and info on {@code npz}: one error line naming it, exit 2, no OutOfMemoryError, nothing written. */
    static void refusedCleanly(Path npz, String why) throws Exception {
        Map<String, String> before = snapshot();
        Path report = dir.resolve(npz.getFileName() + "-report.json");
        Run eval = run("evaluate", "--reference", reference.toString(), "--prediction", npz.toString(), "--out",
                report.toString(), "-q");
        Run info = run("info", npz.toString());
        for (Run r : List.of(eval, info)) {
            String all = r.out() + r.err();
            assertFalse(all.contains("OutOfMemoryError"), why + ": " + all);
            assertFalse(all.contains("Exception in thread"), why + ": " + all);
            assertEquals(2, r.exit(), why + ": exit code for bad input; stderr: " + r.err());
            List<String> lines = r.err().strip().lines().toList();
            assertEquals(1, lines.size(), why + ": one line on stderr: " + r.err());
            assertTrue(lines.get(0).startsWith("error: "), why + ": " + lines.get(0));
            assertTrue(lines.get(0).contains(npz.getFileName().toString()), why + ": names the file: " + lines.get(0));
            assertEquals("", r.out(), why + ": nothing on stdout");
        }
        assertFalse(Files.exists(report), why + ": no report written");
        assertEquals(before, snapshot(), why + ": the folder's files are untouched");
    }

    static byte[] header(String descr, long... shape) {
        return TestNpy.npy(TestNpy.dict(descr, false, shape), new byte[0]);
    }

    @Test
    void aDeclaredShapeOfTenToTheTwelveIsRefusedBeforeAllocating() throws Exception {
        byte[] npy = TestNpy.npy(TestNpy.dict("<f4", false, 10_000, 10_000, 10_000), new byte[64]);
        Path f = Files.write(dir.resolve("huge.npz"), TestNpy.zip(Map.of("probabilities.npy", npy), true));
        refusedCleanly(f, "10^12 elements");
    }

    @Test
    void aZipBombIsRefusedWithoutInflatingIt() throws Exception {
        // 100 MB of float32 zeros deflate to about 100 KB; inflated whole they would not fit in the 64 MiB heap
        long[] shape = {C, 1024, 1024, 8};
        long bytes = 4L * C * 1024 * 1024 * 8;
        Path f = dir.resolve("bomb.npz");
        try (OutputStream os = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry("probabilities.npy"));
            z.write(header("<f4", shape));
            byte[] zeros = new byte[1 << 20];
            for (long w = 0; w < bytes; w += zeros.length) {
                z.write(zeros, 0, (int) Math.min(zeros.length, bytes - w));
            }
            z.closeEntry();
        }
        assertTrue(Files.size(f) < 1_000_000, "a bomb: " + Files.size(f) + " bytes on disk");
        refusedCleanly(f, "zip bomb");
    }

    @Test
    void aTruncatedArchiveIsRefused() throws Exception {
        float[] p = new float[C * NX * NY * NZ];
        java.util.Arrays.fill(p, 1f / C);
        byte[] whole = TestNpy.zip(Map.of("probabilities.npy", TestNpy.f4(p, C, NZ, NY, NX)), false);
        Path f = Files.write(dir.resolve("truncated.npz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        refusedCleanly(f, "truncated");
    }

    @Test
    void anObjectArrayIsRefusedWithoutUnpickling() throws Exception {
        // a pickle that would run os.system if it were unpickled: it must never be
        byte[] pickle = "cos\nsystem\n(S'touch pwned'\ntR.".getBytes(StandardCharsets.ISO_8859_1);
        byte[] npy = TestNpy.npy(TestNpy.dict("|O", false, 2), pickle);
        Path f = Files.write(dir.resolve("object.npz"), TestNpy.zip(Map.of("probabilities.npy", npy), true));
        refusedCleanly(f, "object array");
    }
}
