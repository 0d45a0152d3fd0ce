package org.dicelens.metrics;

/**
 * Natural log and exp for the per-voxel passes, several times faster than {@link Math#log}/{@link Math#pow} here and
 * accurate to a few ulps (checked against Math over millions of arguments in FastMathTest): a 128-entry table around
 * which a short series is exact to double precision.
 * <ul>
 * <li>log(x), x a positive normal double: x = 2^e·m, m in [0.75, 1.5); near 1 (|x − 1| &lt; 1/128) log1p(x − 1) by
 * its series (x − 1 is exact there); else m·(1/c_j) − 1 = z with |z| &le; 1/256 for the table centre c_j,
 * log x = e·ln2 + ln c_j + log1p(z).</li>
 * <li>exp(x) = 2^(k/128)·exp(r), k = round(128 x/ln2), |r| &le; ln2/256, exp(r) by its series.</li>
 * </ul>
 */
final class FastMath {
    private static final int BITS = 7;
    private static final int SIZE = 1 << BITS;
    // fdlibm's split of ln 2: LN2_HI has 32 trailing zero bits, so k·LN2_HI is exact for the k used here
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double[] INV_C = new double[SIZE];
    private static final double[] LN_C = new double[SIZE];
    private static final double[] EXP2 = new double[SIZE];
    private static final double INV_LN2_N = SIZE / Math.log(2);
    private static final double LN2_N_HI = LN2_HI / SIZE;
    private static final double LN2_N_LO = LN2_LO / SIZE;

    static {
        for (int j = 0; j < SIZE; j++) {
            double c = 1 + (j + 0.5) / SIZE;
            INV_C[j] = 1 / c;
            // ln of the rounded reciprocal's inverse, so that m·INV_C − 1 and LN_C stay consistent; for m ≥ 1.5 the
            // table holds ln(c/2) and the exponent gains 1, so x just below 1 never cancels −ln 2 against ln c
            LN_C[j] = -StrictMath.log(j < SIZE / 2 ? INV_C[j] : 2 * INV_C[j]);
            EXP2[j] = StrictMath.pow(2, j / (double) SIZE);
        }
    }

    private FastMath() {
    }

    /** ln x for a positive normal double x (callers ensure it: probabilities clamped to [1e-7, 1 − 1e-7] etc.). */
    static double log(double x) {
        double u = x - 1;
        if (u < 1.0 / SIZE && u > -1.0 / SIZE) {
            return log1pSmall(u);
        }
        long bits = Double.doubleToRawLongBits(x);
        int j = (int) (bits >>> (52 - BITS)) & (SIZE - 1);
        int e = (int) (bits >>> 52) - 1023 + (j >> (BITS - 1));
        double m = Double.longBitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        double z = Math.fma(m, INV_C[j], -1.0);
        double z2 = z * z;
        // log1p(z), |z| ≤ 1/256: the z^8 term is below 1e-20
        double poly = z - z2 * (0.5 - z * (1.0 / 3 - z * (0.25 - z * (0.2 - z * (1.0 / 6 - z * (1.0 / 7))))));
        return (e * LN2_HI + LN_C[j]) + (poly + e * LN2_LO);
    }

    /** log1p(u) for |u| &lt; 1/128: the u^12 term is below 1e-26·|u|. */
    private static double log1pSmall(double u) {
        double s = 1.0 / 11;
        s = 1.0 / 10 - u * s;
        s = 1.0 / 9 - u * s;
        s = 1.0 / 8 - u * s;
        s = 1.0 / 7 - u * s;
        s = 1.0 / 6 - u * s;
        s = 1.0 / 5 - u * s;
        s = 1.0 / 4 - u * s;
        s = 1.0 / 3 - u * s;
        s = 1.0 / 2 - u * s;
        return u - u * u * s;
    }

    /** e^x; outside about ±700 (and for NaN) it defers to Math.exp. */
    static double exp(double x) {
        if (!(x > -700 && x < 700)) {
            return Math.exp(x);
        }
        double kd = Math.rint(x * INV_LN2_N);
        int k = (int) kd;
        double r = (x - kd * LN2_N_HI) - kd * LN2_N_LO;
        // exp(r) − 1, |r| ≤ ln2/256: the r^7 term is below 1e-21
        double p = r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720))))));
        double scale = EXP2[k & (SIZE - 1)];
        double y = scale + scale * p;
        // y·2^n with 2^n built from its bits: exact like Math.scalb (|x| < 700 keeps n in the normal range), without
        // scalb's general-case branches (10 % of the log pass's samples)
        return y * Double.longBitsToDouble((long) ((k >> BITS) + 1023) << 52);
    }

    /** x^y for x in [0, 1] and y &gt; 0 as exp(y·ln x); other arguments defer to Math.pow. */
    static double pow(double x, double y) {
        if (x > 0 && x <= 1 && y > 0 && x >= Double.MIN_NORMAL) {
            return exp(y * log(x));
        }
        return Math.pow(x, y);
    }
}
