package org.dicelens.ui.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import org.dicelens.common.AtomicFiles;
import org.dicelens.common.InputException;

/**
 * The viewer's exports and sessions go through {@link AtomicFiles} (temporary file beside the target, then renamed, so a
 * failed write leaves the previous file intact), never over one of the case's input files; failures become an
 * {@link InputException} naming the target, for the error dialog.
 */
public final class AtomicWriter {
    private AtomicWriter() {
    }

    /**
     * @param inputs files the current case was read from; writing over any of them is refused
     * @throws InputException when the target is an input, or when writing fails (the message names the target)
     */
    public static void write(Path target, Collection<Path> inputs, AtomicFiles.Body<IOException> body) throws InputException {
        AtomicFiles.refuseInputs(target, inputs, null);
        try {
            AtomicFiles.write(target, body);
        } catch (IOException e) {
            throw new InputException(target, null, "could not write: " + e.getMessage(), e);
        }
    }
}
