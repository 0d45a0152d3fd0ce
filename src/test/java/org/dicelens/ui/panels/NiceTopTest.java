package org.dicelens.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The volume bars' axis top: hand-picked cases of 1, 2, 2.5, 4, 5, 8 × 10^k above 1.05 × the tallest bar. */
class NiceTopTest {
    @Test
    void roundsUpToAReadableTop() {
        assertEquals(500, VolumeBiasPanel.niceTop(453.9), 1e-9); // 476.6 → 500
        assertEquals(800, VolumeBiasPanel.niceTop(668.2), 1e-9); // 701.6 → 800
        assertEquals(2.5, VolumeBiasPanel.niceTop(2.3), 1e-12); // 2.415 → 2.5
        assertEquals(4, VolumeBiasPanel.niceTop(2.52), 1e-12); // 2.646 → 4
        assertEquals(2, VolumeBiasPanel.niceTop(0.96), 1e-12); // 1.008 → 2
        assertEquals(0.05, VolumeBiasPanel.niceTop(0.045), 1e-15); // 0.04725 → 0.05
        assertEquals(1, VolumeBiasPanel.niceTop(0), 0); // nothing to show: [0, 1]
    }
}
