package org.dicelens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColormapTest {
    @Test
    void greyEndpointsAndMiddle() {
        assertEquals(0xFF000000, Colormap.GREY.argb(0));
        assertEquals(0xFFFFFFFF, Colormap.GREY.argb(1));
        assertEquals(0xFF808080, Colormap.GREY.argb(0.5)); // entry 128 of 256 = 128
        assertEquals(0xFF000000, Colormap.GREY.argb(-3));
        assertEquals(0xFFFFFFFF, Colormap.GREY.argb(7));
        assertEquals(0xFF000000, Colormap.GREY.argb(Double.NaN));
    }

    /** Expected colours from matplotlib 3.6.3: round(255 * cm.get_cmap(name)(t)[:3]). */
    @Test
    void viridisAndHotMatchMatplotlib() {
        assertRgb(68, 1, 84, Colormap.VIRIDIS.argb(0), 0);
        assertRgb(253, 231, 37, Colormap.VIRIDIS.argb(1), 0);
        assertRgb(65, 68, 135, Colormap.VIRIDIS.argb(0.2), 2);
        assertRgb(33, 145, 140, Colormap.VIRIDIS.argb(0.5), 2);
        assertRgb(122, 209, 81, Colormap.VIRIDIS.argb(0.8), 2);
        assertRgb(11, 0, 0, Colormap.HOT.argb(0), 0);
        assertRgb(144, 0, 0, Colormap.HOT.argb(0.2), 2);
        assertRgb(255, 92, 0, Colormap.HOT.argb(0.5), 2);
        assertRgb(255, 255, 54, Colormap.HOT.argb(0.8), 2);
        assertRgb(255, 255, 255, Colormap.HOT.argb(1), 0);
    }

    @Test
    void divergingIsWhiteAtZeroAndMirrorsItsLightness() {
        Colormap m = Colormap.BLUE_WHITE_RED;
        assertEquals(0xFFFFFFFF, m.argb(0.5));
        assertEquals(0xFF053061, m.argb(0));
        assertEquals(0xFF67001F, m.argb(1));
        int lo = m.argb(0.3);
        int hi = m.argb(0.7);
        assertTrue((lo & 0xFF) > (lo >> 16 & 0xFF), "below zero is blue");
        assertTrue((hi >> 16 & 0xFF) > (hi & 0xFF), "above zero is red");
        assertEquals(m.entry(0), m.argb(0));
        assertEquals(m.size() - 1, 2 * ((m.size() - 1) / 2), "odd table size: a centre entry exists");
    }

    @Test
    void namesResolve() {
        assertEquals(Colormap.GREY, Colormap.byName("Gray"));
        assertEquals(Colormap.VIRIDIS, Colormap.byName("viridis"));
        assertEquals(Colormap.BLUE_WHITE_RED, Colormap.byName("diverging"));
        assertThrows(IllegalArgumentException.class, () -> Colormap.byName("jet"));
    }

    @Test
    void colourBarRunsFromLowToHigh() {
        int[] v = ColourBar.image(Colormap.GREY, 2, 5, true);
        assertEquals(0xFFFFFFFF, v[0]);
        assertEquals(0xFFFFFFFF, v[1]);
        assertEquals(0xFF000000, v[8]);
        assertEquals(0xFF808080, v[4]); // middle row, t = 0.5
        int[] h = ColourBar.image(Colormap.VIRIDIS, 3, 1, false);
        assertEquals(Colormap.VIRIDIS.argb(0), h[0]);
        assertEquals(Colormap.VIRIDIS.argb(1), h[2]);
    }

    private static void assertRgb(int r, int g, int b, int argb, int tol) {
        String what = Integer.toHexString(argb) + " vs " + r + "," + g + "," + b;
        assertEquals(0xFF, argb >>> 24, what);
        assertEquals(r, argb >> 16 & 0xFF, tol, what);
        assertEquals(g, argb >> 8 & 0xFF, tol, what);
        assertEquals(b, argb & 0xFF, tol, what);
    }
}
