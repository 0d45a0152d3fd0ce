package org.dicelens.phantom;

import java.util.Locale;

/** The predictions a phantom can produce from its true posterior q. */
public enum PhantomPrediction {
    /** p = q: a perfectly calibrated model. */
    CALIBRATED,
    /** p ∝ q^k with k = sharpness > 1 (temperature 1/k): pushed towards 0 and 1, as soft Dice training does. */
    OVERCONFIDENT,
    /** p ∝ q^(1/k): pulled towards uniform. */
    UNDERCONFIDENT,
    /** The Dice-optimal hard segmentation of each class of q, made one-hot (rarest class first; see {@link PhantomDiceOptimal}). */
    DICE_OPTIMAL;

    /** File-name form, e.g. "overconfident" for prediction_overconfident.nii.gz. */
    public String fileTag() {
        return name().toLowerCase(Locale.ROOT).replace("_", "");
    }

    /** Parses a name or file tag ("calibrated", "over-confident", "dice_optimal", …). */
    public static PhantomPrediction parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (PhantomPrediction p : values()) {
            if (p.fileTag().equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown prediction '" + s + "' (calibrated, overconfident, underconfident, "
                + "diceoptimal)");
    }
}
