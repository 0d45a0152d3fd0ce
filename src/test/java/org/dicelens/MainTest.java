package org.dicelens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dicelens FOLDER} means {@code dicelens view FOLDER}; commands and options keep their meaning. */
class MainTest {
    @TempDir
    Path dir;

    @Test
    void aFolderAloneOpensTheViewerOnIt() throws Exception {
        assertEquals(List.of("view", dir.toString()), List.of(Main.withView(new String[] {dir.toString()})));
        Path info = Files.createDirectory(dir.resolve("info"));
        // a command's name wins over a folder of that name in the working directory; files are not folders
        assertEquals(List.of("info"), List.of(Main.withView(new String[] {"info"})));
        Path file = Files.writeString(dir.resolve("x.nii"), "x");
        assertEquals(List.of(file.toString()), List.of(Main.withView(new String[] {file.toString()})));
        assertEquals(List.of("--help"), List.of(Main.withView(new String[] {"--help"})));
        assertEquals(List.of("view", info.toString()), List.of(Main.withView(new String[] {info.toString()})));
    }
}
