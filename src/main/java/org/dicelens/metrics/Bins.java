package org.dicelens.metrics;

/**
 * The 1,001 probability bins aligned with the threshold step: bin k holds k/1000 &le; p &lt; (k+1)/1000 and bin 1000 holds
 * p = 1, with every comparison made in double on the double nearest k/1000. Hence, for p in [0,1],
 * {@code of(p) >= k} exactly when {@code p >= k / 1000.0}: hard counts read from the histogram at any slider position are
 * the counts a per-voxel {@code p >= t} would give.
 */
public final class Bins {
    /** Number of bins: thresholds 0, 0.001, …, 1. */
    public static final int COUNT = Settings.STEPS + 1;
    /** EDGE[k] = k/1000.0; EDGE[COUNT] = +∞ so that p = 1 stays in the last bin. */
    private static final double[] EDGE = new double[COUNT + 1];

    static {
        for (int k = 0; k < COUNT; k++) {
            EDGE[k] = k / (double) Settings.STEPS;
        }
        EDGE[COUNT] = Double.POSITIVE_INFINITY;
    }

    private Bins() {
    }

    /**
     * The bin of p, for p in [0,1] (callers clamp first). For a float p the product p·1000 is exact in double, but for
     * a double it can round across an edge (e.g. the double just below 0.117), so the truncated guess is checked
     * against the exact edges and corrected by at most one step.
     */
    public static int of(double p) {
        int k = (int) (p * Settings.STEPS);
        if (p < EDGE[k]) {
            return k - 1;
        }
        return p >= EDGE[k + 1] ? k + 1 : k;
    }

    /**
     * The bin of a float p in [0,1]: plain truncation of p·1000.0 is exact here, because a float has 24 significant
     * bits, so p·1000 is computed without rounding, and no double lies strictly between k/1000 and the double nearest
     * it. Checked for all 1,065,353,217 floats in [0,1] (a one-off scan, see docs/metrics.md) and near every edge by
     * BinsTest.
     */
    public static int ofFloat(float p) {
        return (int) (p * 1000.0);
    }

    /** The lower edge k/1000.0 of bin k (the threshold of step k). */
    public static double edge(int k) {
        return EDGE[k];
    }
}
