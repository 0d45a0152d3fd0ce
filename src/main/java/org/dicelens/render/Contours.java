package org.dicelens.render;

/**
 * Inner boundaries on a slice: a pixel is on the contour when it belongs to the region and one of its
 * four neighbours does not, or it touches the slice's edge (so a region reaching the edge is closed there).
 * The rules, pixel by pixel; {@link TracedContour} traces a whole slice with them.
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

    /** True when pixel (x, y) of a label slice is on a boundary: a 4-neighbour has another label, or it is on the edge. */
    public static boolean onLabelContour(byte[] labels, int w, int h, int x, int y) {
        int i = y * w + x;
        byte l = labels[i];
        return x == 0 || y == 0 || x == w - 1 || y == h - 1 || labels[i - 1] != l || labels[i + 1] != l
                || labels[i - w] != l || labels[i + w] != l;
    }
}
