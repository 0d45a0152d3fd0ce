package org.dicelens.metrics.spatial;

/**
 * What the slice overlays of one class draw: the lesion map (detected, missed, false positive) and the prediction's
 * border voxels with their distances in mm to the reference border.
 *
 * @param lesions       the lesion map (never null; empty without lesions)
 * @param predBorder    ∂A with d(a, ∂B) per voxel; null when either border is empty (distances undefined)
 * @param maxDistanceMm the largest of those distances (the directed Hausdorff distance from ∂A); NaN without them
 * @param reason        why {@code predBorder} is null, else null
 */
public record SpatialOverlay(LesionMap lesions, BorderDistances predBorder, double maxDistanceMm, String reason) {
    static SpatialOverlay of(LesionMap lesions, BorderDistances predBorder, String reason) {
        double m = Double.NaN;
        if (predBorder != null) {
            m = 0;
            for (int i = 0; i < predBorder.count(); i++) {
                m = Math.max(m, predBorder.distance(i));
            }
        }
        return new SpatialOverlay(lesions, predBorder, m, reason);
    }
}
