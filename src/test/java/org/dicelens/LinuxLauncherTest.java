package org.dicelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux app image's launcher script (src/package/linux/launcher.sh) in an image laid out as jpackage lays it out,
 * with a stand-in {@code lib/runtime/bin/java} that prints the arguments it gets: the JVM options of the launcher's
 * .cfg with {@code $APPDIR} replaced, the app path, class path and main class, then the user's arguments unchanged —
 * however the launcher is reached (absolute, relative, from its own folder, through a symbolic link).
 */
class LinuxLauncherTest {
    @TempDir
    Path dir;

    private Path image() throws Exception {
        Path root = dir.resolve("Dice Lens image"); // a space in the path, as under a user's "My Apps"
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path app = Files.createDirectories(root.resolve("lib/app"));
        Path javaBin = Files.createDirectories(root.resolve("lib/runtime/bin"));
        Files.copy(Path.of("src/package/linux/launcher.sh"), bin.resolve("dicelens"));
        assertTrue(bin.resolve("dicelens").toFile().setExecutable(true));
        Files.writeString(app.resolve("dicelens.cfg"), String.join("\n", "[Application]",
                "app.classpath=$APPDIR/dicelens.jar", "app.mainclass=org.dicelens.Main", "", "[JavaOptions]",
                "java-options=-Xmx8g", "java-options=-XX:SharedArchiveFile=$APPDIR/dicelens.jsa",
                "java-options=-Dx=$APPDIR:$APPDIR") + "\n");
        Path java = javaBin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n"
                + "printf 'LD=%s\\n' \"$LD_LIBRARY_PATH\"\n");
        assertTrue(java.toFile().setExecutable(true));
        return root;
    }

    private List<String> run(Path cwd, String launcher, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\"", launcher));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().remove("LD_LIBRARY_PATH");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return List.of(out.split("\n"));
    }

    @Test
    void argumentsReachTheJvmAsJpackagesLauncherPassesThem() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        Path root = image();
        String app = root.resolve("lib/app").toString();
        Path elsewhere = Files.createDirectories(dir.resolve("work"));
        Path link = dir.resolve("links/dl");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, root.resolve("bin/dicelens"));
        String[] user = {"evaluate", "--reference", "a folder/ref erence.nii.gz", "$HOME", "*", ""};
        List<String> expected = new ArrayList<>(List.of("-Xmx8g", "-XX:SharedArchiveFile=" + app + "/dicelens.jsa",
                "-Dx=" + app + ":" + app, "-Djpackage.app-path=" + root.resolve("bin/dicelens"), "-cp",
                app + "/dicelens.jar", "org.dicelens.Main"));
        expected.addAll(List.of(user));
        expected.add("LD=:" + app);
        // absolute; relative from elsewhere; from its own folder as ./dicelens and as a bare name; through a link
        List<String[]> ways = List.of(new String[] {elsewhere.toString(), root.resolve("bin/dicelens").toString()},
                new String[] {dir.toString(), "Dice Lens image/bin/dicelens"},
                new String[] {root.resolve("bin").toString(), "./dicelens"},
                new String[] {root.toString(), "bin/../bin/dicelens"},
                new String[] {elsewhere.toString(), link.toString()});
        for (String[] way : ways) {
            assertEquals(expected, run(Path.of(way[0]), way[1], user), "launched as " + way[1] + " from " + way[0]);
        }
    }
}
