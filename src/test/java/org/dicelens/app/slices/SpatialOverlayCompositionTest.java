package org.dicelens.app.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dicelens.common.Progress;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.spatial.SpatialOptions;
import org.dicelens.metrics.spatial.SpatialOverlay;
import org.dicelens.metrics.voxel.SpatialOverlayMetric;
import org.dicelens.metrics.voxel.VoxelMetrics;
import org.dicelens.render.OverlaySettings;
import org.dicelens.render.SliceInputs;
import org.dicelens.render.SliceRenderer;
import org.dicelens.render.SpatialLayer;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ImageVolume;
import org.dicelens.volume.ProbabilityMaps;
import org.junit.jupiter.api.Test;

/**
 * The lesion and boundary-distance overlays through the voxel tier and the one slice assembly: the composed pixels
 * of a missed lesion, a detected one and a false-positive component carry their colours, and every border voxel of the
 * prediction is drawn in the colour of its distance found by brute force (all pairs of border voxels, anisotropic).
 */
class SpatialOverlayCompositionTest {
    static final int NX = 12;
    static final int NY = 10;
    static final int NZ = 6;
    static final double[] S = {1, 1.5, 2.5};

    static boolean box(int x, int y, int z, int x0, int x1, int y0, int y1, int z0, int z1) {
        return x >= x0 && x <= x1 && y >= y0 && y <= y1 && z >= z0 && z <= z1;
    }

    /** Reference: lesion A (detected) and lesion B (missed); prediction: half of A grown by one, and a far blob (FP). */
    static Case tinyCase() {
        int n = NX * NY * NZ;
        byte[] ref = new byte[n];
        float[] fg = new float[n];
        for (int i = 0; i < n; i++) {
            int x = i % NX;
            int y = i / NX % NY;
            int z = i / (NX * NY);
            boolean a = box(x, y, z, 2, 5, 2, 5, 1, 3);
            boolean b = box(x, y, z, 8, 9, 6, 8, 2, 3);
            ref[i] = (byte) (a || b ? 1 : 0);
            boolean pa = box(x, y, z, 1, 3, 1, 6, 1, 4);
            boolean fp = box(x, y, z, 8, 10, 0, 2, 4, 5);
            fg[i] = pa || fp ? 0.9f : 0.1f;
        }
        Geometry g = Geometry.ofSpacing(NX, NY, NZ, S[0], S[1], S[2]);
        float[] bg = new float[n];
        for (int i = 0; i < n; i++) {
            bg[i] = 1 - fg[i];
        }
        return new Case("tiny", g, new ImageVolume(g, new float[n], null), ref,
                new ProbabilityMaps(g, new float[][] {bg, fg}, 0, List.of()), ClassTable.forLabels(0, 1), List.of());
    }

    static SpatialOverlay overlay(Case c, Settings s) {
        return new VoxelMetrics(c).get(SpatialOverlayMetric.INSTANCE,
                SpatialOverlayMetric.request(s, 1, SpatialOptions.defaults()), Progress.NONE);
    }

    static OverlaySettings plain() {
        OverlaySettings o = OverlaySettings.defaults(2);
        return o.withReference(o.reference().withOn(false), true).withHardContour(o.hardContour().withOn(false), 0)
                .withRegion(o.region().withOn(false)).withCrosshair(false);
    }

    static int[] compose(Case c, Settings s, SpatialLayer layer, ViewGeometry v, int slice) {
        SliceFrame f = new SliceFrame(c, s, plain(), SliceInputs.none(), null, null, null, layer);
        int len = v.width() * v.height();
        int[] out = new int[len];
        SliceAssembly.compose(f, v, slice, new SliceRenderer(), new float[len], new float[len], out);
        return out;
    }

    /** Screen pixel of voxel (x, y, z) in view v (the view's slice must contain it). */
    static int pixel(ViewGeometry v, int x, int y, int z) {
        int[] idx = new int[v.width() * v.height()];
        org.dicelens.render.Slices.indices(v, v.sliceOf(x, y, z), idx);
        int want = x + NX * (y + NY * z);
        for (int p = 0; p < idx.length; p++) {
            if (idx[p] == want) {
                return p;
            }
        }
        throw new AssertionError("voxel not on its slice");
    }

