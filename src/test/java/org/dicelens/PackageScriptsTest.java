package org.dicelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb's install scripts (src/package/jpackage), run as dpkg runs them but against a copy of the install
 * directory in a temporary folder and with a stand-in {@code xdg-desktop-menu} that records its calls: the viewer
 * alone gets a menu entry, and neither script fails where there is no desktop menu (a server or a container), which
 * would leave the package half-installed or impossible to remove.
 */
class PackageScriptsTest {
    private static final Path SCRIPTS = Path.of("src/package/jpackage");

    @TempDir
    Path dir;

    @Test
    void postinstRegistersTheViewerOnlyAndSucceedsWithoutAMenu() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        for (boolean menu : new boolean[] {true, false}) {
            Result r = run("postinst", "configure", menu);
            assertEquals(0, r.exit, "postinst with" + (menu ? "" : "out") + " a menu: " + r.output);
            assertEquals(List.of("install " + dir.resolve("opt/dicelens/lib/dicelens-DiceLens.desktop")), r.menuCalls,
                    "menu calls");
            assertEquals(!menu, r.output.contains("no desktop menu entry"), "the message when there is no menu: " + r.output);
        }
    }

    @Test
    void prermRemovesTheViewersEntryAndSucceedsWithoutAMenu() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        for (boolean menu : new boolean[] {true, false}) {
            Result r = run("prerm", "remove", menu);
            assertEquals(0, r.exit, "prerm with" + (menu ? "" : "out") + " a menu: " + r.output);
            assertEquals(List.of("uninstall " + dir.resolve("opt/dicelens/lib/dicelens-DiceLens.desktop")), r.menuCalls);
        }
    }

    @Test
    void scriptsCarryNoPlaceholderJpackageWouldExpandIntoCommands() throws IOException {
        for (String name : List.of("postinst", "prerm")) {
            String text = Files.readString(SCRIPTS.resolve(name));
            // jpackage replaces these tokens wherever they stand, comments included: a comment naming one became a
            // command line in a built package once
            assertFalse(text.contains("DESKTOP_COMMANDS"), name + " names a DESKTOP_COMMANDS placeholder");
            assertFalse(text.contains("INSTALLATION_DIRECTORY"), name);
        }
    }

    private record Result(int exit, String output, List<String> menuCalls) {
    }

    /** Runs a copy of the script with /opt/dicelens moved under the temporary folder and a stand-in menu tool. */
    private Result run(String script, String arg, boolean menuWorks) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("menu-calls.txt");
        Files.deleteIfExists(calls);
        Path tool = bin.resolve("xdg-desktop-menu");
        Files.writeString(tool, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n"
                + (menuWorks ? "exit 0\n" : "echo 'xdg-desktop-menu: No writable system menu directory found.' >&2\nexit 3\n"));
        assertTrue(tool.toFile().setExecutable(true));
        Path opt = Files.createDirectories(dir.resolve("opt/dicelens/lib/app"));
        String text = Files.readString(SCRIPTS.resolve(script)).replace("/opt/dicelens", dir.resolve("opt/dicelens").toString())
                .replace("APPLICATION_PACKAGE", "dicelens");
        Path copy = dir.resolve(script);
        Files.writeString(copy, text);
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", copy.toString(), arg).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + pb.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        assertTrue(Files.isDirectory(opt));
        List<String> menu = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        return new Result(exit, out, menu);
    }
}
