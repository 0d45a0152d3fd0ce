package org.dicelens.metrics.spatial;

/**
 * numpy's default percentile (method "linear"): position (n−1)·q between the order statistics, interpolated exactly
 * as numpy's {@code _lerp} does (a + (b−a)·γ, or b − (b−a)·(1−γ) when γ ≥ 0.5), so results match np.percentile in
 * rounding. Uses selection (three-way quickselect), not a full sort.
 */
final class Percentile {
    private Percentile() {
    }

    /**
     * The {@code percent}-th percentile of values (not empty). Reorders {@code values}.
     *
     * @param percent in [0, 100]
     */
    static double of(double[] values, double percent) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("percentile of no values");
        }
        double q = percent / 100.0;
        double virtual = (n - 1) * q;
        int lo = (int) Math.floor(virtual);
        lo = Math.max(0, Math.min(n - 1, lo));
        double a = select(values, lo);
        if (lo == n - 1) {
            return a;
        }
        double b = Double.POSITIVE_INFINITY;
        for (int i = lo + 1; i < n; i++) {
            b = Math.min(b, values[i]);
        }
        double gamma = virtual - lo;
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }

    /** Reorders v so that v[k] is its k-th smallest value, smaller-or-equal before, larger-or-equal after. */
    static double select(double[] v, int k) {
        int lo = 0;
        int hi = v.length - 1;
        long seed = 0x9E3779B97F4A7C15L;
        while (lo < hi) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int span = hi - lo + 1;
            double pivot = v[lo + (int) Math.floorMod(seed >>> 17, (long) span)];
            // three-way partition: [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double x = v[i];
                if (x < pivot) {
                    v[i++] = v[lt];
                    v[lt++] = x;
                } else if (x > pivot) {
                    v[i] = v[gt];
                    v[gt--] = x;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return v[k];
    }
}
