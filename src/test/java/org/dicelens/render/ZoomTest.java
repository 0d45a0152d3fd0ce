package org.dicelens.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

class ZoomTest {
    @Test
    void integerZoomRepeatsPixelsInBlocks() {
        int[] src = {1, 2, 3, 4};
        int[] dst = new int[16];
        Zoom.nearest(src, 2, 2, dst, 4, 4);
        assertArrayEquals(new int[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, dst);
    }

    @Test
    void nonIntegerZoomPicksTheNearestSourcePixel() {
        int[] src = {10, 20, 30};
        int[] dst = new int[7];
        Zoom.nearest(src, 3, 1, dst, 7, 1);
        // display centres (d + 0.5) * 3/7 = 0.21, 0.64, 1.07, 1.5, 1.93, 2.36, 2.79 -> floor 0,0,1,1,1,2,2
        assertArrayEquals(new int[] {10, 10, 20, 20, 20, 30, 30}, dst);
    }

    @Test
    void anyZoomEqualsThePerPixelDefinition() {
        java.util.Random rnd = new java.util.Random(1);
        for (int trial = 0; trial < 50; trial++) {
            int sw = 1 + rnd.nextInt(6);
            int sh = 1 + rnd.nextInt(6);
            int dw = 1 + rnd.nextInt(20);
            int dh = 1 + rnd.nextInt(20);
            int[] src = new int[sw * sh];
            for (int i = 0; i < src.length; i++) {
                src[i] = rnd.nextInt();
            }
            int[] dst = new int[dw * dh];
            Zoom.nearest(src, sw, sh, dst, dw, dh);
            for (int y = 0; y < dh; y++) {
                for (int x = 0; x < dw; x++) {
                    // display pixel centre (x + 0.5, y + 0.5) falls in source pixel floor(centre * s / d)
                    int sx = (int) Math.floor((x + 0.5) * sw / dw);
                    int sy = (int) Math.floor((y + 0.5) * sh / dh);
                    assertEquals(src[sy * sw + sx], dst[y * dw + x]);
                }
            }
        }
    }

    @Test
    void displayAndSourceCoordinatesRoundTrip() {
        for (int s = 0; s < 13; s++) {
            int d = Zoom.toDisplay(s, 13, 50);
            assertEquals(s, Zoom.toSource(d, 13, 50));
        }
        assertEquals(0, Zoom.toSource(-5, 13, 50));
        assertEquals(12, Zoom.toSource(500, 13, 50));
    }

    @Test
    void voxelUnderTheCursor() {
        Geometry g = Geometry.ofSpacing(4, 3, 2, 1, 1, 1); // RAS: axial flips both screen axes
        ViewGeometry v = ViewGeometry.of(g, ViewAxis.AXIAL);
        // 4x3 slice shown at 8x6: display (0,0) is slice pixel (0,0) = voxel (3, 2, k); (7,5) is voxel (0, 0, k)
        assertArrayEquals(new int[] {3, 2, 1}, Zoom.voxelAt(v, 1, 0, 0, 8, 6));
        assertArrayEquals(new int[] {0, 0, 1}, Zoom.voxelAt(v, 1, 7, 5, 8, 6));
        assertArrayEquals(new int[] {2, 1, 0}, Zoom.voxelAt(v, 0, 3, 2, 8, 6));
        assertEquals(null, Zoom.voxelAt(v, 0, 8, 0, 8, 6));
        // and back: the crosshair of that voxel sits on a display pixel that maps to it
        int[] p = Crosshair.displayPosition(v, 2, 1, 0, 8, 6);
        assertArrayEquals(new int[] {2, 1, 0}, Zoom.voxelAt(v, 0, p[0], p[1], 8, 6));
    }

    @Test
    void displaySizeKeepsThePhysicalAspect() {
        Geometry g = Geometry.ofSpacing(10, 20, 5, 1, 0.5, 3);
        ViewGeometry coronal = ViewGeometry.of(g, ViewAxis.CORONAL); // x (1 mm) across, z (3 mm) down
        assertArrayEquals(new int[] {20, 30}, Zoom.displaySize(coronal, 2));
    }

    @Test
    void crosshairCrossesAtTheCursorVoxel() {
        Geometry g = Geometry.ofSpacing(4, 4, 4, 1, 1, 1); // RAS: axial flips both screen axes
        ViewGeometry v = ViewGeometry.of(g, ViewAxis.AXIAL);
        int[] p = Crosshair.displayPosition(v, 0, 3, 2, 8, 8);
        // x = 0 is screen column 3, shown at display columns 6..7 (centre 7); y = 3 is screen row 0 (centre 1)
        assertArrayEquals(new int[] {7, 1}, p);
        int[] buf = new int[64];
        Crosshair.draw(buf, 8, 8, p[0], p[1], 5, 0);
        int count = 0;
        for (int i = 0; i < 64; i++) {
            if (buf[i] == 5) {
                count++;
                assertEquals(true, i / 8 == 1 || i % 8 == 7, "pixel " + i);
            }
        }
        assertEquals(15, count);
    }

    @Test
    void viewportPlacesTheSliceWithBackgroundAround() {
        int[] src = {1, 2, 3, 4};
        int[] dst = new int[5 * 4];
        // the 2×2 slice drawn at (1, 1), 3 display pixels wide and 2 high: centres 1.5, 2.5, 3.5 fall in columns
        // 0 (1 ≤ 1.5 < 2.5), 1 (2.5 ≤ 2.5), 1; rows 1.5 → 0, 2.5 → 1
        Zoom.nearest(src, 2, 2, dst, 5, 4, 1, 1, 3, 2, 9);
        assertArrayEquals(new int[] {
            9, 9, 9, 9, 9,
            9, 1, 2, 2, 9,
            9, 3, 4, 4, 9,
            9, 9, 9, 9, 9}, dst);
    }

    @Test
    void viewportEqualsThePerPixelDefinitionUnderPanAndZoom() {
        java.util.Random rnd = new java.util.Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int sw = 1 + rnd.nextInt(9);
            int sh = 1 + rnd.nextInt(9);
            int dw = 1 + rnd.nextInt(30);
            int dh = 1 + rnd.nextInt(30);
            double w = 0.5 + rnd.nextDouble() * 60; // from smaller than the viewport to far larger (zoomed in)
            double h = 0.5 + rnd.nextDouble() * 60;
            double x = (rnd.nextDouble() - 0.6) * w; // panned partly out on either side
            double y = (rnd.nextDouble() - 0.6) * h;
            int[] src = new int[sw * sh];
            for (int i = 0; i < src.length; i++) {
                src[i] = rnd.nextInt(1000);
            }
            int[] dst = new int[dw * dh];
            Zoom.nearest(src, sw, sh, dst, dw, dh, x, y, w, h, -1);
            for (int dy = 0; dy < dh; dy++) {
                for (int dx = 0; dx < dw; dx++) {
                    // oracle: search the slice pixel whose display interval holds the pixel centre
                    int sx = interval(dx + 0.5, x, w, sw);
                    int sy = interval(dy + 0.5, y, h, sh);
                    int expected = sx < 0 || sy < 0 ? -1 : src[sy * sw + sx];
                    assertEquals(expected, dst[dy * dw + dx], "trial " + trial + " at " + dx + "," + dy);
                }
            }
        }
    }

    /** The s with origin + s·extent/size ≤ c < origin + (s+1)·extent/size, or -1. */
    private static int interval(double c, double origin, double extent, int size) {
        for (int s = 0; s < size; s++) {
            double lo = origin + s * extent / size;
            double hi = origin + (s + 1) * extent / size;
            if (lo <= c && c < hi) {
                return s;
            }
        }
        return -1;
    }
}
