package org.dicelens.npz;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs numpy scripts for tests (skipping when no interpreter imports numpy) and reads back the independent
 * expectations they write: raw little-endian float32 in C order ({@code .f32}), read here with a ByteBuffer.
 */
public final class Numpy {
    private static final String[] CANDIDATES = {"python3", "/usr/bin/python3"};
    private static String python;
    private static boolean searched;

    private Numpy() {
    }

    /** Skips the calling test when numpy is not available. */
    public static synchronized String require() {
        if (!searched) {
            searched = true;
            for (String py : CANDIDATES) {
                try {
                    if (run(py, "import numpy", List.of()).startsWith("OK")) {
                        python = py;
                        break;
                    }
                } catch (IOException e) {
                    // not there: try the next
                }
            }
        }
        assumeTrue(python != null, "no python3 with numpy: skipping a numpy cross-check");
        return python;
    }

    /** Runs {@code script} with the given arguments; fails the test when the script fails. */
    public static void script(String script, Object... args) throws IOException {
        List<String> a = new ArrayList<>();
        for (Object o : args) {
            a.add(String.valueOf(o));
        }
        String out = run(require(), script, a);
        if (!out.startsWith("OK")) {
            throw new AssertionError("numpy script failed:\n" + out);
        }
    }

    private static String run(String py, String script, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(py, "-c", script + "\nprint('OK')"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timeout";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? out.substring(Math.max(0, out.lastIndexOf("OK"))) : "exit " + p.exitValue() + "\n" + out;
    }

    /** A raw little-endian float32 file as floats. */
    public static float[] f32(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }
}
