package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The error bound the log pass relies on, over the arguments it actually takes: a float32 probability p clamped to
 * [1e-7, 1 − 1e-7] gives ln p and ln(1 − p) (1 − p computed in double, as the pass does). Every 5th float of that range
 * (about 39 million) plus the edges, against StrictMath.log. Each term then has relative error ≤ 1e-15, and since all
 * terms of one sum have the same sign (ln q ≤ 0), the sums the sheet needs to 1e-9 relative get ≤ 1e-15 from the logs.
 */
class FastMathDenseTest {
    private static final double BOUND = 1e-15;

    private static double relErr(double x) {
        double exact = StrictMath.log(x);
        double got = FastMath.log(x);
        return exact == 0 ? Math.abs(got) : Math.abs(got - exact) / Math.abs(exact);
    }

    @Test
    void logOfEveryFifthClampedFloatAndItsComplement() {
        int lo = Float.floatToIntBits((float) LogStatistics.LOG_FLOOR);
        int hi = Float.floatToIntBits((float) LogStatistics.LOG_CEIL);
        double worst = 0;
        double worstAt = 0;
        for (int bits = lo; bits <= hi; bits += 5) {
            double p = LogStatistics.forLog(Float.intBitsToFloat(bits));
            double e = Math.max(relErr(p), relErr(1 - p));
            if (e > worst) {
                worst = e;
                worstAt = p;
            }
        }
        assertTrue(worst <= BOUND, "worst relative error " + worst + " at p = " + worstAt);
    }

    @Test
    void logAtTheEdges() {
        double[] edges = {LogStatistics.LOG_FLOOR, LogStatistics.LOG_CEIL, 1 - LogStatistics.LOG_FLOOR,
            1 - LogStatistics.LOG_CEIL, 0.5, 0.75, 1.5 / 2, 1 - 1.0 / 128, 1 + 1.0 / 128, Math.nextDown(1 - 1.0 / 128),
            Math.nextUp(1 - 1.0 / 128), Math.nextDown(1.0), Math.nextDown(0.75), Math.nextUp(0.75), Math.nextDown(1.5),
            Math.nextDown((double) Math.nextDown(1f)), (double) Math.nextDown(1f), 1 - (double) Math.nextDown(1f),
            Float.MIN_NORMAL, Double.MIN_NORMAL};
        for (double x : edges) {
            assertTrue(relErr(x) <= BOUND, "log(" + x + "): relative error " + relErr(x));
        }
        // every float in the last 1/128 below 1, where the table gives way to the series
        for (float f = 1 - 1f / 128; f < 1f; f = Math.nextUp(f)) {
            assertTrue(relErr(f) <= BOUND, "log(" + f + "): relative error " + relErr(f));
        }
    }
}
