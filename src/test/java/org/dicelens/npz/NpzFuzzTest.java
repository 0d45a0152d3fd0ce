package org.dicelens.npz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dicelens.common.InputException;
import org.junit.jupiter.api.BeforeAll;

/**
 * Jazzer fuzz test of the .npz and .npy readers (as NiftiReaderFuzzTest for NIfTI): any bytes must read into an
 * array whose slabs match its declared shape, or fail with an InputException naming the file. Anything else (a
 * RuntimeException, an Error, a hang, an OutOfMemoryError) is a finding. The cap is 64 MiB so that a hostile
 * shape can never be honoured. Regression mode replays the seeds in NpzFuzzTestInputs/; fuzzing:
 * {@code JAZZER_FUZZ=1 mvn -o test -Dtest='NpzFuzzTest#readAnyBytes'}.
 */
class NpzFuzzTest {
    static final long CAP = 64L << 20;

    @BeforeAll
    static void noAgentHooksInRegressionMode() {
        String fuzz = System.getenv("JAZZER_FUZZ");
        if (fuzz == null || fuzz.isEmpty()) {
            System.setProperty("jazzer.hooks", "false");
        }
    }

    @FuzzTest(maxDuration = "5s")
    void readAnyBytes(byte[] data) throws IOException {
        Path dir = Files.createTempDirectory("dicelens-npz-fuzz");
        try {
            survives(Files.write(dir.resolve("f.npz"), data));
            survives(Files.write(dir.resolve("f.npy"), data));
        } finally {
            Files.deleteIfExists(dir.resolve("f.npz"));
            Files.deleteIfExists(dir.resolve("f.npy"));
            Files.deleteIfExists(dir);
        }
    }

    /** The same target for long runs on demand (fuzzing mode only; in regression mode it replays its seeds). */
    @FuzzTest(maxDuration = "10m")
    void readAnyBytesLong(byte[] data) throws IOException {
        readAnyBytes(data);
    }

    /** Reads {@code file} as .npz (every key) or .npy; a result must be consistent, a failure a named InputException. */
    static void survives(Path file) {
        try {
            if (file.toString().endsWith(".npy")) {
                check(NpyReader.read(file, CAP, null));
            } else {
                for (String key : NpzReader.keys(file)) {
                    check(NpzReader.read(file, key, CAP, null));
                }
            }
        } catch (InputException e) {
            if (!e.getMessage().startsWith(file + ": ")) {
                throw new AssertionError("error not naming the file: " + e.getMessage(), e);
            }
        }
    }

    private static void check(NpyArray a) {
        long count = NpyReader.count(a.shape());
        long slabs = a.shape().length == 0 ? 1 : a.shape()[0];
        if (a.slabs().length != slabs) {
            throw new AssertionError(a.slabs().length + " slabs for shape " + a.shapeText());
        }
        for (float[] s : a.slabs()) {
            if (s.length * slabs != count) {
                throw new AssertionError("slab of " + s.length + " for shape " + a.shapeText());
            }
        }
    }
}
