package org.dicelens.metrics;

/** Weight of a class absent from the reference (R = 0): the largest finite weight (MONAI, NiftyNet) or zero. */
public enum EmptyRule {
    MAX, ZERO
}
