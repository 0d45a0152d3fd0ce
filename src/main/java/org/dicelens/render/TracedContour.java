package org.dicelens.render;

import java.util.Arrays;

/**
 * One contour layer of a slice as the list of its pixels, kept with what it was traced from. While a threshold slider
 * moves, only the moved class's contour changes: the renderer re-traces that one and draws the others from their lists,
 * which costs their own pixels instead of a pass over the slice each. The tracing rules are {@link Contours}'. Colour
 * and opacity are applied when drawing, so they are not part of the key.
 */
final class TracedContour {
    private Object key; // what the pixels were traced from; null: nothing
    private int[] pixels = new int[0];
    private byte[] labels = new byte[0]; // the label of each pixel (label contours; 1 for a mask)
    private int count;

    /** Whether the pixels held were traced from {@code k} (on the renderer's current slice). */
    boolean holds(Object k) {
        return key != null && key.equals(k);
    }

    /** Forgets the pixels (the slice, view or case changed). */
    void forget() {
        key = null;
        count = 0;
    }

    /** Traces the contour of a binary mask (non-zero = inside) and remembers it as {@code k}'s. */
    void traceMask(byte[] mask, int w, int h, Object k) {
        count = 0;
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                if (Contours.onContour(mask, w, h, x, y)) {
                    add(i, (byte) 1);
                }
            }
        }
        key = k;
    }

    /**
     * Traces the boundaries of a label slice: a pixel whose label is drawn ({@code drawn[label]}) and has a 4-neighbour
     * of another label or touches the edge. Remembers it as {@code k}'s.
     */
    void traceLabels(byte[] slice, int w, int h, boolean[] drawn, Object k) {
        count = 0;
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                if (drawn[slice[i] & 0xFF] && Contours.onLabelContour(slice, w, h, x, y)) {
                    add(i, slice[i]);
                }
            }
        }
        key = k;
    }

    private void add(int i, byte label) {
        if (count == pixels.length) {
            int n = Math.max(256, count * 2);
            pixels = Arrays.copyOf(pixels, n);
            labels = Arrays.copyOf(labels, n);
        }
        pixels[count] = i;
        labels[count++] = label;
    }

    /** Blends every pixel of the contour with {@code argb} at weight {@code a} (0..256). */
    void draw(int[] out, int argb, int a) {
        if (a <= 0) {
            return;
        }
        for (int k = 0; k < count; k++) {
            int i = pixels[k];
            out[i] = Pixels.blend(out[i], argb, a);
        }
    }

    /**
     * Blends every pixel with the colour of its label, {@code argbOfLabel[label]}, at that label's weight
     * {@code weightOfLabel[label]} (0..256; each class has its own opacity).
     */
    void drawByLabel(int[] out, int[] argbOfLabel, int[] weightOfLabel) {
        for (int k = 0; k < count; k++) {
            int l = labels[k] & 0xFF;
            int a = weightOfLabel[l];
            if (a > 0) {
                int i = pixels[k];
                out[i] = Pixels.blend(out[i], argbOfLabel[l], a);
            }
        }
    }

    /** How many pixels the contour has (tests). */
    int size() {
        return count;
    }
}
