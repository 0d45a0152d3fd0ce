package org.dicelens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.dicelens.common.AtomicFiles;
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
        AtomicFiles.refuseInputs(out, inputs, "--out");
    }

    static void write(Path out, String text) throws InputException {
        try {
            AtomicFiles.writeString(out, text);
        } catch (IOException e) {
            throw new InputException(out, "--out", "cannot write: " + e.getMessage(), e);
        }
    }

}
