package org.dicelens.metrics;

/** Weighted cross-entropy foreground weight: (N − R)/R from the reference, or (N − P)/P as printed in Sudre 2017. */
public enum WceWeightSource {
    REFERENCE, PREDICTION
}
