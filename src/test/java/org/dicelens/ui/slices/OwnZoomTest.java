package org.dicelens.ui.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A view's own zoom keeps the point under the mouse where it is: screen x = pan + zoom·u for a content point u. */
class OwnZoomTest {

    @Test
    void zoomKeepsThePointUnderTheMouseFixed() {
        OwnZoom z = new OwnZoom();
        z.pan(4, -2);
        // the content point under (x, y) = (10, 6) from the centre: u = (10 − 4)/1 = 6, v = (6 + 2)/1 = 8
        z.zoomAbout(2, 10, 6);
        assertEquals(2, z.zoom());
        assertEquals(10, z.panX() + 2 * 6, 1e-12);
        assertEquals(6, z.panY() + 2 * 8, 1e-12);
        assertEquals(-2, z.panX(), 1e-12); // 4 − (10 − 4)·(2/1 − 1)
        assertEquals(-10, z.panY(), 1e-12); // −2 − (6 + 2)·(2/1 − 1)
    }

    @Test
    void zoomIsClampedAndResetReturnsToFit() {
        OwnZoom z = new OwnZoom();
        z.zoomAbout(1000, 0, 0);
        assertEquals(OwnZoom.MAX, z.zoom());
        z.zoomAbout(1e-6, 0, 0);
        assertEquals(OwnZoom.MIN, z.zoom());
        z.pan(3, 5);
        z.reset();
        assertEquals(1, z.zoom());
        assertEquals(0, z.panX());
        assertEquals(0, z.panY());
    }
}
