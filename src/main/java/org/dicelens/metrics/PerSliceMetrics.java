package org.dicelens.metrics;

import java.util.function.IntPredicate;
import org.dicelens.volume.Case;

/**
 * Per-slice metrics along one axis (formula sheet, "Per-slice metrics"), inside the evaluation region. Arrays are
 * [class][slice]. A slice whose reference and prediction are both empty (also: no region voxel in it) is flagged in
 * {@code hardEmpty}/{@code softEmpty} and its Dice is NaN, never 1, so plots leave it out.
 *
 * @param axis         the voxel axis held fixed per slice (0 = x, 1 = y, 2 = z)
 * @param mode         how the hard segmentation was made
 * @param voxelMl      volume of one voxel in mL
 * @param regionVoxels per slice, the voxels of the region in it
 * @param hardDice     2TP/(2TP + FP + FN) per slice, NaN when empty
 * @param softDice     2I/(P + R) per slice, NaN when P + R = 0
 * @param refMl        V_ref = R·v per slice
 * @param softMl       V_soft = P·v per slice
 * @param hardMl       V_hard = Σb·v per slice
 * @param tp           hard true positives per slice
 * @param hardVoxels   Σb per slice (TP + FP)
 */
public record PerSliceMetrics(int axis, HardMode mode, double voxelMl, int[] regionVoxels, double[][] hardDice,
        boolean[][] hardEmpty, double[][] softDice, boolean[][] softEmpty, double[][] refMl, double[][] softMl,
        double[][] hardMl, int[][] tp, int[][] hardVoxels) {

    /** One request, one pass: builds a {@link PerSliceHistogram} and evaluates it under {@code s}. */
    public static PerSliceMetrics compute(Case c, IntPredicate region, int axis, Settings s) {
        return PerSliceHistogram.build(c, region, axis).metrics(s);
    }

    /** One request inside Ω_margin of an evaluation region. */
    public static PerSliceMetrics compute(Case c, EvaluationRegion region, int margin, int axis, Settings s) {
        return PerSliceHistogram.build(c, region, margin, axis).metrics(s);
    }

    /** One request on the engine's case, inside the settings' region (margin). */
    public static PerSliceMetrics compute(Engine e, Settings s, int axis) {
        return PerSliceHistogram.build(e.caseData(), e.region(), s.margin(), axis).metrics(s);
    }

    public int sliceCount() {
        return regionVoxels.length;
    }

    public int classCount() {
        return hardDice.length;
    }
}
