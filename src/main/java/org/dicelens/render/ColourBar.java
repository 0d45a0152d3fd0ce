package org.dicelens.render;

/** A colour-bar image of a colormap, for a legend beside a view. */
public final class ColourBar {
    private ColourBar() {
    }

    /**
     * ARGB pixels (row-major, width × height). Vertical bars put the high end (t = 1) at the top,
     * horizontal bars at the right.
     */
    public static int[] image(Colormap map, int width, int height, boolean vertical) {
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double t = vertical ? (height == 1 ? 1 : 1 - y / (double) (height - 1))
                        : (width == 1 ? 1 : x / (double) (width - 1));
                out[y * width + x] = map.argb(t);
            }
        }
        return out;
    }
}
