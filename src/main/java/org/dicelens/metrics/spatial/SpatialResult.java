package org.dicelens.metrics.spatial;

/** Boundary and lesion-wise metrics of one class; either part is null when it was not asked for. */
public record SpatialResult(SurfaceMetrics surface, LesionMetrics lesions) {
}
