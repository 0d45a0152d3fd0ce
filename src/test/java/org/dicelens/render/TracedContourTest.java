package org.dicelens.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What a trace keeps (pixels, their labels, their count) and what drawing it paints, against the rules of {@link
 * Contours} applied pixel by pixel, on random slices of every small shape, including 1 × n; and a hand-worked ring.
 * The rules themselves are checked on hand-worked slices in {@code SliceRendererTest}.
 */
class TracedContourTest {
    private static final int[][] SHAPES = {{1, 1}, {1, 7}, {7, 1}, {2, 2}, {3, 5}, {9, 4}, {16, 16}, {33, 20}};

    @Test
    void aTracedMaskIsExactlyItsContourPixels() {
        SplittableRandom rnd = new SplittableRandom(5);
        TracedContour t = new TracedContour();
        int nonEmpty = 0;
        for (int[] s : SHAPES) {
            for (int trial = 0; trial < 40; trial++) {
                int w = s[0];
                int h = s[1];
                byte[] mask = new byte[w * h];
                double density = rnd.nextDouble();
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = (byte) (rnd.nextDouble() < density ? 1 + rnd.nextInt(3) : 0); // any non-zero is inside
                }
                t.traceMask(mask, w, h, trial);
                int[] out = new int[mask.length];
                t.draw(out, 0xFFFFFFFF, 256);
                int expected = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        boolean on = Contours.onContour(mask, w, h, x, y);
                        expected += on ? 1 : 0;
                        assertEquals(on ? 0xFFFFFFFF : 0, out[y * w + x], w + "x" + h + " pixel " + x + "," + y);
                    }
                }
                assertEquals(expected, t.size());
                nonEmpty += expected > 0 ? 1 : 0;
            }
        }
        assertTrue(nonEmpty > 100);
    }

    @Test
    void aTracedLabelSliceKeepsEachPixelsLabelAndSkipsLabelsNotDrawn() {
        SplittableRandom rnd = new SplittableRandom(9);
        TracedContour t = new TracedContour();
        int[] colours = new int[256];
        for (int l = 0; l < 256; l++) {
            colours[l] = 0xFF000000 | l * 0x010101;
        }
        for (int[] s : SHAPES) {
            for (int trial = 0; trial < 40; trial++) {
                int w = s[0];
                int h = s[1];
                byte[] labels = new byte[w * h];
                for (int i = 0; i < labels.length; i++) {
                    // mostly runs of one label, so interior pixels exist; 255 is the "no class" label
                    labels[i] = i > 0 && rnd.nextDouble() < 0.6 ? labels[i - 1] : (byte) (rnd.nextInt(5) == 4 ? 255
                            : rnd.nextInt(4));
                }
                boolean[] drawn = new boolean[256];
                for (int l = 0; l < 4; l++) {
                    drawn[l] = rnd.nextBoolean();
                }
                t.traceLabels(labels, w, h, drawn, trial);
                int[] out = new int[labels.length];
                int[] opaque = new int[256];
                java.util.Arrays.fill(opaque, 256);
                t.drawByLabel(out, colours, opaque);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int i = y * w + x;
                        boolean on = drawn[labels[i] & 0xFF] && Contours.onLabelContour(labels, w, h, x, y);
                        assertEquals(on ? colours[labels[i] & 0xFF] : 0, out[i], w + "x" + h + " pixel " + x + "," + y);
                    }
                }
            }
        }
    }

    @Test
    void drawingBlendsEachPixelOnceAtTheGivenWeightAndKeepsItsKey() {
        byte[] mask = {
            0, 0, 0, 0, 0,
            0, 1, 1, 1, 0,
            0, 1, 1, 1, 0,
            0, 1, 1, 1, 0,
            0, 0, 0, 0, 0};
        TracedContour t = new TracedContour();
        t.traceMask(mask, 5, 5, "k");
        assertTrue(t.holds("k"));
        assertFalse(t.holds("other"));
        int grey = 0xFF646464;
        int[] out = new int[25];
        java.util.Arrays.fill(out, grey);
        t.draw(out, 0xFFC8C8C8, 128); // half way: 0x64 + (0xC8 − 0x64) / 2 = 0x96
        int[] expected = new int[25];
        java.util.Arrays.fill(expected, grey);
        for (int i : new int[] {6, 7, 8, 11, 13, 16, 17, 18}) { // the ring around the centre pixel 12
            expected[i] = 0xFF969696;
        }
        assertArrayEquals(expected, out);
        t.forget();
        assertFalse(t.holds("k"));
    }
}
