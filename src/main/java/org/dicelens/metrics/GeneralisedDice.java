package org.dicelens.metrics;

import java.util.Arrays;

/**
 * Generalised Dice (Sudre 2017) over the included classes: weights, each class's share of the denominator, the loss
 * and the generalised Dice score from hard counts with the same weights. Excluded classes (the background when it is
 * switched off) have NaN weight and share.
 *
 * @param terms   the weights after the absent-class rule and the sums of the loss (Σ w I, Σ w (P + R), s_nr, s_dr);
 *                {@link #loss()} and each class's share are computed from them
 * @param score   2 Σ w TP / Σ w (2TP + FP + FN); 1 when every included class is empty in both, NaN when the weighted
 *                denominator is 0 otherwise
 */
public record GeneralisedDice(GdlTerms terms, double score) {

    /** Per channel, after the absent-class rule; NaN for an excluded channel. */
    public double[] weights() {
        return terms.weights();
    }

    /** GDL = 1 − (2 Σ w I + s_nr)/(Σ w (P + R) + s_dr), from {@link #terms()}. */
    public double loss() {
        return terms.loss();
    }

    /**
     * @param sums       per channel, the region's sums
     * @param tp         per channel, hard true positives under the current hard segmentation
     * @param predicted  per channel, hard predicted voxels (TP + FP)
     * @param background channel of label 0, or −1
     */
    public static GeneralisedDice compute(ClassSums[] sums, long[] tp, long[] predicted, Settings s, int background) {
        int nc = sums.length;
        boolean[] in = new boolean[nc];
        for (int c = 0; c < nc; c++) {
            in[c] = s.includeBackground() || c != background;
        }
        double[] w = weights(sums, in, s);
        GdlTerms terms = GdlTerms.of(sums, w, in, s.losses());
        double hardNum = 0;
        double hardDen = 0;
        boolean allEmpty = true;
        for (int c = 0; c < nc; c++) {
            if (!in[c]) {
                continue;
            }
            hardNum += w[c] * tp[c];
            hardDen += w[c] * (predicted[c] + sums[c].r());
            allEmpty &= predicted[c] + sums[c].r() == 0;
        }
        double score = hardDen != 0 ? 2 * hardNum / hardDen : allEmpty ? 1.0 : Double.NaN;
        return new GeneralisedDice(terms, score);
    }

    /**
     * Weights under the scheme; a class absent from the reference (R = 0) gets an infinite square/simple weight, which
     * rule MAX replaces by the largest finite weight of the included classes (0 when there is none, as MONAI's
     * {@code w + infs * max_values} gives) and rule ZERO by 0.
     */
    static double[] weights(ClassSums[] sums, boolean[] in, Settings s) {
        int nc = sums.length;
        double[] w = new double[nc];
        Arrays.fill(w, Double.NaN);
        if (s.weightScheme() == WeightScheme.CUSTOM
                && (s.customWeights() == null || s.customWeights().length != nc)) {
            throw new IllegalArgumentException("custom GDL weights need one value per class (" + nc + ")");
        }
        double maxFinite = 0;
        for (int c = 0; c < nc; c++) {
            if (!in[c]) {
                continue;
            }
            double r = sums[c].r();
            w[c] = switch (s.weightScheme()) {
                case SQUARE -> 1 / (r * r);
                case SIMPLE -> 1 / r;
                case UNIFORM -> 1;
                case CUSTOM -> s.customWeights()[c];
            };
            if (!Double.isInfinite(w[c])) {
                maxFinite = Math.max(maxFinite, w[c]);
            }
        }
        for (int c = 0; c < nc; c++) {
            if (in[c] && Double.isInfinite(w[c])) {
                w[c] = s.emptyRule() == EmptyRule.MAX ? maxFinite : 0;
            }
        }
        return w;
    }
}
