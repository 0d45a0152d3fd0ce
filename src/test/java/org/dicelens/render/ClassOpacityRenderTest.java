package org.dicelens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ImageVolume;
import org.dicelens.volume.ProbabilityMaps;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, item 15: each class's overlay opacity multiplies the layer's opacity for that class only. The expected
 * pixels are alpha blends worked by hand: out = ⌊(src·a + dst·(256 − a)) / 256⌋ per channel, a = round(α_layer ·
 * α_class · 256), over a grey image of level 100.
 */
class ClassOpacityRenderTest {
    private static final int GREY = 0xFF646464; // level 100

    /** A 6 × 5 × 1 case: reference labels 0, 1 (red), 2 (green) in stripes; image level 100 everywhere. */
    private static Case stripes(float[][] prob) {
        Geometry g = Geometry.ofSpacing(6, 5, 1, 1, 1, 1);
        byte[] ref = new byte[g.voxelCount()];
        float[] img = new float[g.voxelCount()];
        for (int i = 0; i < ref.length; i++) {
            int x = i % 6;
            ref[i] = (byte) (x < 2 ? 0 : x < 4 ? 1 : 2);
            img[i] = 100;
        }
        ProbabilityMaps p = prob == null ? null : new ProbabilityMaps(g, prob, 0, List.of());
        return new Case("stripes", g, new ImageVolume(g, img, null), ref, p, TinyCase.classes(3), List.of());
    }

    private static int[] render(Case c, OverlaySettings o) {
        ViewGeometry v = ViewGeometry.of(c.geometry(), ViewAxis.AXIAL);
        int[] out = new int[v.width() * v.height()];
        new SliceRenderer().render(c, v, 0, Settings.defaults(3), o, SliceInputs.none(), out);
        return out;
    }

