package org.dicelens.metrics.spatial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a Python script with scipy when an interpreter has it (as org.dicelens.cli.ExternalPython does). */
final class ScipyPython {
    private static final String[] CANDIDATES = {"/usr/bin/python3", "python3"};

    private ScipyPython() {
    }

    /** An interpreter that imports numpy and scipy.ndimage, or null. */
    static String find() {
        for (String py : CANDIDATES) {
            try {
                if (run(py, "import numpy, scipy.ndimage").startsWith("OK")) {
                    return py;
                }
            } catch (IOException | InterruptedException e) {
                // not there: try the next
            }
        }
        return null;
    }

    /** Output of the script (prefixed "OK\n" when it exited with 0), or "FAILED ..." with its output. */
    static String run(String python, String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(python, "-c", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "FAILED timeout";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? "OK\n" + out : "FAILED " + out;
    }
}
