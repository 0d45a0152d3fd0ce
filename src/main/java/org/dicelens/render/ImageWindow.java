package org.dicelens.render;

/** A starting window for an image: the 0.5th to 99.5th percentile of its finite values (robust to outliers). */
public final class ImageWindow {
    private ImageWindow() {
    }

    /** {low, high}; {0, 1} for an image with no finite value; high > low always. */
    public static double[] auto(float[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long count = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                count++;
            }
        }
        if (count == 0) {
            return new double[] {0, 1};
        }
        if (max <= min) {
            return new double[] {min, min + 1};
        }
        int bins = 4096;
        long[] hist = new long[bins];
        double scale = bins / (max - min);
        for (float v : values) {
            if (Float.isFinite(v)) {
                hist[(int) Math.min(bins - 1, (v - min) * scale)]++;
            }
        }
        double lo = quantile(hist, count, 0.005, min, max);
        double hi = quantile(hist, count, 0.995, min, max);
        return hi > lo ? new double[] {lo, hi} : new double[] {min, max};
    }

    private static double quantile(long[] hist, long count, double q, double min, double max) {
        long target = (long) Math.ceil(q * count);
        long seen = 0;
        for (int b = 0; b < hist.length; b++) {
            seen += hist[b];
            if (seen >= Math.max(1, target)) {
                return min + (max - min) * (q < 0.5 ? b : b + 1) / hist.length;
            }
        }
        return max;
    }
}
