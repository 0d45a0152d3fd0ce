package org.dicelens.volume.formats;

import java.nio.file.Path;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;

/**
 * Reads one file of a format. Every problem with the file is an {@link InputException} naming the file and the field
 * (never a RuntimeException, never an allocation the file's size cannot justify); {@code progress} runs from 0 to 1
 * over the read and carries cancellation (a cancelled read throws java.util.concurrent.CancellationException).
 */
@FunctionalInterface
public interface FormatReader {
    ReadVolume read(Path file, Progress progress) throws InputException;
}
