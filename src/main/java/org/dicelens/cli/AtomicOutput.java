package org.dicelens.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import org.dicelens.common.InputException;

/**
 * Writes a report so that nothing is lost: never over an input file, and through a temporary file in the same folder
 * renamed over the target, so a failed write leaves any previous file intact.
 */
final class AtomicOutput {
    private AtomicOutput() {
    }

    /** Refuses {@code out} when it is a folder or the same file as any input (also through links or "../"). */
    static void checkNotInput(Path out, Collection<Path> inputs) throws InputException {
        if (Files.isDirectory(out)) {
            throw new InputException(out, "--out", "is a folder; give a file name");
        }
        Path norm = canonical(out);
        for (Path in : inputs) {
            if (in == null) {
                continue;
            }
            boolean same = canonical(in).equals(norm);
            if (!same && Files.exists(out) && Files.exists(in)) {
                try {
                    same = Files.isSameFile(out, in);
                } catch (IOException e) {
                    same = false;
                }
            }
            if (same) {
                throw new InputException(out, "--out", "is an input file of this command; refusing to write over it");
            }
        }
    }

    static void write(Path out, String text) throws InputException {
        Path abs = out.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new InputException(out, "--out", "cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the target itself was not touched
                }
            }
        }
    }

    private static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            // not there yet: resolve the folder's links at least
            Path parent = abs.getParent();
            if (parent != null) {
                try {
                    return parent.toRealPath().resolve(abs.getFileName());
                } catch (IOException ignored) {
                    // fall through
                }
            }
            return abs;
        }
    }
}
