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
        if (src.length < sw * sh || dst.length < dw * dh) {
            throw new IllegalArgumentException("buffers smaller than " + sw + "x" + sh + " / " + dw + "x" + dh);
        }
        int[] columns = new int[dw]; // display width ints: the column map, computed once per call
        for (int dx = 0; dx < dw; dx++) {
            columns[dx] = toSource(dx, sw, dw);
        }
        int previous = -1;
        for (int dy = 0; dy < dh; dy++) {
            int sy = toSource(dy, sh, dh);
            int o = dy * dw;
            if (sy == previous) {
                System.arraycopy(dst, o - dw, dst, o, dw); // same source row as the line above
                continue;
            }
            int row = sy * sw;
            for (int dx = 0; dx < dw; dx++) {
                dst[o + dx] = src[row + columns[dx]];
            }
            previous = sy;
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
