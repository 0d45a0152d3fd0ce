package org.dicelens.nifti;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * Jazzer fuzz test of the reader: any bytes, as a .nii and as a .hdr/.img pair, must read into a volume whose
 * shape matches its header, or fail with a NiftiException naming a field. Anything else (a RuntimeException, an
 * Error, a hang) is a finding.
 * <p>In the normal suite (no JAZZER_FUZZ) Jazzer runs in regression mode: each method replays the seeds and past
 * findings in src/test/resources/org/dicelens/nifti/NiftiReaderFuzzTestInputs/&lt;method&gt;/ plus an empty input,
 * without the agent, in well under a second. Fuzzing needs JAZZER_FUZZ=1 and one method selected, e.g.
 * {@code JAZZER_FUZZ=1 mvn -o test -Dtest='NiftiReaderFuzzTest#readAnyBytes'} (5 s) or
 * {@code -Dtest='NiftiReaderFuzzTest#readAnyBytesLong'} (10 min); see docs/ROBUSTNESS.md.
 */
class NiftiReaderFuzzTest {
    private static final Path DIR;

    static {
        try {
            Path shm = Path.of("/dev/shm"); // memory-backed where there is one: three file writes per input
            DIR = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "dicelens-fuzz")
                    : Files.createTempDirectory("dicelens-fuzz");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * In regression mode (no JAZZER_FUZZ) Jazzer 0.22 still installs its agent, which then instruments every class
     * loaded afterwards in this JVM, slowing the rest of the suite; the seeds need no hooks, so turn them off.
     */
    @BeforeAll
    static void noAgentHooksInRegressionMode() {
        String fuzz = System.getenv("JAZZER_FUZZ");
        if (fuzz == null || fuzz.isEmpty()) {
            System.setProperty("jazzer.hooks", "false");
        }
    }

    @FuzzTest(maxDuration = "5s")
    void readAnyBytes(byte[] data) throws IOException {
        survives(data);
    }

    /** The same target for long runs on demand (fuzzing mode only; in regression mode it replays its seeds). */
    @FuzzTest(maxDuration = "10m")
    void readAnyBytesLong(byte[] data) throws IOException {
        survives(data);
    }

    static void survives(byte[] data) throws IOException {
        Path nii = Files.write(DIR.resolve("fuzz.nii"), data);
        Path hdr = Files.write(DIR.resolve("fuzz.hdr"), data);
        Path img = Files.write(DIR.resolve("fuzz.img"), data); // a pair whose header and image are the same bytes
        try {
            for (Path f : new Path[] {nii, hdr}) {
                try {
                    NiftiVolume v = NiftiReader.read(f);
                    NiftiHeader h = v.header();
                    if (v.channels() != h.channels() || v.voxelsPerChannel() != (long) h.nx() * h.ny() * h.nz()) {
                        throw new AssertionError("shape differs from the header: " + v.channels() + " x "
                                + v.voxelsPerChannel());
                    }
                    for (int c = 0; c < v.channels(); c++) {
                        Object a = v.channelArray(c);
                        int len = a instanceof float[] fa ? fa.length : ((double[]) a).length;
                        if (len != v.voxelsPerChannel()) {
                            throw new AssertionError("channel " + c + " has " + len + " values");
                        }
                    }
                } catch (NiftiException e) {
                    if (e.field() == null || !e.getMessage().startsWith(e.file() + ": ")) {
                        throw new AssertionError("undocumented error: " + e.getMessage(), e);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(nii);
            Files.deleteIfExists(hdr);
            Files.deleteIfExists(img);
        }
    }
}
