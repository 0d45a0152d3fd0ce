package org.dicelens.ui;

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

    private RenderSettings() {
    }

    /** Applies the settings unless given on the command line ({@code -Dprism.dirtyregioncount=…} wins). */
    public static void apply() {
        setDefault("prism.dirtyregioncount", DIRTY_REGIONS);
        setDefault("javafx.animation.pulse", PULSE_HZ);
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
