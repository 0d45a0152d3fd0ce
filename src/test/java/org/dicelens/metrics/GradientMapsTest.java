package org.dicelens.metrics;

import static org.dicelens.metrics.GradientTestCases.asDouble;
import static org.dicelens.metrics.GradientTestCases.loss;
import static org.dicelens.metrics.GradientTestCases.logit;
import static org.dicelens.metrics.GradientTestCases.regionVoxels;
import static org.dicelens.metrics.GradientTestCases.sigmoid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every gradient map against central finite differences of the loss VALUE written from the formula sheet in the
 * test (GradientTestCases.loss), one p_n (or z_n) perturbed at a time, on small random cases with a region.
 */
class GradientMapsTest {

    private static final LossParams CUSTOM = new LossParams(0.3, 0.7, 0.3, 0.7, 2.0, WceWeightSource.PREDICTION, 0.05, 2.0,
            0.3, 0.8, 0.2, 0.5, 0.5);
    private static final LossParams ZERO_SMOOTH = new LossParams(0, 0, 0.5, 0.5, 4.0 / 3.0, WceWeightSource.REFERENCE, 0.05,
            2.0, 0.3, 0.8, 0.2, 0.5, 0.5);

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (GradientLoss loss : GradientLoss.values()) {
            for (GradientWrt wrt : GradientWrt.values()) {
                b.add(Arguments.of(loss, wrt, 11L, LossParams.defaults(), 1.0));
                b.add(Arguments.of(loss, wrt, 12L, CUSTOM, 0.6));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} d/d{1} seed {2}")
    @MethodSource("cases")
    void mapMatchesCentralDifferencesOfTheSheetValue(GradientLoss lossKind, GradientWrt wrt, long seed, LossParams lp,
            double regionFraction) {
        Case c = GradientTestCases.randomCase(seed, 4, 3, 3, 3, 0.02, 0.98);
        int nVox = c.voxelCount();
        IntPredicate region = regionFraction >= 1 ? null : GradientTestCases.randomRegion(seed + 1, nVox, regionFraction);
        int[] omega = regionVoxels(nVox, region);
        int k = 1;
        ClassSums[] sums = GradientMaps.sums(c, region);
        // GDL weights: square 1/R² for classes 1..2, background left out with weight 0
        double[] w = {0, 1 / (sums[1].r() * sums[1].r()), 1 / (sums[2].r() * sums[2].r())};
        double wceW = GradientKernel.wceWeight(sums[k], lp.wceWeightSource());
        GradientKernel kernel = GradientKernel.of(lossKind, k, sums, lp, w);
        float[] map = GradientMaps.volume(c, kernel, wrt, region);

        double[][] p = asDouble(c);
        byte[] ref = c.referenceClass();
        double h = 1e-6;
        boolean[] inRegion = new boolean[nVox];
        for (int n : omega) {
            inRegion[n] = true;
            double p0 = p[k][n];
            double fd;
            if (wrt == GradientWrt.PROBABILITY) {
                p[k][n] = p0 + h;
                double up = loss(lossKind, k, p, ref, omega, lp, w, wceW);
                p[k][n] = p0 - h;
                double down = loss(lossKind, k, p, ref, omega, lp, w, wceW);
                fd = (up - down) / (2 * h);
            } else {
                double z0 = logit(p0);
                p[k][n] = sigmoid(z0 + h);
                double up = loss(lossKind, k, p, ref, omega, lp, w, wceW);
                p[k][n] = sigmoid(z0 - h);
                double down = loss(lossKind, k, p, ref, omega, lp, w, wceW);
                fd = (up - down) / (2 * h);
            }
            p[k][n] = p0;
            boolean r = ref[n] == k;
            double exact = kernel.value(p0, r, wrt);
            assertEquals(fd, exact, 1e-6 * Math.abs(fd) + 1e-9, () -> lossKind + " kernel at voxel " + n);
            // the map is float: 1e-6 relative covers its rounding
            assertEquals(fd, map[n], 1e-5 * Math.abs(fd) + 1e-9, () -> lossKind + " map at voxel " + n);
            // and the gradient is not trivially zero
            assertTrue(Math.abs(fd) > 1e-6, () -> lossKind + " finite difference vanished at voxel " + n);
        }
        for (int n = 0; n < nVox; n++) {
            if (!inRegion[n]) {
                assertEquals(0f, map[n], "outside the region the voxel is not in the loss");
            }
        }
    }

    /** Hand-worked: p = (0.9, 0.6, 0.2, 0.1), r = (1, 1, 0, 0), no smoothing: I = 1.5, P + R = 3.8. */
    @Test
    void softDiceByHandIsFlatPerReferenceValue() {
        Case c = lineCase(new float[] {0.9f, 0.6f, 0.2f, 0.1f}, new byte[] {1, 1, 0, 0});
        ClassSums s = GradientMaps.sums(c, 1, null);
        GradientKernel k = GradientKernel.softDice(1, s, ZERO_SMOOTH);
        float[] g = GradientMaps.volume(c, k, GradientWrt.PROBABILITY, null);
        double onRef = -(2 * 3.8 - 3.0) / (3.8 * 3.8); // −4.6/14.44
        double offRef = 3.0 / (3.8 * 3.8);
        assertEquals(onRef, g[0], 1e-7);
        assertEquals(onRef, g[1], 1e-7);
        assertEquals(offRef, g[2], 1e-7);
        assertEquals(offRef, g[3], 1e-7);
        float[] z = GradientMaps.volume(c, k, GradientWrt.LOGIT, null);
        assertEquals(onRef * 0.9f * (1 - 0.9f), z[0], 1e-7);
        assertEquals(offRef * 0.1f * (1 - 0.1f), z[3], 1e-7);
    }

    /** Hand-worked CE: N = 4, voxel 0 has r = 1, p = 0.9 → −1/(4·0.9); voxel 3 r = 0, p = 0.1 → 1/(4·0.9). */
    @Test
    void crossEntropyByHandAndClamped() {
        Case c = lineCase(new float[] {0.9f, 0f, 0.2f, 0.1f}, new byte[] {1, 1, 0, 0});
        GradientKernel k = GradientKernel.crossEntropy(1, GradientMaps.sums(c, 1, null));
        float[] g = GradientMaps.volume(c, k, GradientWrt.PROBABILITY, null);
        assertEquals(-1 / (4 * 0.9), g[0], 1e-6);
        assertEquals(1 / (4 * 0.9), g[3], 1e-6);
        // p = 0 with r = 1 is evaluated at the clamp 1e-7: −1/(4·1e-7), finite
        assertEquals(-1 / (4 * 1e-7), g[1], 1e-7 / (4 * 1e-7));
        float[] z = GradientMaps.volume(c, k, GradientWrt.LOGIT, null);
        assertEquals((0.9 - 1) / 4, z[0], 1e-7); // sigmoid CE: (p − r)/N
        assertEquals((0.1 - 0) / 4, z[3], 1e-7);
    }

    @Test
    void weightedCrossEntropyWithAnAbsentClassHasNoNaN() {
        // class 1 absent from the reference: w = (N − R)/R is infinite but no voxel has r = 1
        Case c = lineCase(new float[] {0.9f, 0.6f, 0.2f, 0.1f}, new byte[] {0, 0, 0, 0});
        ClassSums s = GradientMaps.sums(c, 1, null);
        assertTrue(Double.isInfinite(GradientKernel.wceWeight(s, WceWeightSource.REFERENCE)));
        float[] g = GradientMaps.volume(c, GradientKernel.weightedCrossEntropy(1, s, LossParams.defaults()),
                GradientWrt.PROBABILITY, null);
        for (int n = 0; n < 4; n++) {
            assertFalse(Float.isNaN(g[n]) || Float.isInfinite(g[n]));
        }
        assertEquals(1 / (4 * 0.4), g[1], 1e-6);
    }

    @Test
    void slicesAgreeWithTheVolumeOnEveryAxisAndMarkTheOutside() {
        Case c = GradientTestCases.randomCase(5, 5, 4, 3, 2, 0, 1);
        Geometry g = c.geometry();
        IntPredicate region = GradientTestCases.randomRegion(6, c.voxelCount(), 0.5);
        GradientKernel k = GradientKernel.squaredDice(1, GradientMaps.sums(c, 1, region), LossParams.defaults());
        float[] vol = GradientMaps.volume(c, k, GradientWrt.LOGIT, region);
        float[] buf = new float[20]; // reused for every slice
        for (int axis = 0; axis < 3; axis++) {
            int nu = GradientMaps.sliceWidth(g, axis);
            int nv = GradientMaps.sliceHeight(g, axis);
            assertEquals(nu * nv, GradientMaps.sliceLength(g, axis));
            for (int index = 0; index < g.dim(axis); index++) {
                GradientMaps.slice(c, k, GradientWrt.LOGIT, region, axis, index, buf, Float.NaN);
                for (int v = 0; v < nv; v++) {
                    for (int u = 0; u < nu; u++) {
                        int x = axis == 0 ? index : u;
                        int y = axis == 1 ? index : axis == 0 ? u : v;
                        int z = axis == 2 ? index : v;
                        int i = g.index(x, y, z);
                        float got = buf[u + nu * v];
                        if (region.test(i)) {
                            assertEquals(vol[i], got, "axis " + axis + " slice " + index + " pixel " + u + "," + v);
                        } else {
                            assertTrue(Float.isNaN(got), "outside value at axis " + axis);
                        }
                    }
                }
            }
        }
        // an arbitrary index table (as a renderer's view gives) reads the same values
        int[] table = {59, 0, 17, 33, 42};
        float[] some = new float[5];
        GradientMaps.at(c, k, GradientWrt.LOGIT, region, table, 5, some, Float.NaN);
        for (int j = 0; j < 5; j++) {
            int i = table[j];
            assertEquals(region.test(i) ? vol[i] : Float.NaN, some[j]);
        }
        assertThrows(IllegalArgumentException.class,
                () -> GradientMaps.slice(c, k, GradientWrt.LOGIT, region, 2, 0, new float[19]));
        assertThrows(IllegalArgumentException.class,
                () -> GradientMaps.slice(c, k, GradientWrt.LOGIT, region, 0, 5, buf));
        assertThrows(IllegalArgumentException.class,
                () -> GradientMaps.slice(c, k, GradientWrt.LOGIT, region, 3, 0, buf));
    }

    /** Ω_m of an evaluation region, walked as a box, gives what the same region as a voxel predicate gives. */
    @Test
    void evaluationRegionOverloadsAgreeWithThePredicate() {
        Case c = GradientTestCases.boxedCase(17);
        Geometry g = c.geometry();
        EvaluationRegion er = EvaluationRegion.of(c);
        GradientKernel k = GradientMaps.kernel(c, GradientLoss.CE, 1, null, LossParams.defaults(), null);
        for (int margin : new int[] {0, 1, 3, Settings.WHOLE_VOLUME}) {
            IntPredicate inside = i -> er.contains(i, margin);
            // the region by hand: Chebyshev distance to the box x 3..5, y 2..4, z 2..3 at most m
            int m = margin == Settings.WHOLE_VOLUME ? Integer.MAX_VALUE : margin;
            for (int i = 0; i < c.voxelCount(); i++) {
                int x = i % 9, y = (i / 9) % 8, z = i / 72;
                int d = Math.max(Math.max(dist(x, 3, 5), dist(y, 2, 4)), dist(z, 2, 3));
                assertEquals(d <= m, inside.test(i));
            }
            float[] expected = new float[c.voxelCount()];
            float[] got = new float[c.voxelCount()];
            GradientMaps.volume(c, k, GradientWrt.LOGIT, inside, expected, Float.NaN);
            GradientMaps.volume(c, k, GradientWrt.LOGIT, er, margin, got, Float.NaN);
            assertArrayEquals(expected, got, "volume, margin " + margin);
            for (int axis = 0; axis < 3; axis++) {
                int len = GradientMaps.sliceLength(g, axis);
                float[] a = new float[len];
                float[] b = new float[len];
                for (int index = 0; index < g.dim(axis); index++) {
                    GradientMaps.slice(c, k, GradientWrt.PROBABILITY, inside, axis, index, a, Float.NaN);
                    GradientMaps.slice(c, k, GradientWrt.PROBABILITY, er, margin, axis, index, b, Float.NaN);
                    assertArrayEquals(a, b, "slice, margin " + margin + " axis " + axis + " index " + index);
                }
            }
            int[] table = {0, 100, 250, 300, 503};
            float[] a = new float[5];
            float[] b = new float[5];
            GradientMaps.at(c, k, GradientWrt.PROBABILITY, inside, table, 5, a, Float.NaN);
            GradientMaps.at(c, k, GradientWrt.PROBABILITY, er, margin, table, 5, b, Float.NaN);
            assertArrayEquals(a, b);
            ClassSums ps = GradientMaps.sums(c, 2, inside);
            ClassSums bs = GradientMaps.sums(c, 2, er, margin);
            assertEquals(ps.n(), bs.n());
            assertEquals(ps.i(), bs.i(), 1e-12);
            assertEquals(ps.p2(), bs.p2(), 1e-12);
        }
    }

    /** The engine's sums and GDL weights give the kernels a plain pass and the sheet's weights give. */
    @Test
    void engineKernelsMatchPlainPassKernels() {
        Case c = GradientTestCases.boxedCase(18);
        Engine e = Engine.build(c, org.dicelens.common.Progress.NONE);
        for (int margin : new int[] {1, Settings.WHOLE_VOLUME}) {
            for (boolean background : new boolean[] {true, false}) {
                Settings s = Settings.defaults(3).withMargin(margin)
                        .withWeights(WeightScheme.SQUARE, null, EmptyRule.MAX, background).withLosses(CUSTOM);
                IntPredicate inside = i -> e.region().contains(i, margin);
                ClassSums[] sums = GradientMaps.sums(c, inside);
                // Sudre's square weights by hand; an excluded background has no weight
                double[] w = new double[3];
                for (int l = 0; l < 3; l++) {
                    w[l] = l == 0 && !background ? 0 : 1 / (sums[l].r() * sums[l].r());
                }
                for (GradientLoss loss : GradientLoss.values()) {
                    for (int ch = 0; ch < 3; ch++) {
                        GradientKernel fromEngine = GradientMaps.kernel(e, s, loss, ch);
                        GradientKernel plain = GradientKernel.of(loss, ch, sums, CUSTOM, w);
                        for (double p : new double[] {0.05, 0.5, 0.9}) {
                            for (boolean r : new boolean[] {false, true}) {
                                double x = plain.dp(p, r);
                                assertEquals(x, fromEngine.dp(p, r), 1e-9 * Math.abs(x) + 1e-15,
                                        loss + " class " + ch + " margin " + margin + " background " + background);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Contract with the engine's loss values (Losses): moving one p_n by ±h moves the sums by I ± r h, P ± h,
     * P2 by (p ± h)² − p²; central differences of Losses' value must give the kernel.
     */
    @Test
    void kernelsAreTheDerivativesOfTheEngineLossValues() {
        ClassSums s = new ClassSums(50, 6.3, 14.2, 9, 8.1, 9);
        double h = 1e-6;
        for (double p : new double[] {0.1, 0.7}) {
            for (boolean r : new boolean[] {false, true}) {
                double dr = r ? h : 0;
                ClassSums up = new ClassSums(50, s.i() + dr, s.p() + h, 9, s.p2() + (p + h) * (p + h) - p * p, 9);
                ClassSums down = new ClassSums(50, s.i() - dr, s.p() - h, 9, s.p2() + (p - h) * (p - h) - p * p, 9);
                assertEquals((Losses.diceLoss(up, CUSTOM) - Losses.diceLoss(down, CUSTOM)) / (2 * h),
                        GradientKernel.softDice(1, s, CUSTOM).dp(p, r), 1e-7);
                assertEquals((Losses.diceSquaredLoss(up, CUSTOM) - Losses.diceSquaredLoss(down, CUSTOM)) / (2 * h),
                        GradientKernel.squaredDice(1, s, CUSTOM).dp(p, r), 1e-7);
                assertEquals((Losses.tverskyLoss(up, CUSTOM) - Losses.tverskyLoss(down, CUSTOM)) / (2 * h),
                        GradientKernel.tversky(1, s, CUSTOM).dp(p, r), 1e-7);
                assertEquals((Losses.focalTverskyLoss(up, CUSTOM) - Losses.focalTverskyLoss(down, CUSTOM)) / (2 * h),
                        GradientKernel.focalTversky(1, s, CUSTOM).dp(p, r), 1e-7);
            }
        }
    }

    private static int dist(int v, int lo, int hi) {
        return v < lo ? lo - v : v > hi ? v - hi : 0;
    }

    @Test
    void sumsMatchABruteForcePass() {
        Case c = GradientTestCases.randomCase(9, 6, 5, 4, 3, 0, 1);
        IntPredicate region = GradientTestCases.randomRegion(10, c.voxelCount(), 0.7);
        for (int l = 0; l < 3; l++) {
            double n = 0, i = 0, p = 0, r = 0, p2 = 0;
            for (int v = 0; v < c.voxelCount(); v++) {
                if (region.test(v)) {
                    double q = c.probability(l, v);
                    double rv = c.reference(v) == l ? 1 : 0;
                    n++;
                    i += q * rv;
                    p += q;
                    r += rv;
                    p2 += q * q;
                }
            }
            ClassSums s = GradientMaps.sums(c, l, region);
            assertEquals(n, s.n());
            assertEquals(i, s.i(), 1e-12);
            assertEquals(p, s.p(), 1e-12);
            assertEquals(r, s.r());
            assertEquals(p2, s.p2(), 1e-12);
            assertEquals(r, s.r2());
        }
        assertEquals(c.voxelCount(), GradientMaps.sums(c, 0, null).n());
        // the convenience kernel takes the same sums
        double[] w = {1, 2, 3};
        ClassSums[] all = GradientMaps.sums(c, region);
        for (GradientLoss loss : GradientLoss.values()) {
            assertEquals(GradientKernel.of(loss, 2, all, LossParams.defaults(), w),
                    GradientMaps.kernel(c, loss, 2, region, LossParams.defaults(), w));
        }
    }

    private static Case lineCase(float[] p1, byte[] ref) {
        Geometry g = Geometry.ofSpacing(p1.length, 1, 1, 1, 1, 1);
        float[] p0 = new float[p1.length];
        for (int i = 0; i < p1.length; i++) {
            p0[i] = 1 - p1[i];
        }
        return new Case("line", g, null, ref, new ProbabilityMaps(g, new float[][] {p0, p1}, 0, List.of()),
                ClassTable.forLabels(0, 1), List.of());
    }
}
