package org.dicelens.render;

/** Draws the crosshair (one horizontal and one vertical line, 1 pixel wide) on a display buffer. */
public final class Crosshair {
    private Crosshair() {
    }

    /**
     * Lines through display pixel (px, py), leaving a gap of {@code gap} pixels on each side of the centre
     * so the voxel under the cursor stays visible (0 for solid lines).
     */
    public static void draw(int[] argb, int width, int height, int px, int py, int colour, int gap) {
        if (py >= 0 && py < height) {
            for (int x = 0; x < width; x++) {
                if (Math.abs(x - px) > gap || gap == 0) {
                    argb[py * width + x] = colour;
                }
            }
        }
        if (px >= 0 && px < width) {
            for (int y = 0; y < height; y++) {
                if (Math.abs(y - py) > gap || gap == 0) {
                    argb[y * width + px] = colour;
                }
            }
        }
    }

    /** The display pixel where the cursor voxel (i, j, k) sits in view v drawn at dw × dh. */
    public static int[] displayPosition(ViewGeometry v, int i, int j, int k, int dw, int dh) {
        return new int[] {Zoom.toDisplay(v.screenX(i, j, k), v.width(), dw), Zoom.toDisplay(v.screenY(i, j, k), v.height(), dh)};
    }
}
