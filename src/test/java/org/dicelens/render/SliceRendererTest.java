package org.dicelens.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ImageVolume;
import org.junit.jupiter.api.Test;

class SliceRendererTest {
    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;

    @Test
    void aReferenceVoxelAppearsAtTheRadiologicalPixelInEachView() {
        Geometry g = Geometry.ofSpacing(4, 3, 2, 1, 1, 1); // RAS
        byte[] ref = new byte[24];
        ref[g.index(3, 0, 0)] = 1;
        Case c = TinyCase.of(g, ref, null, 2);
        OverlaySettings o = TinyCase.nothing().withReference(LayerSetting.on(1), true);
        SliceRenderer r = new SliceRenderer();
        // Worked by hand: x=3 is the most Right column (screen left, sx 0); y=0 is most Posterior (bottom row);
        // z=0 is most Inferior (bottom row).
        assertOnly(r, c, ViewAxis.AXIAL, 0, o, 0, 2, TinyCase.RED); // 4x3
        assertOnly(r, c, ViewAxis.CORONAL, 0, o, 0, 1, TinyCase.RED); // 4x2, slice y=0
        assertOnly(r, c, ViewAxis.SAGITTAL, 3, o, 2, 1, TinyCase.RED); // 3x2, slice x=3, y=0 is the right column
    }

    private static void assertOnly(SliceRenderer r, Case c, ViewAxis axis, int slice, OverlaySettings o, int sx, int sy,
            int colour) {
        ViewGeometry v = ViewGeometry.of(c.geometry(), axis);
        int[] out = new int[v.width() * v.height()];
        r.render(c, v, slice, Settings.defaults(c.classCount()), o, SliceInputs.none(), out);
        for (int y = 0; y < v.height(); y++) {
            for (int x = 0; x < v.width(); x++) {
                int expected = x == sx && y == sy ? colour : BLACK;
                assertEquals(Integer.toHexString(expected), Integer.toHexString(out[y * v.width() + x]),
                        axis + " pixel " + x + "," + y);
            }
        }
    }

