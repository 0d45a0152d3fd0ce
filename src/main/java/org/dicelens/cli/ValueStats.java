package org.dicelens.cli;

/**
 * Statistics of every value of a volume or an array, as `info` prints them; NaN values are left out of all of them
 * (and counted).
 */
record ValueStats(double min, double max, double sum, long count, long nonZero, long nan) {
    double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Adds values one at a time. */
    static final class Builder {
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double sum;
        private long count;
        private long nonZero;
        private long nan;

        void add(double x) {
            if (Double.isNaN(x)) {
                nan++;
                return;
            }
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
            count++;
            if (x != 0) {
                nonZero++;
            }
        }

        ValueStats build() {
            return new ValueStats(min, max, sum, count, nonZero, nan);
        }
    }
}
