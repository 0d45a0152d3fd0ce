package org.dicelens.metrics;

/**
 * The losses whose per-voxel gradient map DiceLens draws (formula sheet, "Gradient maps"). Each map is ∂L/∂p_n of
 * one class's channel with every class weight and every other voxel held fixed.
 */
public enum GradientLoss {
    /** 1 − (2I + s_nr)/(P + R + s_dr): one value on reference voxels and one elsewhere (a flat map). */
    SOFT_DICE,
    /** V-Net: 1 − (2I + s_nr)/(P2 + R2 + s_dr). */
    SQUARED_DICE,
    /** Generalised Dice loss; the map is that of class k with weights w_l held constant. */
    GDL,
    /** 1 − T, T = (I + s_nr)/(I + α(P − I) + β(R − I) + s_dr). */
    TVERSKY,
    /** (1 − T)^(1/γ). */
    FOCAL_TVERSKY,
    /** Binary cross-entropy −(1/N) Σ [r ln p + (1 − r) ln(1 − p)], p clamped to [1e-7, 1 − 1e-7]. */
    CE,
    /** Weighted cross-entropy: w on the foreground term, w from the reference or the prediction, held constant. */
    WCE
}
