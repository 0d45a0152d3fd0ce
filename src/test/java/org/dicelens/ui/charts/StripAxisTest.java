package org.dicelens.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dicelens.render.ViewAxis;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

/** Issue 19, item 1: the strip's axis is the one the named view steps through, on any voxel order. */
class StripAxisTest {
    @Test
    void rasGridAxialIsK() {
        Geometry g = Geometry.ofSpacing(4, 5, 6, 1, 1, 1);
        assertEquals(2, StripAxis.voxelAxis(g, ViewAxis.AXIAL));
        assertEquals(1, StripAxis.voxelAxis(g, ViewAxis.CORONAL));
        assertEquals(0, StripAxis.voxelAxis(g, ViewAxis.SAGITTAL));
    }

    @Test
    void sagittallyAcquiredGridFollowsTheViewNotTheVoxelAxis() {
        // i runs towards S (superior), j towards P, k towards R: orientation "SPR". By hand: the axial view slices
        // along S/I = voxel axis i, the coronal view along A/P = j, the sagittal view along R/L = k.
        double[] affine = {0, 0, 1, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1};
        Geometry g = new Geometry(4, 5, 6, affine);
        assertEquals("SPR", g.orientation());
        assertEquals(0, StripAxis.voxelAxis(g, ViewAxis.AXIAL));
        assertEquals(1, StripAxis.voxelAxis(g, ViewAxis.CORONAL));
        assertEquals(2, StripAxis.voxelAxis(g, ViewAxis.SAGITTAL));
        assertEquals(ViewAxis.AXIAL, StripAxis.viewOf(g, 0));
        assertEquals(ViewAxis.SAGITTAL, StripAxis.viewOf(g, 2));
    }
}
