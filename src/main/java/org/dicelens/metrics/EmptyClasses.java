package org.dicelens.metrics;

/**
 * Hard Dice of a class absent from the reference (R = 0). {@link #ZERO}: DiceLens's rule, 2TP/(2TP+FP+FN) as it is
 * (0 with any false positive, 1 flagged "empty" without), counted in the means. {@link #EXCLUDE}: MONAI's
 * {@code ignore_empty=True}, the class's hard Dice is undefined (NaN, null in files) and the means leave it out.
 */
public enum EmptyClasses {
    ZERO, EXCLUDE
}