    /** The viewer hands composed slices to JavaFX as premultiplied ARGB: that is only right if every pixel is opaque. */
    @Test
    void everyComposedPixelIsOpaqueWithEveryOverlayAtHalfOpacity() {
        Geometry g = Geometry.ofSpacing(9, 7, 5, 1, 1, 1);
        java.util.Random rnd = new java.util.Random(7);
        byte[] ref = new byte[g.voxelCount()];
        float[][] p = new float[3][g.voxelCount()];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = (byte) rnd.nextInt(3);
            float a = rnd.nextFloat();
            float b = rnd.nextFloat() * (1 - a);
            p[0][i] = a;
            p[1][i] = b;
            p[2][i] = 1 - a - b;
        }
        Case c = TinyCase.of(g, ref, p, 3);
        LayerSetting half = LayerSetting.on(0.5);
        OverlaySettings o = OverlaySettings.defaults(3).withReference(half, true).withProbability(half, Colormap.VIRIDIS, 0)
                .withHardContour(half, 0).withErrors(half).withDiceOptimal(half).withRegion(half).withChosenClass(1);
        float[] gradient = new float[9 * 7];
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = (float) rnd.nextGaussian();
        }
        o = o.withGradient(half, 2);
        for (ViewAxis a : ViewAxis.values()) {
            ViewGeometry v = ViewGeometry.of(g, a);
            int[] out = new int[v.width() * v.height()];
            SliceInputs in = SliceInputs.none().withDiceOptimalThreshold(0.3);
            if (a == ViewAxis.AXIAL) {
                in = in.withGradient(gradient);
            }
            new SliceRenderer().render(c, v, 1, Settings.defaults(3), o, in, out);
            for (int i = 0; i < out.length; i++) {
                assertEquals(0xFF, out[i] >>> 24, a + " pixel " + i);
            }
        }
    }

    /**
     * A renderer reuses the image, reference-fill and heat-map layers between renders; whatever changes in between
     * (threshold, window, chosen class, opacity, visibility), its output must equal a fresh renderer's.
     */
    @Test
    void reusedLowerLayersNeverShowAStaleState() {
        Geometry g = Geometry.ofSpacing(8, 6, 4, 1, 1, 1);
        java.util.Random rnd = new java.util.Random(11);
        byte[] ref = new byte[g.voxelCount()];
        float[][] p = new float[3][g.voxelCount()];
        float[] img = new float[g.voxelCount()];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = (byte) rnd.nextInt(3);
            p[1][i] = rnd.nextFloat() * 0.6f;
            p[2][i] = rnd.nextFloat() * (1 - p[1][i]);
            p[0][i] = 1 - p[1][i] - p[2][i];
            img[i] = rnd.nextFloat() * 100;
        }
        Case c = new Case("s", g, new ImageVolume(g, img, null), ref,
                new org.dicelens.volume.ProbabilityMaps(g, p, 0, java.util.List.of()), TinyCase.classes(3),
                java.util.List.of());
        ViewGeometry v = ViewGeometry.of(g, ViewAxis.AXIAL);
        SliceRenderer reused = new SliceRenderer();
        OverlaySettings o = OverlaySettings.defaults(3).withWindow(0, 100)
                .withProbability(LayerSetting.on(0.5), Colormap.VIRIDIS, 0.05);
        Settings s = Settings.defaults(3);
        // each change differs from the one before in one thing only
        OverlaySettings[] overlays = new OverlaySettings[8];
        overlays[0] = o;
        overlays[1] = o;
        overlays[2] = overlays[1].withWindow(10, 60);
        overlays[3] = overlays[2].withChosenClass(2);
        overlays[4] = overlays[3].withReference(LayerSetting.on(0.7), true);
        overlays[5] = overlays[4].withClassVisible(new boolean[] {true, false, true});
        overlays[6] = overlays[5].withProbability(LayerSetting.on(0.5), Colormap.HOT, 0.05);
        overlays[7] = overlays[6].withProbability(LayerSetting.off(0.5), Colormap.HOT, 0.05);
        int[] steps = {500, 300, 300, 300, 300, 300, 300, 300};
        int[] out = new int[v.width() * v.height()];
        int[] fresh = new int[out.length];
        for (int k = 0; k < overlays.length; k++) {
            int[] t = s.thresholdSteps();
            java.util.Arrays.fill(t, steps[k]);
            Settings sk = s.withThresholdSteps(t);
            // the same slice from one change to the next (the reused layers are hit), then away and back
            int[] slices = k == overlays.length - 1 ? new int[] {1, 2, 1} : new int[] {1};
            for (int slice : slices) {
                reused.render(c, v, slice, sk, overlays[k], null, out);
                new SliceRenderer().render(c, v, slice, sk, overlays[k], null, fresh);
                assertArrayEquals(fresh, out, "change " + k + ", slice " + slice);
            }
        }
    }

    /**
     * The renderer also keeps traced contours (per class, reference, argmax labels, Dice-optimal, region) while their
     * inputs are unchanged. A seeded walk of 400 single changes of every kind: each render of the reused renderer must
     * equal a fresh renderer's, which keeps nothing.
     */
    @Test
    void keptContoursNeverShowAStaleState() {
        Geometry g = Geometry.ofSpacing(9, 7, 5, 1, 1, 1);
        java.util.Random rnd = new java.util.Random(17);
        int n = g.voxelCount();
        byte[] ref = new byte[n];
        float[][] p = new float[4][n];
        float[] img = new float[n];
        for (int i = 0; i < n; i++) {
            float a = rnd.nextFloat();
            float b = rnd.nextFloat() * (1 - a);
            float d = rnd.nextFloat() * (1 - a - b);
            p[1][i] = a;
            p[2][i] = b;
            p[3][i] = d;
            p[0][i] = 1 - a - b - d;
            ref[i] = (byte) rnd.nextInt(4);
            img[i] = rnd.nextFloat() * 100;
        }
        Case c = new Case("walk", g, new ImageVolume(g, img, null), ref,
                new org.dicelens.volume.ProbabilityMaps(g, p, 0, java.util.List.of()), TinyCase.classes(4),
                java.util.List.of());
        java.util.function.IntPredicate boxA = new RegionBox(1, 1, 1, 6, 5, 3).asPredicate(g);
        java.util.function.IntPredicate boxB = new RegionBox(2, 0, 0, 8, 4, 4).asPredicate(g);
        java.util.function.IntPredicate odd = i -> i % 3 != 0; // not a box: drawn voxel by voxel
        java.util.function.IntPredicate[] regions = {null, boxA, boxB, odd, new RegionBox(1, 1, 1, 6, 5, 3).asPredicate(g)};
        OverlaySettings o = OverlaySettings.defaults(4).withWindow(0, 100).withReference(LayerSetting.on(0.8), false)
                .withHardContour(LayerSetting.on(1), 0).withDiceOptimal(LayerSetting.on(0.9)).withRegion(LayerSetting.on(1))
                .withErrors(LayerSetting.on(0.4));
        Settings s = Settings.defaults(4);
        int[] steps = {500, 500, 500, 500};
        double tOpt = 0.4;
        java.util.function.IntPredicate region = boxA;
        ViewAxis axis = ViewAxis.AXIAL;
        int slice = 1;
        SliceRenderer reused = new SliceRenderer();
        int kinds = 0;
        for (int step = 0; step < 400; step++) {
            int kind = rnd.nextInt(12);
            kinds |= 1 << kind;
            switch (kind) {
                case 0, 1, 2 -> steps[1 + rnd.nextInt(3)] = 100 + 50 * rnd.nextInt(16); // one class's threshold
                case 3 -> {
                    boolean[] vis = {true, rnd.nextBoolean(), rnd.nextBoolean(), rnd.nextBoolean()};
                    o = o.withClassVisible(vis);
                }
                case 4 -> s = s.withMode(s.mode() == HardMode.ARGMAX ? HardMode.THRESHOLD : HardMode.ARGMAX,
                        s.confidenceFloorStep());
                case 5 -> s = s.withMode(s.mode(), 50 * rnd.nextInt(12)); // the argmax confidence floor
                case 6 -> tOpt = rnd.nextBoolean() ? Double.NaN : 0.1 * (1 + rnd.nextInt(8));
                case 7 -> region = regions[rnd.nextInt(regions.length)];
                case 8 -> o = o.withChosenClass(rnd.nextInt(4));
                case 9 -> o = o.withHardContour(LayerSetting.on(1), rnd.nextBoolean() ? 0 : 0xFFFFFFFF);
                case 10 -> o = o.withReference(LayerSetting.on(0.8), rnd.nextInt(4) == 0);
                default -> {
                    if (rnd.nextBoolean()) {
                        slice = rnd.nextInt(3);
                    } else {
                        axis = ViewAxis.values()[rnd.nextInt(3)];
                        slice = 0;
                    }
                }
            }
            Settings sk = s.withThresholdSteps(steps.clone());
            ViewGeometry v = ViewGeometry.of(g, axis);
            SliceInputs in = new SliceInputs(null, tOpt, region);
            int[] out = new int[v.width() * v.height()];
            int[] fresh = new int[out.length];
            reused.render(c, v, slice, sk, o, in, out);
            new SliceRenderer().render(c, v, slice, sk, o, in, fresh);
            assertArrayEquals(fresh, out, "step " + step + " (change " + kind + ")");
        }
        assertEquals((1 << 12) - 1, kinds, "every kind of change was made");
    }

    @Test
    void windowMapsLowToBlackHighToWhiteAndMidToGrey() {
        Geometry g = new Geometry(4, 1, 1, TinyCase.LPS);
        float[] img = {10, 20, 15, Float.NaN};
        Case c = new Case("w", g, new ImageVolume(g, img, null), new byte[4], null, TinyCase.classes(2), java.util.List.of());
        int[] out = new int[4];
        new SliceRenderer().render(c, ViewGeometry.of(g, ViewAxis.AXIAL), 0, Settings.defaults(2),
                TinyCase.nothing().withWindow(10, 20), null, out);
        // 15 is half-way: 127.5 rounds to 128 = 0x80. NaN is drawn black.
        assertArrayEquals(new int[] {BLACK, WHITE, 0xFF808080, BLACK}, out);
    }

    @Test
    void halfOpacityBlendsHalfWay() {
        Geometry g = new Geometry(1, 1, 1, TinyCase.LPS);
        Case c = new Case("b", g, new ImageVolume(g, new float[] {1}, null), new byte[] {1}, null, TinyCase.classes(2),
                java.util.List.of());
        int[] out = new int[1];
        new SliceRenderer().render(c, ViewGeometry.of(g, ViewAxis.AXIAL), 0, Settings.defaults(2),
                TinyCase.nothing().withReference(LayerSetting.on(0.5), true), null, out);
        // white base, red at weight 128/256: r = 255, g = b = 255 * 128 / 256 = 127.5 -> 127 (truncating blend)
        assertEquals(0xFFFF7F7F, out[0]);
    }

    @Test
    void hardContourLiesExactlyOnTheMaskBoundary() {
        Geometry g = new Geometry(7, 6, 1, TinyCase.LPS);
        float[] fg = new float[42];
        // a 3x3 square at x 2..4, y 1..3, plus one pixel on the slice's right edge at (6, 5)
        for (int y = 1; y <= 3; y++) {
            for (int x = 2; x <= 4; x++) {
                fg[g.index(x, y, 0)] = 0.9f;
            }
        }
        fg[g.index(6, 5, 0)] = 0.5f; // exactly t: inclusive, so inside the mask
        fg[g.index(0, 0, 0)] = 0.499f; // just below t: outside
        Case c = TinyCase.of(g, new byte[42], TinyCase.binary(fg), 2);
        OverlaySettings o = TinyCase.nothing().withHardContour(LayerSetting.on(1), WHITE);
        int[] out = render(c, ViewAxis.AXIAL, 0, Settings.defaults(2), o, null);
        boolean[][] expected = new boolean[6][7];
        for (int y = 1; y <= 3; y++) {
            for (int x = 2; x <= 4; x++) {
                expected[y][x] = !(x == 3 && y == 2); // all but the centre of the 3x3 square
            }
        }
        expected[5][6] = true;
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 7; x++) {
                assertEquals(expected[y][x] ? WHITE : BLACK, out[y * 7 + x], "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void hardContourFollowsTheClassThreshold() {
        Geometry g = new Geometry(3, 1, 1, TinyCase.LPS);
        float[] fg = {0.2f, 0.6f, 0.8f};
        Case c = TinyCase.of(g, new byte[3], TinyCase.binary(fg), 2);
        OverlaySettings o = TinyCase.nothing().withHardContour(LayerSetting.on(1), 0); // class colour (red)
        Settings s = Settings.defaults(2).withThresholdSteps(new int[] {500, 700});
        // class 0 is the background (label 0): never drawn. Class 1 at t = 0.7: only x = 2.
        assertArrayEquals(new int[] {BLACK, BLACK, TinyCase.RED}, render(c, ViewAxis.AXIAL, 0, s, o, null));
    }

    @Test
    void errorMapColoursHandPlacedTpFpFn() {
        Geometry g = new Geometry(4, 1, 1, TinyCase.LPS);
        byte[] ref = {1, 1, 0, 0}; // reference class 1 at x 0 and 1
        float[] fg = {0.1f, 0.9f, 0.9f, 0.1f}; // predicted at x 1 and 2
        Case c = TinyCase.of(g, ref, TinyCase.binary(fg), 2);
        OverlaySettings o = TinyCase.nothing().withErrors(LayerSetting.on(1));
        int[] out = render(c, ViewAxis.AXIAL, 0, Settings.defaults(2), o, null);
        assertArrayEquals(new int[] {OverlayColours.FN, OverlayColours.TP, OverlayColours.FP, BLACK}, out);
    }

    @Test
    void errorMapInArgmaxModeWithTiesAndConfidenceFloor() {
        Geometry g = new Geometry(4, 1, 1, TinyCase.LPS);
        byte[] ref = {2, 2, 2, 0};
        float[][] p = {
            {0.2f, 0.4f, 0.3f, 0.1f}, // background
            {0.3f, 0.3f, 0.4f, 0.1f}, // class 1
            {0.5f, 0.3f, 0.3f, 0.8f}, // class 2
        };
        Case c = TinyCase.of(g, ref, p, 3);
        OverlaySettings o = TinyCase.nothing().withChosenClass(2).withErrors(LayerSetting.on(1));
        // x0: argmax 2 -> TP. x1: background wins -> FN. x2: class 1 wins -> FN. x3: class 2 but ref 0 -> FP.
        Settings argmax = Settings.defaults(3).withMode(HardMode.ARGMAX, 0);
        assertArrayEquals(new int[] {OverlayColours.TP, OverlayColours.FN, OverlayColours.FN, OverlayColours.FP},
                render(c, ViewAxis.AXIAL, 0, argmax, o, null));
        // ties go to the lowest index: make x1 a tie between class 1 and class 2 at 0.45 (background 0.1)
        p[0][1] = 0.1f;
        p[1][1] = 0.45f;
        p[2][1] = 0.45f;
        // floor 0.6: x0 (max 0.5) falls to background -> FN; x3 (0.8) stays FP
        Settings floor = Settings.defaults(3).withMode(HardMode.ARGMAX, 600);
        assertArrayEquals(new int[] {OverlayColours.FN, OverlayColours.FN, OverlayColours.FN, OverlayColours.FP},
                render(c, ViewAxis.AXIAL, 0, floor, o, null));
        Settings noFloor = Settings.defaults(3).withMode(HardMode.ARGMAX, 0);
        assertEquals(OverlayColours.FN, render(c, ViewAxis.AXIAL, 0, noFloor, o, null)[1]); // tie -> class 1
    }

    @Test
    void referenceContourAndFillUseClassColours() {
        Geometry g = new Geometry(5, 3, 1, TinyCase.LPS);
        byte[] ref = {
            0, 1, 1, 1, 2,
            0, 1, 1, 1, 2,
            0, 1, 1, 1, 2};
        Case c = TinyCase.of(g, ref, null, 3);
        int r = TinyCase.RED;
        int gr = TinyCase.GREEN;
        int[] contour = render(c, ViewAxis.AXIAL, 0, Settings.defaults(3), TinyCase.nothing().withReference(LayerSetting.on(1), false),
                null);
        assertArrayEquals(new int[] {
            BLACK, r, r, r, gr,
            BLACK, r, BLACK, r, gr,
            BLACK, r, r, r, gr}, contour);
        boolean[] hideClass1 = {true, false, true};
        int[] fill = render(c, ViewAxis.AXIAL, 0, Settings.defaults(3),
                TinyCase.nothing().withReference(LayerSetting.on(1), true).withClassVisible(hideClass1), null);
        assertArrayEquals(new int[] {
            BLACK, BLACK, BLACK, BLACK, gr,
            BLACK, BLACK, BLACK, BLACK, gr,
            BLACK, BLACK, BLACK, BLACK, gr}, fill);
    }

    @Test
    void probabilityHeatMapUsesTheColormapAboveTheFloor() {
        Geometry g = new Geometry(3, 1, 1, TinyCase.LPS);
        float[] fg = {0.01f, 0.5f, 1f};
        Case c = TinyCase.of(g, new byte[3], TinyCase.binary(fg), 2);
        OverlaySettings o = TinyCase.nothing().withProbability(LayerSetting.on(1), Colormap.HOT, 0.05);
        assertArrayEquals(new int[] {BLACK, Colormap.HOT.argb(0.5), WHITE}, render(c, ViewAxis.AXIAL, 0,
                Settings.defaults(2), o, null));
    }

    @Test
    void gradientIsDivergingAndSymmetricAboutZero() {
        Geometry g = new Geometry(5, 1, 1, TinyCase.LPS);
        Case c = TinyCase.of(g, new byte[5], null, 2);
        float[] grad = {-2, -4, 0, 4, 8}; // limit 4: -4 and 4 at full opacity, 8 clamps to the red end
        OverlaySettings o = TinyCase.nothing().withGradient(LayerSetting.on(1), 4);
        int[] out = render(c, ViewAxis.AXIAL, 0, Settings.defaults(2), o, new SliceInputs(grad, Double.NaN, null));
        assertEquals(0xFF053061, out[1]); // ColorBrewer RdBu's darkest blue
        assertEquals(BLACK, out[2]); // zero: nothing painted
        assertEquals(0xFF67001F, out[3]); // ColorBrewer RdBu's darkest red
        assertEquals(0xFF67001F, out[4]);
        // -2: half-way blue (t = 0.25 of the map) at half opacity over black
        int half = Colormap.BLUE_WHITE_RED.argb(0.25);
        int expected = 0xFF000000 | ((half >> 16 & 0xFF) * 128 >> 8) << 16 | ((half >> 8 & 0xFF) * 128 >> 8) << 8
                | (half & 0xFF) * 128 >> 8;
        assertEquals(Integer.toHexString(expected), Integer.toHexString(out[0]));
        // auto limit (0): the slice's largest |value| is 8, so 8 is the red end and -4 is half-way blue
        int[] auto = render(c, ViewAxis.AXIAL, 0, Settings.defaults(2), o.withGradient(LayerSetting.on(1), 0),
                new SliceInputs(grad, Double.NaN, null));
        assertEquals(0xFF67001F, auto[4]);
    }

    @Test
    void diceOptimalContourAndRegionOutline() {
        Geometry g = new Geometry(5, 5, 1, TinyCase.LPS);
        float[] fg = new float[25];
        fg[g.index(2, 2, 0)] = 0.35f;
        fg[g.index(3, 2, 0)] = 0.25f;
        Case c = TinyCase.of(g, new byte[25], TinyCase.binary(fg), 2);
        OverlaySettings o = TinyCase.nothing().withDiceOptimal(LayerSetting.on(1));
        int[] out = render(c, ViewAxis.AXIAL, 0, Settings.defaults(2), o, new SliceInputs(null, 0.3, null));
        for (int i = 0; i < 25; i++) {
            assertEquals(i == g.index(2, 2, 0) ? OverlayColours.DICE_OPTIMAL : BLACK, out[i], "pixel " + i);
        }
        RegionBox box = new RegionBox(1, 1, 0, 3, 2, 0);
        int[] region = render(c, ViewAxis.AXIAL, 0, Settings.defaults(2), TinyCase.nothing().withRegion(LayerSetting.on(1)),
                new SliceInputs(null, Double.NaN, box.asPredicate(g)));
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) {
                boolean in = x >= 1 && x <= 3 && y >= 1 && y <= 2; // a 3x2 box: every pixel is on its outline
                assertEquals(in ? OverlayColours.REGION : BLACK, region[y * 5 + x], "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void boxRegionDrawnFromBoundsEqualsThePerVoxelTest() {
        double[] asr = {0, 0, 2, 0, 1, 0, 0, 0, 0, 1.5, 0, 0, 0, 0, 0, 1};
        Geometry g = new Geometry(7, 6, 5, asr);
        Case c = TinyCase.of(g, new byte[g.voxelCount()], null, 2);
        RegionBox box = new RegionBox(1, 2, 1, 4, 4, 3);
        java.util.function.IntPredicate fast = box.asPredicate(g);
        java.util.function.IntPredicate slow = i -> { // the same membership, written out here
            int x = i % 7;
            int y = i / 7 % 6;
            int z = i / 42;
            return x >= 1 && x <= 4 && y >= 2 && y <= 4 && z >= 1 && z <= 3;
        };
        OverlaySettings o = TinyCase.nothing().withRegion(LayerSetting.on(1));
        int drawn = 0;
        for (ViewAxis axis : ViewAxis.values()) {
            ViewGeometry v = ViewGeometry.of(g, axis);
            for (int s = 0; s < v.sliceCount(); s++) {
                int[] a = render(c, axis, s, Settings.defaults(2), o, new SliceInputs(null, Double.NaN, fast));
                int[] b = render(c, axis, s, Settings.defaults(2), o, new SliceInputs(null, Double.NaN, slow));
                assertArrayEquals(b, a, axis + " slice " + s);
                for (int px : a) {
                    drawn += px == OverlayColours.REGION ? 1 : 0;
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(drawn > 0);
    }

    @Test
    void reusedRendererGivesTheSameAsAFreshOne() {
        Geometry g = Geometry.ofSpacing(6, 5, 4, 1, 1, 2);
        java.util.Random rnd = new java.util.Random(3);
        byte[] ref = new byte[g.voxelCount()];
        float[] fg = new float[g.voxelCount()];
        for (int i = 0; i < fg.length; i++) {
            fg[i] = rnd.nextFloat();
            ref[i] = (byte) (rnd.nextFloat() < fg[i] ? 1 : 0);
        }
        Case c = TinyCase.of(g, ref, TinyCase.binary(fg), 2);
        OverlaySettings o = OverlaySettings.defaults(2).withErrors(LayerSetting.on(0.5)).withProbability(LayerSetting.on(0.3),
                Colormap.VIRIDIS, 0.1);
        SliceRenderer shared = new SliceRenderer();
        for (ViewAxis axis : ViewAxis.values()) {
            ViewGeometry v = ViewGeometry.of(g, axis);
            for (int s = 0; s < v.sliceCount(); s++) {
                int[] a = new int[v.width() * v.height()];
                int[] b = new int[a.length];
                shared.render(c, v, s, Settings.defaults(2), o, null, a);
                new SliceRenderer().render(c, v, s, Settings.defaults(2), o, null, b);
                assertArrayEquals(b, a, axis + " slice " + s);
            }
        }
    }

    @Test
    void cachedSliceFollowsThresholdChangesAndInvalidate() {
        Geometry g = new Geometry(3, 1, 2, TinyCase.LPS);
        float[] fg = {0.2f, 0.6f, 0.8f, 0.9f, 0.9f, 0.9f};
        Case c = TinyCase.of(g, new byte[6], TinyCase.binary(fg), 2);
        OverlaySettings o = TinyCase.nothing().withHardContour(LayerSetting.on(1), WHITE);
        ViewGeometry v = ViewGeometry.of(g, ViewAxis.AXIAL);
        SliceRenderer r = new SliceRenderer();
        int[] out = new int[3];
        r.render(c, v, 0, Settings.defaults(2), o, null, out);
        assertArrayEquals(new int[] {BLACK, WHITE, WHITE}, out);
        r.render(c, v, 0, Settings.defaults(2).withThresholdSteps(new int[] {500, 700}), o, null, out);
        assertArrayEquals(new int[] {BLACK, BLACK, WHITE}, out);
        fg[0] = 0.95f; // changed in place: the cached slice is stale until invalidate()
        r.invalidate();
        r.render(c, ViewGeometry.of(g, ViewAxis.AXIAL), 0, Settings.defaults(2), o, null, out);
        assertArrayEquals(new int[] {WHITE, WHITE, WHITE}, out);
        r.render(c, v, 1, Settings.defaults(2).withThresholdSteps(new int[] {500, 950}), o, null, out);
        assertArrayEquals(new int[] {BLACK, BLACK, BLACK}, out);
    }

    private static int[] render(Case c, ViewAxis axis, int slice, Settings s, OverlaySettings o, SliceInputs in) {
        ViewGeometry v = ViewGeometry.of(c.geometry(), axis);
        int[] out = new int[v.width() * v.height()];
        new SliceRenderer().render(c, v, slice, s, o, in, out);
        return out;
    }
}
