package org.dicelens.metrics.spatial;

/**
 * One reference lesion (connected component of the reference) and how the prediction meets it.
 *
 * @param id              0-based, in the order of the lesion's first voxel (voxel-index order)
 * @param centre          the lesion's voxel nearest its centroid (in mm), ties to the smallest index
 * @param voxels          its size
 * @param volumeMl        its volume
 * @param overlapVoxels   its voxels inside the prediction
 * @param predictedVoxels total size of the predicted components touching it (sharing ≥ 1 voxel)
 * @param predictedMl     their volume
 * @param dice            Dice of the lesion against the union of those components (0 when none touches it)
 * @param deltaMl         predictedMl − volumeMl
 * @param detected        overlap ≥ 1 voxel, or Dice ≥ δ under the Dice rule
 */
public record ReferenceLesion(int id, Centre centre, long voxels, double volumeMl, long overlapVoxels,
        long predictedVoxels, double predictedMl, double dice, double deltaMl, boolean detected) {
}
