package org.dicelens.ui.slices;

import org.dicelens.render.RegionBox;
import org.dicelens.render.ViewGeometry;

/**
 * Where the evaluation region's box crosses a view's slice, as a rectangle on screen whose edges lie on voxel
 * boundaries: drawn as a thin line over the image instead of colouring the box's edge voxels, which hid image data
 * (on a 5-slice scan, 2 of 5 slices in two views). Pure arithmetic, no JavaFX.
 */
final class RegionOutline {
    private RegionOutline() {
    }

    /**
     * The box on slice {@code slice} of view {@code g}, drawn in {@code p = {x, y, w, h}} (the slice's place on
     * screen): {x, y, w, h} in the view's coordinates, or null when the slice does not cross the box.
     */
    static double[] onScreen(RegionBox b, ViewGeometry g, int slice, double[] p) {
        if (b == null || slice < b.low(g.sliceAxis()) || slice > b.high(g.sliceAxis())) {
            return null;
        }
        int[] lo = {b.low(0), b.low(1), b.low(2)};
        int[] hi = {b.high(0), b.high(1), b.high(2)};
        int sx0 = g.screenX(lo[0], lo[1], lo[2]);
        int sx1 = g.screenX(hi[0], hi[1], hi[2]);
        int sy0 = g.screenY(lo[0], lo[1], lo[2]);
        int sy1 = g.screenY(hi[0], hi[1], hi[2]);
        double px = p[2] / g.width();
        double py = p[3] / g.height();
        // pixel columns min..max inclusive: the outline runs along the outer edges of those voxels
        double x0 = p[0] + Math.min(sx0, sx1) * px;
        double x1 = p[0] + (Math.max(sx0, sx1) + 1) * px;
        double y0 = p[1] + Math.min(sy0, sy1) * py;
        double y1 = p[1] + (Math.max(sy0, sy1) + 1) * py;
        return new double[] {x0, y0, x1 - x0, y1 - y0};
    }
}
