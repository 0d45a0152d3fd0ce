package org.dicelens.render;

/**
 * Nearest-neighbour scaling from slice pixels to display pixels, and the coordinate maps between them
 * (display pixel dx shows slice pixel floor((dx + ½)·sw/dw)), for the cursor and the crosshair.
 */
public final class Zoom {
    private Zoom() {
    }

    /** Fills dst (dw × dh) from src (sw × sh) by nearest neighbour. */
    public static void nearest(int[] src, int sw, int sh, int[] dst, int dw, int dh) {
        checkSizes(src, sw, sh, dst, dw, dh);
        int[] columns = new int[dw]; // display width ints: the column map, computed once per call
        for (int dx = 0; dx < dw; dx++) {
            columns[dx] = toSource(dx, sw, dw);
        }
        int[] rows = new int[dh];
        for (int dy = 0; dy < dh; dy++) {
            rows[dy] = toSource(dy, sh, dh);
        }
        fill(src, sw, dst, dw, columns, rows, 0);
    }

    /**
     * Fills a viewport dst (dw × dh display pixels) with the slice src (sw × sh) drawn at (x, y) and scaled to
     * w × h display pixels, by nearest neighbour; display pixels that show no slice pixel get {@code background}.
     * The viewer composes its views this way at display resolution (pan and zoom included), so the toolkit draws the
     * image 1:1 instead of scaling it, which a software renderer does slowly.
     */
    public static void nearest(int[] src, int sw, int sh, int[] dst, int dw, int dh, double x, double y, double w,
            double h, int background) {
        checkSizes(src, sw, sh, dst, dw, dh);
        int[] columns = new int[dw];
        for (int dx = 0; dx < dw; dx++) {
            columns[dx] = sourceAt(dx + 0.5, x, w, sw);
        }
        int[] rows = new int[dh];
        for (int dy = 0; dy < dh; dy++) {
            rows[dy] = sourceAt(dy + 0.5, y, h, sh);
        }
        fill(src, sw, dst, dw, columns, rows, background);
    }

    /**
     * The slice coordinate (column or row) at display position d when the slice's {@code size} pixels span
     * [origin, origin + extent); -1 outside. The viewer maps the cursor with the same function, so the voxel named in
     * the status line is the one drawn under it.
     */
    public static int sourceAt(double d, double origin, double extent, int size) {
        double s = Math.floor((d - origin) / extent * size);
        return s < 0 || s >= size ? -1 : (int) s;
    }

    private static void checkSizes(int[] src, int sw, int sh, int[] dst, int dw, int dh) {
        if (src.length < sw * sh || dst.length < dw * dh) {
            throw new IllegalArgumentException("buffers smaller than " + sw + "x" + sh + " / " + dw + "x" + dh);
        }
    }

    /** dst's pixel (dx, dy) = src's (columns[dx], rows[dy]), or background where either is -1. */
    private static void fill(int[] src, int sw, int[] dst, int dw, int[] columns, int[] rows, int background) {
        int previous = -2;
        for (int dy = 0; dy < rows.length; dy++) {
            int sy = rows[dy];
            int o = dy * dw;
            if (sy == previous) {
                System.arraycopy(dst, o - dw, dst, o, dw); // same source row as the line above
                continue;
            }
            previous = sy;
            if (sy < 0) {
                java.util.Arrays.fill(dst, o, o + dw, background);
                continue;
            }
            int row = sy * sw;
            for (int dx = 0; dx < dw; dx++) {
                int sx = columns[dx];
                dst[o + dx] = sx < 0 ? background : src[row + sx];
            }
        }
    }

    /** The slice coordinate shown at display coordinate d (clamped to the slice). */
    public static int toSource(int d, int sourceSize, int displaySize) {
        long s = ((2L * d + 1) * sourceSize) / (2L * displaySize);
        return (int) Math.max(0, Math.min(sourceSize - 1, s));
    }

    /** The display coordinate at the centre of slice coordinate s. */
    public static int toDisplay(int s, int sourceSize, int displaySize) {
        return (int) Math.min(displaySize - 1, Math.floor((s + 0.5) * displaySize / sourceSize));
    }

    /**
     * The voxel (i, j, k) under display pixel (dx, dy) of view v showing slice {@code slice} at dw × dh display
     * pixels (for the cursor's status line and for click-to-move-the-crosshair); null outside the picture.
     */
    public static int[] voxelAt(ViewGeometry v, int slice, int dx, int dy, int dw, int dh) {
        if (dx < 0 || dy < 0 || dx >= dw || dy >= dh) {
            return null;
        }
        return v.voxel(toSource(dx, v.width(), dw), toSource(dy, v.height(), dh), slice);
    }

    /**
     * Display width and height for a view at {@code pixelsPerMm}, keeping the voxels' physical aspect
     * (anisotropic voxels are not squashed); at least one pixel each way.
     */
    public static int[] displaySize(ViewGeometry v, double pixelsPerMm) {
        int dw = (int) Math.max(1, Math.round(v.width() * v.pixelWidthMm() * pixelsPerMm));
        int dh = (int) Math.max(1, Math.round(v.height() * v.pixelHeightMm() * pixelsPerMm));
        return new int[] {dw, dh};
    }
}
