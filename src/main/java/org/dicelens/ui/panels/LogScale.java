package org.dicelens.ui.panels;

import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * A log₁₀ scale for bar charts (JavaFX has no log axis): whole decades from below the smallest positive finite value
 * to above the largest; a bar's height is log₁₀(v) − the bottom decade, and the axis labels show the decades as
 * powers of ten. Zero, negative and infinite values get no bar.
 *
 * @param lowDecade  exponent of the axis bottom
 * @param highDecade exponent of the axis top (> lowDecade)
 */
public record LogScale(int lowDecade, int highDecade) {
    public static LogScale of(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return new LogScale(0, 1);
        }
        // one decade of room below the smallest, so its bar is visible
        int low = (int) Math.floor(Math.log10(lo)) - 1;
        int high = Math.max(low + 1, (int) Math.ceil(Math.log10(hi)));
        return new LogScale(low, high);
    }

    public double height(double v) {
        return v > 0 && Double.isFinite(v) ? Math.max(0, Math.log10(v) - lowDecade) : 0;
    }

    /** Sets the axis range and labels; a no-op when they are already this scale's (no re-layout). */
    public void applyTo(NumberAxis axis) {
        double top = highDecade - lowDecade;
        if (axis.getUpperBound() == top && axis.getLowerBound() == 0 && axis.getTickLabelFormatter() instanceof Labels l
                && l.low == lowDecade) {
            return;
        }
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(top);
        axis.setTickUnit(Math.max(1, Math.ceil(top / 6)));
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new Labels(lowDecade));
    }

    /** Axis labels: tick t is the decade 10^(low + t). */
    static final class Labels extends StringConverter<Number> {
        final int low;

        Labels(int low) {
            this.low = low;
        }

        @Override
        public String toString(Number t) {
            return "1e" + (low + Math.round(t.doubleValue()));
        }

        @Override
        public Number fromString(String s) {
            return Double.parseDouble(s.substring(2)) - low;
        }
    }
}
