package org.dicelens.ui.model;

import java.util.function.IntPredicate;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassSums;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Case;

/**
 * What the viewer asks of the metrics engine for one loaded case. The app's implementation ({@code EngineAnalysis})
 * delegates every call to {@code org.dicelens.metrics}; the UI computes none of these numbers itself. Calls may take
 * a while (a voxel pass for per-slice figures), so the view models make them off the FX thread.
 */
public interface Analysis {
    Case data();

    /** The evaluation region of these settings as a test on flat voxel index; null for the whole volume. */
    IntPredicate region(Settings settings);

    /**
     * The chosen loss's gradient on one slice, in the engine's slice layout along voxel axis {@code axis}
     * (see {@code GradientMaps}), into {@code out}; false when it cannot be drawn. {@code gdlWeights} are the
     * engine's weights already evaluated for these settings (so this never triggers a pass over the volume).
     */
    boolean gradientSlice(Settings settings, double[] gdlWeights, int channel, org.dicelens.metrics.GradientLoss loss,
            boolean wrtLogit, int axis, int index, float[] out);

    /**
     * One colour scale for the gradient map of the whole volume: the {@code percentile}-th percentile of |gradient|
     * over the evaluation region (NaN when it cannot be drawn). A pass over the region: call it off the FX thread.
     */
    double gradientScale(Settings settings, double[] gdlWeights, int channel, org.dicelens.metrics.GradientLoss loss,
            boolean wrtLogit, double percentile);

    /** Every number of every class under the given controls. */
    CaseMetrics evaluate(Settings settings);

    /** The formula sheet's sums (I, P, R, …) of one class inside the evaluation region, for the formula strip. */
    ClassSums sums(Settings settings, int channel);

    /** Hard Dice, Jaccard and hard volume at every threshold step for one class. */
    Curves.Sweep sweep(Settings settings, int channel);

    /** Reliability diagram and ECE for one class. */
    org.dicelens.metrics.Reliability reliability(Settings settings, int channel);

    /** Histogram of p for one class, split by reference value. */
    Curves.Histogram histogram(Settings settings, int channel);

    /** Dice and volumes per slice along an axis (0 = x/sagittal, 1 = y/coronal, 2 = z/axial). */
    Curves.PerSlice perSlice(Settings settings, int channel, int axis);

    /**
     * This analysis for {@code c}, a case with the same reference and prediction arrays and class labels (another
     * image, other class names), without recomputing; null when the implementation cannot (then it is built again).
     */
    default Analysis withData(Case c) {
        return null;
    }

    /** The case's on-demand voxel-metrics tier (one per case, caching its results); null when there is none. */
    default org.dicelens.metrics.voxel.VoxelMetrics voxels() {
        return null;
    }

    /**
     * Every multi-rater number of the prediction against {@code raters} under these settings (in the evaluation
     * region when the implementation knows it; the whole volume by default).
     */
    default org.dicelens.metrics.raters.RaterMetrics raters(org.dicelens.metrics.raters.RaterReference raters,
            Settings settings) {
        Case c = data();
        return org.dicelens.metrics.raters.RaterStatistics.compute(raters, c.prediction().channels(), c.classes(),
                c.geometry().voxelMl(), settings, null);
    }
}
