package org.dicelens.render;

import java.util.function.IntPredicate;

/**
 * Per-frame values the caller computes elsewhere (the engine) and hands to the renderer.
 *
 * @param gradient             gradient values of the chosen class for this slice, in screen layout
 *                             (index sy·width + sx; see {@link Slices}); null when none
 * @param diceOptimalThreshold the chosen class's Dice-optimal threshold q_(k*); NaN when none
 * @param region               the evaluation region as a predicate on flat voxel index; null when none
 */
public record SliceInputs(float[] gradient, double diceOptimalThreshold, IntPredicate region) {
    public static SliceInputs none() {
        return new SliceInputs(null, Double.NaN, null);
    }

    public SliceInputs withGradient(float[] g) {
        return new SliceInputs(g, diceOptimalThreshold, region);
    }

    public SliceInputs withDiceOptimalThreshold(double t) {
        return new SliceInputs(gradient, t, region);
    }

    public SliceInputs withRegion(IntPredicate r) {
        return new SliceInputs(gradient, diceOptimalThreshold, r);
    }
}
