package org.dicelens.metrics;

/**
 * What a gradient map differentiates with respect to: the probability p_n itself, or the logit z_n with
 * p_n = sigmoid(z_n), so ∂L/∂z = ∂L/∂p · p(1 − p) (varies per voxel even where ∂L/∂p is flat).
 */
public enum GradientWrt {
    PROBABILITY, LOGIT
}
