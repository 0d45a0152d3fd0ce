package org.dicelens.metrics.raters;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One class of a cohort against its raters (or soft references): the mean over cases of each case's rater number.
 * A case counts for a class when its class table has the class's label; a number undefined in a case (NaN, e.g. the
 * inter-rater Dice of one rater) is left out of that mean only, and a mean over no case is NaN. Component names are the
 * cohort summary's keys.
 *
 * @param raterCases                 cases with this class
 * @param meanExpectedMl             mean of Σq̂·v
 * @param meanRaterMlSd              mean of the raters' volume sd
 * @param meanDeltaSoftVsExpectedMl  mean of Σp·v − Σq̂·v
 * @param meanDeltaHardVsExpectedMl  mean of V_hard − Σq̂·v
 * @param meanSemimetricDice         mean semimetric Dice
 * @param meanSoftDiceVsMean         mean classic soft Dice against q̂
 * @param meanQubiq                  mean QUBIQ score
 * @param meanConsensusDice          mean consensus Dice
 * @param meanInterRaterDice         mean inter-rater Dice
 * @param meanEceVsMean              mean ECE against q̂
 */
public record RaterCohortClass(int label, int raterCases, double meanExpectedMl, double meanRaterMlSd,
        double meanDeltaSoftVsExpectedMl, double meanDeltaHardVsExpectedMl, double meanSemimetricDice,
        double meanSoftDiceVsMean, double meanQubiq, double meanConsensusDice, double meanInterRaterDice,
        double meanEceVsMean) {

    /** The summary of class {@code label} over the cases' rater numbers (cases without the class are skipped). */
    public static RaterCohortClass of(int label, List<RaterMetrics> cases) {
        List<RaterClassMetrics> with = cases.stream().flatMap(m -> m.classes().stream())
                .filter(c -> c.label() == label).toList();
        return new RaterCohortClass(label, with.size(), mean(with, RaterClassMetrics::expectedMl),
                mean(with, RaterClassMetrics::raterMlSd), mean(with, RaterClassMetrics::deltaSoftVsExpectedMl),
                mean(with, RaterClassMetrics::deltaHardVsExpectedMl), mean(with, RaterClassMetrics::semimetricDice),
                mean(with, RaterClassMetrics::softDiceVsMean), mean(with, RaterClassMetrics::qubiq),
                mean(with, RaterClassMetrics::consensusDice), mean(with, RaterClassMetrics::interRaterDice),
                mean(with, RaterClassMetrics::eceVsMean));
    }

    private static double mean(List<RaterClassMetrics> cs, ToDoubleFunction<RaterClassMetrics> f) {
        double sum = 0;
        int n = 0;
        for (RaterClassMetrics c : cs) {
            double v = f.applyAsDouble(c);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
