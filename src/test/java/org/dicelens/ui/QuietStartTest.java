package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;

/**
 * Start-up prints nothing unusual on the terminal (issue 19 item 16): a fresh JVM applies the viewer's settings and
 * starts the JavaFX toolkit (headless), and neither its standard output nor its standard error says anything.
 */
class QuietStartTest {
    /** Run in the child JVM: what {@code DiceLensApp.launchApp} does before its window, then exit. */
    public static void main(String[] args) throws Exception {
        RenderSettings.apply();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(20, TimeUnit.SECONDS);
        Platform.exit();
        System.exit(0);
    }

    @Test
    void toolkitStartsSilently() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", QuietStartTest.class.getName())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM ends");
        assertEquals(0, p.exitValue(), out);
        assertEquals("", out.strip(), "nothing on the terminal at start-up");
    }
}
