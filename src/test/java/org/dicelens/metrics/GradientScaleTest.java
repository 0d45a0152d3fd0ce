package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.dicelens.volume.Case;
import org.junit.jupiter.api.Test;

/** Issue 19, item 5: one gradient colour scale per volume, a robust percentile of |∂L/∂p| over the region. */
class GradientScaleTest {

    @Test
    void nearestRankPercentileOfAbsoluteValuesHandWorked() {
        // finite |v| sorted: 1 2 3 4 5; 50th: rank ceil(2.5) = 3 -> 3; 99th: rank ceil(4.95) = 5 -> 5; 20th: rank 1
        assertEquals(3, GradientScale.percentileOfAbs(new float[] {-5, 1, 2, Float.NaN, 3, -4}, 50));
        assertEquals(5, GradientScale.percentileOfAbs(new float[] {-5, 1, 2, Float.NaN, 3, -4}, 99));
        assertEquals(1, GradientScale.percentileOfAbs(new float[] {-5, 1, 2, Float.NaN, 3, -4}, 20));
        // 1..200: the 99th percentile is the 198th value, so the two largest (outliers) do not set the scale
        float[] v = new float[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 2 == 0 ? 1 : -1) * (i + 1);
        }
        v[199] = 1e9f;
        assertEquals(198, GradientScale.percentileOfAbs(v, 99));
        // mostly zeros: the percentile is 0, so the largest value scales the map (it is still drawn)
        float[] z = new float[300];
        z[7] = -0.25f;
        assertEquals(0.25, GradientScale.percentileOfAbs(z, 99), 0);
        assertEquals(0, GradientScale.percentileOfAbs(new float[] {Float.NaN, Float.NaN}, 99));
    }

    @Test
    void scaleIsThePercentileOfFiniteDifferenceGradientsInsideTheRegion() {
        Case c = GradientTestCases.boxedCase(5);
        EvaluationRegion region = EvaluationRegion.of(c);
        int margin = 1;
        // Ω_1: the foreground box x 3..5, y 2..4, z 2..3 grown by one voxel each side
        List<Integer> inside = new ArrayList<>();
        for (int i = 0; i < c.voxelCount(); i++) {
            int x = i % 9;
            int y = (i / 9) % 8;
            int z = i / 72;
            if (x >= 2 && x <= 6 && y >= 1 && y <= 5 && z >= 1 && z <= 4) {
                inside.add(i);
            }
        }
        int[] omega = inside.stream().mapToInt(Integer::intValue).toArray();
        assertEquals(5 * 5 * 4, omega.length);
        int k = 1;
        ClassSums[] sums = new ClassSums[3];
        for (int l = 0; l < 3; l++) {
            sums[l] = GradientMaps.sums(c, l, region, margin);
        }
        LossParams lp = LossParams.defaults();
        double[] w = {0, 1, 1};
        GradientKernel kernel = GradientKernel.of(GradientLoss.SOFT_DICE, k, sums, lp, w);
        double scale = GradientScale.of(c, kernel, GradientWrt.LOGIT, region, margin, 90);

        // independent: central differences of the sheet's soft Dice loss in the logit, per region voxel
        double[][] p = GradientTestCases.asDouble(c);
        byte[] ref = c.referenceClass();
        double h = 1e-6;
        double[] abs = new double[omega.length];
        for (int j = 0; j < omega.length; j++) {
            int n = omega[j];
            double p0 = p[k][n];
            double z0 = GradientTestCases.logit(p0);
            p[k][n] = GradientTestCases.sigmoid(z0 + h);
            double up = GradientTestCases.loss(GradientLoss.SOFT_DICE, k, p, ref, omega, lp, w, 0);
            p[k][n] = GradientTestCases.sigmoid(z0 - h);
            double down = GradientTestCases.loss(GradientLoss.SOFT_DICE, k, p, ref, omega, lp, w, 0);
            p[k][n] = p0;
            abs[j] = Math.abs((up - down) / (2 * h));
        }
        java.util.Arrays.sort(abs);
        double expected = abs[(int) Math.ceil(0.9 * abs.length) - 1]; // nearest rank: the 90th of 100 values
        assertEquals(expected, scale, 1e-6 * expected + 1e-9);
    }
}
