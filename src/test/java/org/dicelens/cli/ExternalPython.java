package org.dicelens.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short Python script with the first interpreter that can import the given module, if any. */
final class ExternalPython {
    private static final String[] CANDIDATES = {"/usr/bin/python3", "python3"};

    private ExternalPython() {
    }

    /** An interpreter that imports {@code module}, or null. */
    static String find(String module) {
        for (String py : CANDIDATES) {
            try {
                if (run(py, "import " + module).exit == 0) {
                    return py;
                }
            } catch (IOException | InterruptedException e) {
                // not there: try the next
            }
        }
        return null;
    }

    record Result(int exit, String out) {
    }

    static Result run(String python, String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python, "-c", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timeout");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    static Result run(String python, String script, Path arg) throws IOException, InterruptedException {
        return run(python, script, arg.toString());
    }
}
