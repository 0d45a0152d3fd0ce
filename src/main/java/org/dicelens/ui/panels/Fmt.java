package org.dicelens.ui.panels;

import java.util.Locale;

/** Number formatting for tables and labels: fixed decimals, NaN as an en dash, signs on deltas. */
public final class Fmt {
    private Fmt() {
    }

    public static String num(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return noNegativeZero(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }

    public static String signed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return noNegativeZero(String.format(Locale.ROOT, "%+." + decimals + "f", v)).replace('-', '−');
    }

    /** A value that rounds to zero has no sign: "-0.0" and "+0.0" read as a tiny change of sign, so both become "0.0". */
    static String noNegativeZero(String s) {
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') && s.chars().noneMatch(ch -> ch >= '1' && ch <= '9')) {
            return s.substring(1);
        }
        return s;
    }

    /** Compact scientific form for weights spanning many orders of magnitude. */
    public static String sci(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.3e", v);
    }

    public static String count(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** Threshold step as t, e.g. 500 → "0.500". */
    public static String step(int step) {
        return String.format(Locale.ROOT, "%.3f", step / 1000.0);
    }

    /**
     * A range "lo – hi" with both ends at one precision, enough to tell values a thousandth of the span apart (never
     * "12.35 – 1234" as %g gives).
     */
    public static String range(double lo, double hi) {
        double span = Math.abs(hi - lo);
        int decimals = span > 0 && Double.isFinite(span) ? (int) Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(span))))
                : 2;
        return num(lo, decimals) + " – " + num(hi, decimals);
    }
}
