package org.dicelens.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

class ViewGeometryTest {
    static final double[] RAS = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    static final double[] LPS = {-1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    static final double[] LAS = {-0.8, 0, 0, 10, 0, 1.2, 0, -5, 0, 0, 3, 7, 0, 0, 0, 1};
    /** Voxel axis 0 runs towards A, 1 towards S, 2 towards R: orientation "ASR". */
    static final double[] ASR = {0, 0, 2, 0, 1, 0, 0, 0, 0, 1.5, 0, 0, 0, 0, 0, 1};
    /** Voxel axis 0 towards P, 1 towards I, 2 towards L, slightly oblique: "PIL". */
    static final double[] PIL_OBLIQUE = {0.05, 0.1, -1, 0, -1, 0.02, 0.1, 0, 0.1, -1, 0.05, 0, 0, 0, 0, 1};

    @Test
    void rasAxialIsFlippedOnBothScreenAxes() {
        Geometry g = new Geometry(4, 3, 2, RAS);
        ViewGeometry v = ViewGeometry.of(g, ViewAxis.AXIAL);
        assertEquals(4, v.width());
        assertEquals(3, v.height());
        assertEquals(2, v.sliceCount());
        assertTrue(v.flipX());
        assertTrue(v.flipY());
        // RAS: x grows towards patient Right, so the screen's left column (patient Right) is the last x.
        assertArrayEquals(new int[] {3, 2, 1}, v.voxel(0, 0, 1));
        assertArrayEquals(new int[] {0, 0, 1}, v.voxel(3, 2, 1));
        assertEquals(new EdgeLetters('R', 'L', 'A', 'P'), v.edgeLetters());
        assertEquals('S', v.sliceDirection());
    }

    @Test
    void lpsAxialNeedsNoFlip() {
        Geometry g = new Geometry(4, 3, 2, LPS);
        ViewGeometry v = ViewGeometry.of(g, ViewAxis.AXIAL);
        assertFalse(v.flipX());
        assertFalse(v.flipY());
        assertArrayEquals(new int[] {0, 0, 1}, v.voxel(0, 0, 1));
        assertEquals(new EdgeLetters('R', 'L', 'A', 'P'), v.edgeLetters());
    }

    @Test
    void rasCoronalAndSagittalPutSuperiorOnTop() {
        Geometry g = new Geometry(4, 3, 2, RAS);
        ViewGeometry c = ViewGeometry.of(g, ViewAxis.CORONAL);
        assertEquals(4, c.width());
        assertEquals(2, c.height());
        assertEquals(3, c.sliceCount());
        // top-left of coronal slice y=1: most Right x (3), most Superior z (1)
        assertArrayEquals(new int[] {3, 1, 1}, c.voxel(0, 0, 1));
        assertEquals(new EdgeLetters('R', 'L', 'S', 'I'), c.edgeLetters());
        ViewGeometry s = ViewGeometry.of(g, ViewAxis.SAGITTAL);
        assertEquals(3, s.width());
        assertEquals(2, s.height());
        assertEquals(4, s.sliceCount());
        // top-left of sagittal slice x=2: most Anterior y (2), most Superior z (1)
        assertArrayEquals(new int[] {2, 2, 1}, s.voxel(0, 0, 2));
        assertEquals(new EdgeLetters('A', 'P', 'S', 'I'), s.edgeLetters());
    }

    @Test
    void permutedAxesAreFoundByTheirWorldDirection() {
        Geometry g = new Geometry(5, 6, 7, ASR);
        assertEquals("ASR", g.orientation());
        ViewGeometry a = ViewGeometry.of(g, ViewAxis.AXIAL);
        assertEquals(2, a.screenXAxis()); // R/L lives on voxel axis 2
        assertEquals(0, a.screenYAxis()); // A/P on voxel axis 0
        assertEquals(1, a.sliceAxis());
        assertEquals(7, a.width());
        assertEquals(5, a.height());
        assertEquals(6, a.sliceCount());
        assertArrayEquals(new int[] {4, 3, 6}, a.voxel(0, 0, 3));
        assertEquals(1.5, a.sliceAxis() == 1 ? g.spacing()[1] : 0, 1e-12);
        assertEquals(2.0, a.pixelWidthMm(), 1e-12);
        assertEquals(1.0, a.pixelHeightMm(), 1e-12);
    }

    /** For every affine and view, stepping along screen x/y must move the voxel towards L/P/I as required. */
    @Test
    void screenDirectionsFollowTheRadiologicalConventionForEveryAffine() {
        for (double[] aff : List.of(RAS, LPS, LAS, ASR, PIL_OBLIQUE)) {
            Geometry g = new Geometry(5, 6, 7, aff);
            for (ViewAxis view : ViewAxis.values()) {
                ViewGeometry v = ViewGeometry.of(g, view);
                int slice = v.sliceCount() / 2;
                double[] w00 = world(g, v.voxel(0, 0, slice));
                double[] w10 = world(g, v.voxel(1, 0, slice));
                double[] w01 = world(g, v.voxel(0, 1, slice));
                String what = g.orientation() + " " + view;
                assertDominantNegative(w00, w10, view.worldX(), what + " screen x");
                assertDominantNegative(w00, w01, view.worldY(), what + " screen y");
                assertEquals(new int[] {'R', 'R', 'A'}[view.ordinal()], v.edgeLetters().left(), what);
                assertEquals(new int[] {'A', 'S', 'S'}[view.ordinal()], v.edgeLetters().top(), what);
                assertEquals(new int[] {'L', 'L', 'P'}[view.ordinal()], v.edgeLetters().right(), what);
                assertEquals(new int[] {'P', 'I', 'I'}[view.ordinal()], v.edgeLetters().bottom(), what);
                // the three views together use each voxel axis once
                assertEquals(3, v.screenXAxis() + v.screenYAxis() + v.sliceAxis(), what);
                assertEquals(g.dim(v.screenXAxis()), v.width(), what);
                assertEquals(g.dim(v.sliceAxis()), v.sliceCount(), what);
            }
        }
    }

    @Test
    void screenAndVoxelMapsAreInverse() {
        for (double[] aff : List.of(RAS, LPS, LAS, ASR, PIL_OBLIQUE)) {
            Geometry g = new Geometry(3, 4, 5, aff);
            for (ViewAxis view : ViewAxis.values()) {
                ViewGeometry v = ViewGeometry.of(g, view);
                for (int s = 0; s < v.sliceCount(); s++) {
                    for (int sy = 0; sy < v.height(); sy++) {
                        for (int sx = 0; sx < v.width(); sx++) {
                            int[] p = v.voxel(sx, sy, s);
                            assertEquals(sx, v.screenX(p[0], p[1], p[2]));
                            assertEquals(sy, v.screenY(p[0], p[1], p[2]));
                            assertEquals(s, v.sliceOf(p[0], p[1], p[2]));
                            assertEquals(g.index(p[0], p[1], p[2]), v.voxelIndex(sx, sy, s));
                        }
                    }
                }
            }
        }
    }

    @Test
    void singularAffineStillGivesThreeViews() {
        // voxel axis 1 has no direction (zero column): orientation "R?S"; it takes the free world axis A
        Geometry g = new Geometry(4, 3, 2, new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});
        assertEquals('?', g.orientation().charAt(1));
        assertEquals("RAS", ViewGeometry.completeCodes(g.orientation()));
        assertEquals("LPS", ViewGeometry.completeCodes("LP?")); // L and P take world axes 0 and 1: S is left
        ViewGeometry v = ViewGeometry.of(g, ViewAxis.SAGITTAL);
        assertEquals(1, v.screenXAxis());
        assertEquals(2, v.screenYAxis());
        assertEquals(0, v.sliceAxis());
    }

    private static double[] world(Geometry g, int[] v) {
        return g.voxelToWorld(v[0], v[1], v[2]);
    }

    private static void assertDominantNegative(double[] from, double[] to, int axis, String what) {
        double[] d = {to[0] - from[0], to[1] - from[1], to[2] - from[2]};
        for (int k = 0; k < 3; k++) {
            if (k != axis) {
                assertTrue(Math.abs(d[axis]) > Math.abs(d[k]), what + ": not along world axis " + axis);
            }
        }
        assertTrue(d[axis] < 0, what + ": runs towards the positive direction");
    }
}
