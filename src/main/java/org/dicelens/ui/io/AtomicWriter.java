package org.dicelens.ui.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import org.dicelens.common.InputException;

/**
 * Writes a file as the user expects from a careful tool: to a temporary file beside the target, then renamed over it,
 * so a failed write leaves the previous file intact; and never over one of the case's input files.
 */
public final class AtomicWriter {
    /** The bytes of a file, written to a stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWriter() {
    }

    /**
     * @param inputs files the current case was read from; writing over any of them is refused
     * @throws InputException when the target is an input, or when writing fails (the message names the target)
     */
    public static void write(Path target, Collection<Path> inputs, Body body) throws InputException {
        Path abs = target.toAbsolutePath().normalize();
        for (Path in : inputs) {
            if (in != null && sameFile(abs, in)) {
                throw new InputException(target, null, "refusing to write over an input file of the current case");
            }
        }
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new InputException(target, null, "could not write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temp file is hidden and harmless; the user already sees the write error
                }
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        Path nb = b.toAbsolutePath().normalize();
        if (a.equals(nb)) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(nb) && Files.isSameFile(a, nb);
        } catch (IOException e) {
            return false;
        }
    }
}
