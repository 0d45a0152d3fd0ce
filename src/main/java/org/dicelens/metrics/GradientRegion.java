package org.dicelens.metrics;

import java.util.function.IntPredicate;

/**
 * A region as the gradient and per-slice passes see it: either a box (an evaluation region Ω_m is exactly one), which
 * the passes walk row by row with no per-voxel test, or any voxel predicate, tested per voxel.
 */
final class GradientRegion {
    private static final GradientRegion WHOLE = new GradientRegion(null, null);

    private final IntPredicate predicate;
    /** Inclusive {x0, y0, z0, x1, y1, z1}, or null for the whole volume / a predicate region. */
    private final int[] box;

    private GradientRegion(IntPredicate predicate, int[] box) {
        this.predicate = predicate;
        this.box = box;
    }

    /** A predicate region; null means the whole volume. */
    static GradientRegion of(IntPredicate predicate) {
        return predicate == null ? WHOLE : new GradientRegion(predicate, null);
    }

    /** Ω_m of an evaluation region: the box of its bounds. */
    static GradientRegion of(EvaluationRegion region, int margin) {
        return new GradientRegion(null, region.bounds(margin));
    }

    /** Whether the passes may use {@link #rowFrom}/{@link #rowTo} instead of testing each voxel. */
    boolean isBox() {
        return predicate == null;
    }

    /** First x of row (y, z) inside a box region (rowFrom ≥ rowTo when the row is outside). */
    int rowFrom(int y, int z) {
        return box == null ? 0 : box[0];
    }

    /** One past the last x of row (y, z) inside a box region, clipped to nx. */
    int rowTo(int y, int z, int nx) {
        if (box == null) {
            return nx;
        }
        return y < box[1] || y > box[4] || z < box[2] || z > box[5] ? box[0] : box[3] + 1;
    }

    /** Whether voxel (x, y, z), index i, lies in the region. */
    boolean test(int x, int y, int z, int i) {
        if (predicate != null) {
            return predicate.test(i);
        }
        return box == null || x >= box[0] && x <= box[3] && y >= box[1] && y <= box[4] && z >= box[2] && z <= box[5];
    }

    /** Whether voxel i of an nx × ny × … grid lies in the region. */
    boolean test(int i, int nx, int ny) {
        if (predicate != null) {
            return predicate.test(i);
        }
        if (box == null) {
            return true;
        }
        int x = i % nx;
        int rest = i / nx;
        return test(x, rest % ny, rest / ny, i);
    }
}