    @Test
    void lesionOutlinesCarryTheirKindsColours() {
        Case c = tinyCase();
        Settings s = Settings.defaults(2).withMargin(Settings.WHOLE_VOLUME);
        SpatialLayer layer = new SpatialLayer(overlay(c, s), new SpatialLayer.Style(true, 1.0, false, 0, 0));
        ViewGeometry axial = ViewGeometry.of(c.geometry(), ViewAxis.AXIAL);
        int[] missed = compose(c, s, layer, axial, 2);
        assertEquals(SpatialLayer.MISSED_ARGB, missed[pixel(axial, 8, 6, 2)]);
        assertEquals(SpatialLayer.MISSED_ARGB, missed[pixel(axial, 9, 7, 2)]); // 2 wide: all on the outline
        assertEquals(SpatialLayer.DETECTED_ARGB, missed[pixel(axial, 5, 5, 2)]);
        int[] plain = compose(c, s, null, axial, 2);
        assertEquals(plain[pixel(axial, 3, 3, 2)], missed[pixel(axial, 3, 3, 2)], "inside lesion A: no outline");
        assertEquals(plain[pixel(axial, 0, 9, 2)], missed[pixel(axial, 0, 9, 2)], "background untouched");
        int[] fp = compose(c, s, layer, axial, 4);
        assertEquals(SpatialLayer.FALSE_POSITIVE_ARGB, fp[pixel(axial, 10, 0, 4)]);
        assertEquals(plain.length, fp.length);
        // a higher threshold removes the prediction: lesion A is missed too
        Settings high = s.withThresholdSteps(new int[] {500, 950});
        int[] none = compose(c, high, new SpatialLayer(overlay(c, high), new SpatialLayer.Style(true, 1.0, false, 0, 0)),
                axial, 2);
        assertEquals(SpatialLayer.MISSED_ARGB, none[pixel(axial, 5, 5, 2)]);
    }

    @Test
    void borderVoxelsAreColouredByTheirBruteForceDistance() {
        Case c = tinyCase();
        Settings s = Settings.defaults(2).withMargin(Settings.WHOLE_VOLUME);
        int n = NX * NY * NZ;
        boolean[] pred = new boolean[n];
        boolean[] ref = new boolean[n];
        for (int i = 0; i < n; i++) {
            pred[i] = c.prediction().channels()[1][i] >= 0.5f;
            ref[i] = c.referenceClass()[i] == 1;
        }
        List<Integer> bp = border(pred);
        List<Integer> br = border(ref);
        double[] dist = new double[n];
        java.util.Arrays.fill(dist, Double.NaN);
        double max = 0;
        for (int a : bp) {
            double best = Double.POSITIVE_INFINITY;
            for (int b : br) {
                double dx = (a % NX - b % NX) * S[0];
                double dy = (a / NX % NY - b / NX % NY) * S[1];
                double dz = (a / (NX * NY) - b / (NX * NY)) * S[2];
                best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
            dist[a] = best;
            max = Math.max(max, best);
        }
        SpatialOverlay o = overlay(c, s);
        assertEquals(max, o.maxDistanceMm(), 1e-9);
        SpatialLayer layer = new SpatialLayer(o, new SpatialLayer.Style(false, 0, true, 1.0, 0));
        int checked = 0;
        int zero = 0;
        for (ViewAxis axis : ViewAxis.values()) {
            ViewGeometry v = ViewGeometry.of(c.geometry(), axis);
            for (int slice = 0; slice < v.sliceCount(); slice++) {
                int[] with = compose(c, s, layer, v, slice);
                int[] without = compose(c, s, null, v, slice);
                int[] idx = new int[with.length];
                org.dicelens.render.Slices.indices(v, slice, idx);
                for (int p = 0; p < idx.length; p++) {
                    double d = dist[idx[p]];
                    if (Double.isNaN(d)) {
                        assertEquals(without[p], with[p], "not a border voxel of the prediction");
                    } else {
                        assertEquals(SpatialLayer.DISTANCE_COLOURS.argb(Math.min(1, d / max)), with[p], "distance " + d);
                        checked++;
                        zero += d == 0 ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(checked > 100 && zero > 0, checked + " border pixels, " + zero + " at 0 mm");
        // 0 mm is the colour map's first colour, the farthest voxel its last
        assertEquals(SpatialLayer.DISTANCE_COLOURS.argb(0), SpatialLayer.distanceArgb(0, max));
        assertEquals(SpatialLayer.DISTANCE_COLOURS.argb(1), SpatialLayer.distanceArgb(max, max));
    }

    /** Voxels of m with a 6-neighbour outside m or outside the grid. */
    static List<Integer> border(boolean[] m) {
        List<Integer> out = new java.util.ArrayList<>();
        int[][] d6 = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int i = 0; i < m.length; i++) {
            if (!m[i]) {
                continue;
            }
            int x = i % NX;
            int y = i / NX % NY;
            int z = i / (NX * NY);
            for (int[] d : d6) {
                int a = x + d[0];
                int b = y + d[1];
                int e = z + d[2];
                if (a < 0 || b < 0 || e < 0 || a >= NX || b >= NY || e >= NZ || !m[a + NX * (b + NY * e)]) {
                    out.add(i);
                    break;
                }
            }
        }
        return out;
    }
}
