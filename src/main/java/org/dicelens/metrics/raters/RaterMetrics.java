package org.dicelens.metrics.raters;

import java.util.List;

/**
 * The multi-rater numbers of one case: how many raters (0 for a soft reference), how many voxels were evaluated,
 * how many of them all raters agree on (every class's q̂ is 0 or 1), and one record per class.
 */
public record RaterMetrics(int raters, boolean soft, long regionVoxels, long consensusVoxels, List<RaterClassMetrics> classes) {
}
