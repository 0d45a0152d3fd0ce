package org.dicelens.metrics.cohort;

import java.util.Arrays;

/** Descriptive statistics of the first n values of an array (NaN when undefined). */
final class CohortStats {
    /** Bland–Altman limits of agreement: mean ± 1.96 sd. */
    static final double LOA_Z = 1.96;

    private CohortStats() {
    }

    static double mean(double[] x, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i];
        }
        return s / n;
    }

    /** Sample standard deviation (n − 1), two passes; NaN below two values. */
    static double sd(double[] x, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double m = mean(x, n);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - m;
            s += d * d;
        }
        return Math.sqrt(s / (n - 1));
    }

    static double median(double[] x, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] s = Arrays.copyOf(x, n);
        Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Pearson correlation; NaN below two values or when either variable is constant. */
    static double pearson(double[] x, double[] y, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double mx = mean(x, n);
        double my = mean(y, n);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
