package org.dicelens.ui.slices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.dicelens.render.RegionBox;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

/** Issue 19, item 8: the region is a rectangle on voxel boundaries, not coloured edge voxels. */
class RegionOutlineTest {
    private final Geometry g = Geometry.ofSpacing(10, 9, 8, 1, 1, 1); // RAS: both screen axes of the axial view flipped
    private final RegionBox box = new RegionBox(3, 2, 2, 6, 5, 5);

    @Test
    void axialSliceInsideTheBox() {
        // by hand: columns 9-6 .. 9-3 = 3..6 and rows 8-5 .. 8-2 = 3..6; 10 screen pixels per voxel
        double[] r = RegionOutline.onScreen(box, ViewGeometry.of(g, ViewAxis.AXIAL), 4, new double[] {0, 0, 100, 90});
        assertArrayEquals(new double[] {30, 30, 40, 40}, r, 1e-9);
        // offset placement, 5 px per voxel: the outer edges of the box's voxels
        r = RegionOutline.onScreen(box, ViewGeometry.of(g, ViewAxis.AXIAL), 2, new double[] {7, 11, 50, 45});
        assertArrayEquals(new double[] {7 + 15, 11 + 15, 20, 20}, r, 1e-9);
    }

    @Test
    void slicesOutsideTheBoxShowNothing() {
        assertNull(RegionOutline.onScreen(box, ViewGeometry.of(g, ViewAxis.AXIAL), 1, new double[] {0, 0, 100, 90}));
        assertNull(RegionOutline.onScreen(box, ViewGeometry.of(g, ViewAxis.AXIAL), 6, new double[] {0, 0, 100, 90}));
        assertNull(RegionOutline.onScreen(box, ViewGeometry.of(g, ViewAxis.SAGITTAL), 7, new double[] {0, 0, 90, 80}));
    }

    @Test
    void coronalViewUsesXAndZ() {
        // coronal: screen x = i flipped (width 10), screen y = k flipped (height 8): columns 3..6, rows 7-5 .. 7-2 = 2..5
        double[] r = RegionOutline.onScreen(box, ViewGeometry.of(g, ViewAxis.CORONAL), 3, new double[] {0, 0, 100, 80});
        assertArrayEquals(new double[] {30, 20, 40, 40}, r, 1e-9);
    }
}
