package org.dicelens.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("report.csv");
        AtomicFiles.writeString(target, "old\n");
        IOException boom = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("disk full", boom.getMessage());
        assertEquals("old\n", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void theFinishedFileIsReadableByOthersLikeAnyNewFile() throws IOException {
        Path target = dir.resolve("a.txt");
        AtomicFiles.writeString(target, "x");
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target);
        assertTrue(perms.contains(PosixFilePermission.OWNER_READ));
        // createTempFile would have left 0600; a normal umask gives group/other read
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        assertEquals(Files.getPosixFilePermissions(plain), perms);
    }

    @Test
    void writingOverAnInputIsRefusedThroughDotDotAndLinks() throws IOException, InputException {
        Path input = Files.writeString(dir.resolve("ref.nii"), "data");
        Files.createDirectories(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("link.nii"), input);
        for (Path target : List.of(input, dir.resolve("sub/../ref.nii"), link)) {
            InputException e = assertThrows(InputException.class,
                    () -> AtomicFiles.refuseInputs(target, List.of(input), "--out"));
            assertTrue(e.getMessage().contains("--out") && e.getMessage().contains("input"), e.getMessage());
        }
        AtomicFiles.refuseInputs(dir.resolve("other.nii"), List.of(input), "--out");
        assertFalse(AtomicFiles.sameFile(dir.resolve("other.nii"), input));
        assertEquals("data", Files.readString(input));
    }
}
