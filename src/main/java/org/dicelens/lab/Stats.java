package org.dicelens.lab;

import java.util.Locale;

/** Mean and sample standard deviation (n − 1; 0 for one value) of a few per-case numbers. */
public record Stats(double mean, double sd, int n) {

    public static Stats of(double[] v) {
        int n = v.length;
        if (n == 0) {
            return new Stats(Double.NaN, Double.NaN, 0);
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        double mean = s / n;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new Stats(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, n);
    }

    /** "mean ± sd" with the given number of decimals. */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " ± " + f, mean, sd);
    }
}
