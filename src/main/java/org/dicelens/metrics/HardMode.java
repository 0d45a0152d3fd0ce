package org.dicelens.metrics;

/** How probabilities become a hard segmentation (formula sheet, "Hard segmentation"). */
public enum HardMode {
    /** b = [p ≥ t_l], one class against the rest, inclusive like MONAI's AsDiscrete(threshold=t). */
    THRESHOLD,
    /** b = [l = argmax_k p_k], ties to the lowest index; max p below the confidence floor goes to background. */
    ARGMAX
}