    /** The reference label shown at each pixel of the axial slice. */
    private static int[] labelsOnScreen(Case c) {
        ViewGeometry v = ViewGeometry.of(c.geometry(), ViewAxis.AXIAL);
        int[] idx = new int[v.width() * v.height()];
        Slices.indices(v, 0, idx);
        int[] l = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            l[i] = c.referenceClass()[idx[i]];
        }
        return l;
    }

    private static OverlaySettings filledAt(double layer) {
        return TinyCase.nothing().withWindow(0, 255).withReference(LayerSetting.on(layer), true);
    }

    @Test
    void halfOpacityOfClassTwoBlendsItsFillByHandAndLeavesClassOneAlone() {
        Case c = stripes(null);
        int[] labels = labelsOnScreen(c);
        int[] out = render(c, filledAt(0.8).withClassOpacity(new double[] {1, 1, 0.5}));
        // class 1 (red 255,0,0) at a = round(0.8·1·256) = 205: r = ⌊(255·205 + 100·51)/256⌋ = ⌊57375/256⌋ = 224,
        // g = b = ⌊100·51/256⌋ = 19
        int red = 0xFFE01313;
        // class 2 (green 0,255,0) at a = round(0.8·0.5·256) = round(102.4) = 102: g = ⌊(255·102 + 100·154)/256⌋
        // = ⌊41410/256⌋ = 161, r = b = ⌊100·154/256⌋ = 60
        int green = 0xFF3CA13C;
        for (int i = 0; i < out.length; i++) {
            int expected = labels[i] == 1 ? red : labels[i] == 2 ? green : GREY;
            assertEquals(Integer.toHexString(expected), Integer.toHexString(out[i]), "pixel " + i + " label " + labels[i]);
        }
    }

    @Test
    void onlyTheMovedClassesPixelsChange() {
        float[] p1 = new float[30];
        float[] p2 = new float[30];
        float[] p0 = new float[30];
        for (int i = 0; i < 30; i++) {
            int x = i % 6;
            int y = i / 6;
            p1[i] = x >= 1 && x <= 3 && y >= 1 && y <= 3 ? 0.9f : 0.05f;
            p2[i] = x >= 4 && y <= 3 ? 0.8f : 0.05f;
            p0[i] = 1 - p1[i] - p2[i];
        }
        Case c = stripes(new float[][] {p0, p1, p2});
        int[] labels = labelsOnScreen(c);
        // every class layer on (fill, hard contours); class 2 is not the chosen one, so only its own layers dim
        OverlaySettings o = filledAt(0.6).withHardContour(LayerSetting.on(1), 0).withErrors(LayerSetting.on(0.7))
                .withChosenClass(1);
        int[] before = render(c, o);
        int[] after = render(c, o.withClassOpacity(new double[] {1, 1, 0.3}));
        // class 2's pixels: its reference fill (x 4..5) and its hard mask's contour (x ≥ 4, y ≤ 3, all on the edge)
        ViewGeometry v = ViewGeometry.of(c.geometry(), ViewAxis.AXIAL);
        int[] idx = new int[30];
        Slices.indices(v, 0, idx);
        int changed = 0;
        for (int i = 0; i < 30; i++) {
            boolean classTwo = labels[i] == 2 || p2[idx[i]] >= 0.5f;
            if (classTwo) {
                changed += before[i] != after[i] ? 1 : 0;
            } else {
                assertEquals(Integer.toHexString(before[i]), Integer.toHexString(after[i]), "pixel " + i
                        + " shows no class-2 overlay and must not change");
            }
        }
        assertEquals(10, changed, "x 4..5 (10 voxels) hold class 2's fill and contour; every one of them dims");
        // opacity 1 everywhere draws exactly what no class opacity draws (numbers unchanged)
        int[] ones = render(c, o.withClassOpacity(new double[] {1, 1, 1}));
        for (int i = 0; i < 30; i++) {
            assertEquals(before[i], ones[i]);
        }
    }

    @Test
    void theChosenClassesErrorColoursFollowItsOpacity() {
        float[] p1 = new float[30];
        float[] p0 = new float[30];
        float[] p2 = new float[30];
        for (int i = 0; i < 30; i++) {
            int x = i % 6;
            p1[i] = x == 3 || x == 4 ? 0.9f : 0.05f; // x 3 is TP (ref 1), x 4 FP (ref 2), x 2 FN (ref 1, p low)
            p2[i] = 0.05f;
            p0[i] = 1 - p1[i] - p2[i];
        }
        Case c = stripes(new float[][] {p0, p1, p2});
        OverlaySettings o = TinyCase.nothing().withWindow(0, 255).withErrors(LayerSetting.on(1)).withChosenClass(1)
                .withClassOpacity(new double[] {1, 0.25, 1});
        int[] out = render(c, o);
        ViewGeometry v = ViewGeometry.of(c.geometry(), ViewAxis.AXIAL);
        int[] idx = new int[30];
        Slices.indices(v, 0, idx);
        // a = round(1·0.25·256) = 64, 256 − a = 192 over grey 100 (100·192 = 19200):
        // TP 0x009E73: r ⌊19200/256⌋ = 75, g ⌊(158·64 + 19200)/256⌋ = ⌊29312/256⌋ = 114, b ⌊(115·64 + 19200)/256⌋ = 103
        int tp = 0xFF4B7267;
        // FP 0xD55E00: r ⌊(213·64 + 19200)/256⌋ = 128, g ⌊(94·64 + 19200)/256⌋ = 98, b 75
        int fp = 0xFF80624B;
        // FN 0x56B4E9: r ⌊(86·64 + 19200)/256⌋ = 96, g ⌊(180·64 + 19200)/256⌋ = 120, b ⌊(233·64 + 19200)/256⌋ = 133
        int fn = 0xFF607885;
        for (int i = 0; i < 30; i++) {
            int x = idx[i] % 6;
            int expected = x == 3 ? tp : x == 4 ? fp : x == 2 ? fn : GREY;
            assertEquals(Integer.toHexString(expected), Integer.toHexString(out[i]), "pixel " + i + " (voxel x " + x + ")");
        }
        // class 2's opacity does not touch class 1's error map
        int[] other = render(c, o.withClassOpacity(new double[] {1, 0.25, 0}));
        for (int i = 0; i < 30; i++) {
            assertEquals(out[i], other[i]);
        }
    }

    @Test
    void anOpacityOutsideZeroToOneIsRefused() {
        OverlaySettings o = OverlaySettings.defaults(3);
        assertThrows(IllegalArgumentException.class, () -> o.withClassOpacity(new double[] {1, 1.5, 1}));
        assertThrows(IllegalArgumentException.class, () -> o.withClassOpacity(new double[] {Double.NaN}));
        assertTrue(o.withClassOpacity(new double[] {1, 0, 1}).classOpacity(1) == 0);
        assertEquals(1, o.classOpacity(7), "a channel with no entry draws at the layer's opacity");
    }
}
