package org.dicelens.metrics.spatial;

/**
 * A connected component of the prediction that shares no voxel with the reference (a false-positive lesion).
 *
 * @param id       0-based among the predicted components, in the order of their first voxel
 * @param centre   its voxel nearest its centroid (in mm), ties to the smallest index
 * @param voxels   its size
 * @param volumeMl its volume
 */
public record PredictedLesion(int id, Centre centre, long voxels, double volumeMl) {
}
