package org.dicelens.render;

import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Inner boundaries on a slice: a pixel is on the contour when it belongs to the region and one of its
 * four neighbours does not, or it touches the slice's edge (so a region reaching the edge is closed there).
 */
public final class Contours {
    private Contours() {
    }

    /** True when pixel (x, y) of a binary mask (non-zero = inside) is on the mask's contour. */
    public static boolean onContour(byte[] mask, int w, int h, int x, int y) {
        int i = y * w + x;
        if (mask[i] == 0) {
            return false;
        }
        return x == 0 || y == 0 || x == w - 1 || y == h - 1 || mask[i - 1] == 0 || mask[i + 1] == 0 || mask[i - w] == 0
                || mask[i + w] == 0;
    }

    /** Paints the contour of a binary mask with colour argb at weight a (0..256). */
    public static void draw(byte[] mask, int w, int h, int[] out, int argb, int a) {
        if (a <= 0) {
            return;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (onContour(mask, w, h, x, y)) {
                    int i = y * w + x;
                    out[i] = Pixels.blend(out[i], argb, a);
                }
            }
        }
    }

    /**
     * Paints the boundaries of a label slice: a pixel with label l (where {@code drawn} accepts l) is on
     * the contour when a 4-neighbour has another label or it touches the edge; colour from {@code colour}.
     */
    public static void drawLabels(byte[] labels, int w, int h, int[] out, IntPredicate drawn, IntUnaryOperator colour,
            int a) {
        if (a <= 0) {
            return;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                byte l = labels[i];
                int li = l & 0xFF;
                if (!drawn.test(li)) {
                    continue;
                }
                boolean edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || labels[i - 1] != l || labels[i + 1] != l
                        || labels[i - w] != l || labels[i + w] != l;
                if (edge) {
                    out[i] = Pixels.blend(out[i], colour.applyAsInt(li), a);
                }
            }
        }
    }
}
