package org.dicelens.ui.model;

/**
 * The engine's curves as the charts draw them (plain arrays copied from the metrics package's results). The reliability
 * diagram is the engine's own {@link org.dicelens.metrics.Reliability}: it is already plain arrays.
 */
public final class Curves {
    private Curves() {
    }

    /** Index i is threshold t = i / 1000. Volumes in mL. */
    public record Sweep(int channel, double[] hardDice, double[] jaccard, double[] hardMl) {
    }

    /** Counts of voxels per equal-width bin of p over [0,1], where the reference is the class (r = 1) and is not. */
    public record Histogram(int channel, long[] withReference, long[] withoutReference) {
    }

    /** Per slice along {@code axis}; a slice with empty reference and empty prediction is flagged, not scored 1. */
    public record PerSlice(int channel, int axis, double[] hardDice, double[] softDice, double[] refMl, double[] softMl,
            double[] hardMl, boolean[] empty) {
    }
}
