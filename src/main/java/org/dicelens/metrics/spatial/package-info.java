/**
 * Boundary and lesion-wise metrics of one class from a hard prediction mask and a reference mask: an exact Euclidean
 * distance transform with anisotropic spacing, face-connected borders, Hausdorff distance, HD95, ASSD, MASD, NSD,
 * connected components (6/18/26) and lesion matching. Conventions are those of docs/FORMULAS.md ("Boundary and
 * lesion-wise metrics"). Entry point: {@link org.dicelens.metrics.spatial.SpatialMetrics}. Uses volume and common.
 */
package org.dicelens.metrics.spatial;
