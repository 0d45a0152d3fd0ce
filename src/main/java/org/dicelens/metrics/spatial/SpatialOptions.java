package org.dicelens.metrics.spatial;

/**
 * Options of the spatial metrics of one class.
 *
 * @param nsdToleranceMm  τ of the normalised surface distance, mm (default 1)
 * @param connectivity    of lesions (default 26)
 * @param minLesionVoxels components with fewer voxels are dropped from both masks before matching (0: none)
 * @param minLesionMl     components with a smaller volume in mL are dropped too (0: none)
 * @param detectionDice   NaN: a reference lesion is detected when it overlaps the prediction by ≥ 1 voxel; a value δ
 *                        in (0, 1]: detected when its Dice against the predicted components touching it is ≥ δ
 * @param keepDistances   keep each border voxel's distance (for histograms and border colouring)
 * @param workers         threads for the distance transform (≥ 1)
 */
public record SpatialOptions(double nsdToleranceMm, Connectivity connectivity, int minLesionVoxels, double minLesionMl,
        double detectionDice, boolean keepDistances, int workers) {
    public SpatialOptions {
        if (!(nsdToleranceMm >= 0) || Double.isInfinite(nsdToleranceMm)) {
            throw new IllegalArgumentException("NSD tolerance must be a finite number of mm ≥ 0: " + nsdToleranceMm);
        }
        if (connectivity == null) {
            throw new IllegalArgumentException("connectivity is required");
        }
        if (minLesionVoxels < 0 || !(minLesionMl >= 0)) {
            throw new IllegalArgumentException("minimum lesion size must be ≥ 0: " + minLesionVoxels + " voxels, "
                    + minLesionMl + " mL");
        }
        if (!Double.isNaN(detectionDice) && !(detectionDice > 0 && detectionDice <= 1)) {
            throw new IllegalArgumentException("detection Dice δ must be in (0, 1]: " + detectionDice);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be ≥ 1: " + workers);
        }
    }

    /** τ = 1 mm, 26-connected, no minimum size, overlap rule, no per-voxel distances, all cores. */
    public static SpatialOptions defaults() {
        return new SpatialOptions(1.0, Connectivity.TWENTY_SIX, 0, 0, Double.NaN, false, ChunkedWork.defaultWorkers());
    }

    public SpatialOptions withNsdTolerance(double mm) {
        return new SpatialOptions(mm, connectivity, minLesionVoxels, minLesionMl, detectionDice, keepDistances, workers);
    }

    public SpatialOptions withConnectivity(Connectivity c) {
        return new SpatialOptions(nsdToleranceMm, c, minLesionVoxels, minLesionMl, detectionDice, keepDistances, workers);
    }

    public SpatialOptions withMinLesion(int voxels, double ml) {
        return new SpatialOptions(nsdToleranceMm, connectivity, voxels, ml, detectionDice, keepDistances, workers);
    }

    /** δ for the Dice detection rule; NaN restores the overlap rule. */
    public SpatialOptions withDetectionDice(double delta) {
        return new SpatialOptions(nsdToleranceMm, connectivity, minLesionVoxels, minLesionMl, delta, keepDistances, workers);
    }

    public SpatialOptions withKeepDistances(boolean keep) {
        return new SpatialOptions(nsdToleranceMm, connectivity, minLesionVoxels, minLesionMl, detectionDice, keep, workers);
    }

    public SpatialOptions withWorkers(int n) {
        return new SpatialOptions(nsdToleranceMm, connectivity, minLesionVoxels, minLesionMl, detectionDice, keepDistances, n);
    }
}
