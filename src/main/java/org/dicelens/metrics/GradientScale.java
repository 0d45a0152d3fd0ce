package org.dicelens.metrics;

import java.util.Arrays;

/**
 * One colour scale for a gradient map of the whole volume: a robust percentile of |∂L/∂p| (or |∂L/∂z|) over the
 * evaluation region. Scaling each slice by its own maximum tinted one view everywhere and left another blank; one
 * voxel's gradient must have one colour in every view. A high percentile rather than the maximum, because a few
 * voxels (cross-entropy at p near 0) would otherwise wash out the rest of the map.
 */
public final class GradientScale {
    /** The percentile the viewer uses. */
    public static final double DEFAULT_PERCENTILE = 99;

    private GradientScale() {
    }

    /**
     * The {@code percentile}-th percentile of |g| over Ω_margin, g the kernel's map; 0 when the region is empty or
     * every value is 0 or not finite.
     */
    public static double of(org.dicelens.volume.Case c, GradientKernel k, GradientWrt wrt, EvaluationRegion region,
            int margin, double percentile) {
        float[] map = new float[c.voxelCount()];
        GradientMaps.volume(c, k, wrt, region, margin, map, Float.NaN);
        return percentileOfAbs(map, percentile);
    }

    /**
     * The nearest-rank percentile of |v| over the finite values of {@code v} (NaN marks a voxel outside the region):
     * the smallest |v| such that at least {@code percentile} % of the values are ≤ it. Falls back to the largest |v|
     * when the percentile is 0, so a map with a few non-zero voxels is still drawn; 0 when there is nothing.
     * {@code v} is overwritten.
     */
    public static double percentileOfAbs(float[] v, double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        int n = 0;
        for (float x : v) {
            if (Float.isFinite(x)) {
                v[n++] = Math.abs(x);
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(v, 0, n);
        int rank = (int) Math.ceil(percentile / 100 * n);
        double p = v[Math.max(0, Math.min(n, rank) - 1)];
        return p > 0 ? p : v[n - 1];
    }
}
