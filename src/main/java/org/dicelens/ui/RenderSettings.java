package org.dicelens.ui;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * JavaFX renderer settings the viewer starts with; set before the toolkit starts (Prism reads them once).
 */
public final class RenderSettings {
    /**
     * Dirty rectangles Prism keeps apart before merging them into their union. A threshold step changes a few small
     * places at once (a slider thumb on the left, table cells on the right, the three views in the centre); with
     * JavaFX's default of 6 they merge into one window-wide rectangle, and repainting everything between them cost
     * a software renderer ~20 ms per frame here.
     */
    static final String DIRTY_REGIONS = "15";
    /**
     * Scene pulses per second at most (JavaFX: the screen's rate, 60). A change reaches the screen only with a pulse;
     * at 120 a finished slice or number waits half as long for the next one. JavaFX pulses only when something
     * changed, so an idle window costs nothing more. Four interleaved pairs of UiLatencyBench runs: frame on screen
     * 34.0 → 30.4 ms, pulse 18.6 → 16.0 ms (means of the run medians).
     */
    static final String PULSE_HZ = "120";

    /** JavaFX's class that reads the pulse rate, and prints it to standard error when it is set. */
    static final String PULSE_READER = "com.sun.scenario.animation.AbstractPrimaryTimer";
    /** Held so the level set on it is not lost when the logger is collected. */
    private static final Logger PLATFORM_LOG = Logger.getLogger("javafx");

    private RenderSettings() {
    }

    /** Applies the settings unless given on the command line ({@code -Dprism.dirtyregioncount=…} wins). */
    public static void apply() {
        setDefault("prism.dirtyregioncount", DIRTY_REGIONS);
        setDefault("javafx.animation.pulse", PULSE_HZ);
        quietStart();
    }

    /**
     * Start-up prints nothing unusual on the terminal: JavaFX prints "Setting PULSE_DURATION to 120 hz" from the
     * static initialiser of {@link #PULSE_READER}, and warns that it was loaded from the class path (the one shaded
     * jar's way of starting). The first is caught while that class initialises and goes to the log; the second is
     * only logged when it is worse than a warning.
     */
    static void quietStart() {
        PLATFORM_LOG.setLevel(Level.SEVERE);
        PrintStream err = System.err;
        ByteArrayOutputStream caught = new ByteArrayOutputStream();
        synchronized (System.class) {
            System.setErr(new PrintStream(caught, true, StandardCharsets.UTF_8));
            try {
                Class.forName(PULSE_READER, true, RenderSettings.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // another JavaFX build: its messages, if any, reach the terminal as they are
            } finally {
                System.setErr(err);
            }
        }
        String line = caught.toString(StandardCharsets.UTF_8).strip();
        if (!line.isEmpty()) {
            LoggerFactory.getLogger(RenderSettings.class).debug("JavaFX: {}", line);
        }
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
