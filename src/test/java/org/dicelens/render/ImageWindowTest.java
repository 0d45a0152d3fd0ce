package org.dicelens.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImageWindowTest {
    @Test
    void ignoresTheTopAndBottomHalfPercent() {
        float[] v = new float[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 990 ? 100 + (i % 100) : 10_000; // 1% outliers far above
        }
        v[0] = Float.NaN;
        double[] w = ImageWindow.auto(v);
        // 999 finite values; the 5th smallest (rank ceil(0.005*999)) is 100, the minimum: low = 100.
        // Only 990 values are <= 199, so rank ceil(0.995*999) = 995 is an outlier: high = its bin's top = 10 000.
        assertEquals(100, w[0], 1e-9);
        assertEquals(10_000, w[1], 1e-9);
        float[] clean = new float[1000];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = i < 998 ? i % 100 : 5_000; // 0.2% outliers: above the 99.5th percentile
        }
        double[] c = ImageWindow.auto(clean);
        assertEquals(0, c[0], 1e-9);
        assertEquals(99, c[1], 5_000.0 / 4096 + 1e-9); // the bin holding 99 ends within one bin width of it
    }

    @Test
    void flatAndEmptyImages() {
        assertArrayEquals(new double[] {5, 6}, ImageWindow.auto(new float[] {5, 5, 5}));
        assertArrayEquals(new double[] {0, 1}, ImageWindow.auto(new float[] {Float.NaN}));
    }
}
