package org.dicelens.volume;

/** How the values of the prediction file(s) are to be read. */
public enum PredictionKind {
    /**
     * Decide from the data: one single-channel file holding only whole numbers with some value above 1 (or below
     * 0) is a hard label map; anything else is probabilities. Logits are never guessed: ask for them.
     */
    AUTO,
    /** Probabilities in [0,1] (values outside are clamped and counted). */
    PROBABILITIES,
    /** Logits, turned into probabilities by a sigmoid on each channel on its own (multi-label heads). */
    LOGITS_SIGMOID,
    /** Logits, turned into probabilities by a softmax across the channels (one channel per class, background too). */
    LOGITS_SOFTMAX,
    /** A hard label map from another model: one-hot probabilities, so soft metrics equal hard ones (metrics only). */
    HARD_LABELS
}
