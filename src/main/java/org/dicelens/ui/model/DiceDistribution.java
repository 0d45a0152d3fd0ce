package org.dicelens.ui.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.dicelens.metrics.cohort.CasePoint;
import org.dicelens.metrics.cohort.CohortClass;
import org.dicelens.metrics.cohort.CohortSummary;

/**
 * The distribution of Dice over the cases of a cohort, per class, under the current settings: what the cohort panel's
 * box-and-strip plot draws. Per class the soft and the hard Dice of each case counted (and the second model's hard
 * Dice when there is one), as sorted values with their quartiles. Quartiles interpolate linearly between order
 * statistics (position q·(n − 1), numpy's default), so the median is the summary's {@code medianHardDice}.
 * Background (label 0) is left out when there are other classes: its Dice near 1 says nothing about a model.
 */
public record DiceDistribution(List<ClassSpread> classes) {

    /** Sorted values and their five-number summary (NaN for an empty list). */
    public record Spread(double[] values, double min, double q1, double median, double q3, double max) {

        static Spread of(List<CasePoint> points, ToDoubleFunction<CasePoint> f) {
            double[] v = points.stream().mapToDouble(f).toArray();
            Arrays.sort(v);
            if (v.length == 0) {
                return new Spread(v, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Spread(v, v[0], quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75), v[v.length - 1]);
        }

        /** Linear interpolation between the order statistics around position q·(n − 1) of sorted {@code v}. */
        static double quantile(double[] v, double q) {
            double pos = q * (v.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(lo + 1, v.length - 1);
            return v[lo] + (pos - lo) * (v[hi] - v[lo]);
        }
    }

    /** One class: its channel in the cohort, label, name, and the spreads (other: the second model's hard Dice). */
    public record ClassSpread(int channel, int label, String name, Spread soft, Spread hard, Spread other) {
    }

    /** The distribution of {@code a} (and of {@code b}'s hard Dice, when not null) under their settings. */
    public static DiceDistribution of(CohortSummary a, CohortSummary b) {
        List<ClassSpread> out = new ArrayList<>();
        List<CohortClass> cs = a.classes();
        boolean skipBackground = cs.size() > 1;
        for (int j = 0; j < cs.size(); j++) {
            CohortClass c = cs.get(j);
            if (skipBackground && c.summary().label() == 0) {
                continue;
            }
            Spread other = b == null || j >= b.classes().size() ? null
                    : Spread.of(b.classes().get(j).points(), CasePoint::hardDice);
            out.add(new ClassSpread(j, c.summary().label(), c.summary().name(),
                    Spread.of(c.points(), CasePoint::softDice), Spread.of(c.points(), CasePoint::hardDice), other));
        }
        return new DiceDistribution(List.copyOf(out));
    }
}
