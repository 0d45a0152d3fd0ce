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

    private RenderSettings() {
    }

    /** Applies the settings unless given on the command line ({@code -Dprism.dirtyregioncount=…} wins). */
    public static void apply() {
        if (System.getProperty("prism.dirtyregioncount") == null) {
            System.setProperty("prism.dirtyregioncount", DIRTY_REGIONS);
        }
    }
}
