package org.dicelens.metrics.spatial;

/**
 * Boundary metrics of one class, distances in mm between the face-connected borders of the prediction A and the
 * reference B (docs/FORMULAS.md, "Boundary and lesion-wise metrics").
 *
 * @param status     DEFINED, EMPTY (both masks empty: 0, 0, 0, 0 and NSD 1) or UNDEFINED (one mask empty: nulls)
 * @param reason     why the values are flagged or undefined; null when DEFINED
 * @param hd         Hausdorff distance: the larger directed maximum
 * @param hd95       the larger of the two directed 95th percentiles (numpy's linear interpolation)
 * @param assd       mean of the pooled directed distances of both borders
 * @param masd       mean of the two directed means
 * @param nsd        normalised surface distance at {@code nsdToleranceMm}: border voxels within τ of the other border,
 *                   both sides, over all border voxels
 * @param predToRef  distances of ∂A to ∂B summarised; null unless DEFINED
 * @param refToPred  distances of ∂B to ∂A summarised; null unless DEFINED
 * @param predBorder per-voxel distances of ∂A when asked for (options.keepDistances), else null
 * @param refBorder  per-voxel distances of ∂B when asked for, else null
 */
public record SurfaceMetrics(Status status, String reason, Double hd, Double hd95, Double assd, Double masd,
        Double nsd, double nsdToleranceMm, Directed predToRef, Directed refToPred, BorderDistances predBorder,
        BorderDistances refBorder) {

    static SurfaceMetrics bothEmpty(double tau) {
        return new SurfaceMetrics(Status.EMPTY, "both masks are empty inside the evaluation region", 0.0, 0.0, 0.0,
                0.0, 1.0, tau, null, null, null, null);
    }

    static SurfaceMetrics undefined(String reason, double tau) {
        return new SurfaceMetrics(Status.UNDEFINED, reason, null, null, null, null, null, tau, null, null, null, null);
    }

    static SurfaceMetrics of(Directed ab, Directed ba, double tau, BorderDistances a, BorderDistances b) {
        double hd = Math.max(ab.max(), ba.max());
        double hd95 = Math.max(ab.p95(), ba.p95());
        double assd = (ab.sum() + ba.sum()) / (ab.borderVoxels() + ba.borderVoxels());
        double masd = (ab.mean() + ba.mean()) / 2;
        double nsd = (double) (ab.withinTolerance() + ba.withinTolerance()) / (ab.borderVoxels() + ba.borderVoxels());
        return new SurfaceMetrics(Status.DEFINED, null, hd, hd95, assd, masd, nsd, tau, ab, ba, a, b);
    }
}
