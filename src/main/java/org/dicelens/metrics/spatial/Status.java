package org.dicelens.metrics.spatial;

/** Whether a group of spatial numbers is defined, defined by the empty-mask convention, or undefined. */
public enum Status {
    /** Computed from non-empty masks. */
    DEFINED,
    /** Both masks empty: the values are those of the convention (distances 0, NSD 1, lesion F1 1), flagged. */
    EMPTY,
    /** Exactly one mask empty: the values are null and {@code reason} says why (never infinity or a made-up maximum). */
    UNDEFINED
}
