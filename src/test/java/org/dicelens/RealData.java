package org.dicelens;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real NIfTI files of ../shared/realdata (never copied into the repository).
 * Tests call {@link #file(String)}, which skips the test with a clear message when the folder is absent,
 * as it is on a user's fresh clone.
 */
public final class RealData {
    private RealData() {
    }

    /** The realdata folder, or null when absent. */
    public static Path dirOrNull() {
        String prop = System.getProperty("dicelens.shared");
        Path[] candidates = {prop == null ? null : Path.of(prop, "realdata"), Path.of("..", "shared", "realdata")};
        for (Path p : candidates) {
            if (p != null && Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /** A file under realdata, skipping the calling test when the folder or the file is absent. */
    public static Path file(String relative) {
        Path dir = dirOrNull();
        assumeTrue(dir != null, "../shared/realdata is absent: skipping a test that needs the real NIfTI files");
        Path f = dir.resolve(relative);
        assumeTrue(Files.exists(f), "real data file absent, skipping: " + f);
        return f;
    }
}
