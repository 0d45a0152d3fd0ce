package org.dicelens.render;

import java.util.function.IntPredicate;

/**
 * Per-frame values the caller computes elsewhere (the engine) and hands to the renderer.
 *
 * @param gradient             gradient values of the chosen class for this slice, in screen layout
 *                             (index sy·width + sx; see {@link Slices}); null when none
 * @param diceOptimalThreshold the chosen class's Dice-optimal threshold q_(k*); NaN when none
 * @param region               the evaluation region as a predicate on flat voxel index; null when none
 * @param agreement            several raters' agreement heat map and consensus outline, drawn under the contours;
 *                             null when none
 */
public record SliceInputs(float[] gradient, double diceOptimalThreshold, IntPredicate region, AgreementLayer agreement) {
    public SliceInputs(float[] gradient, double diceOptimalThreshold, IntPredicate region) {
        this(gradient, diceOptimalThreshold, region, null);
    }

    public static SliceInputs none() {
        return new SliceInputs(null, Double.NaN, null, null);
    }

    public SliceInputs withGradient(float[] g) {
        return new SliceInputs(g, diceOptimalThreshold, region, agreement);
    }

    public SliceInputs withDiceOptimalThreshold(double t) {
        return new SliceInputs(gradient, t, region, agreement);
    }

    public SliceInputs withRegion(IntPredicate r) {
        return new SliceInputs(gradient, diceOptimalThreshold, r, agreement);
    }

    public SliceInputs withAgreement(AgreementLayer a) {
        return new SliceInputs(gradient, diceOptimalThreshold, region, a);
    }
}
