package org.dicelens.metrics.spatial;

import org.dicelens.common.Progress;

/** Computes {@link SurfaceMetrics} of a prediction against a reference (both already restricted to the region). */
final class SurfaceDistances {
    private SurfaceDistances() {
    }

    static SurfaceMetrics compute(VoxelMask a, VoxelMask b, Grid g, SpatialOptions o, Progress progress) {
        double tau = o.nsdToleranceMm();
        VoxelMask edges = Borders.volumeEdges(g);
        VoxelMask ba = Borders.of(a, g, edges);
        VoxelMask bb = Borders.of(b, g, edges);
        boolean emptyA = ba.isEmpty();
        boolean emptyB = bb.isEmpty();
        if (emptyA && emptyB) {
            return SurfaceMetrics.bothEmpty(tau);
        }
        if (emptyA || emptyB) {
            return SurfaceMetrics.undefined((emptyA ? "the prediction" : "the reference")
                    + " is empty inside the evaluation region (the other is not): boundary distances are undefined",
                    tau);
        }
        progress.checkCancelled();
        Box box = Box.bounding(g, ba, bb);
        // one box-sized int buffer, reused for both directions
        NearestDistances nd = new NearestDistances(g, box, new int[box.voxelCount()], o.workers());
        double[] dab = nd.compute(ba, bb, progress);
        double[] dba = nd.compute(bb, ba, progress);
        Directed ab = Directed.of(dab, tau);
        Directed bab = Directed.of(dba, tau);
        return SurfaceMetrics.of(ab, bab, tau, o.keepDistances() ? BorderDistances.of(ba, dab) : null,
                o.keepDistances() ? BorderDistances.of(bb, dba) : null);
    }

    /**
     * The prediction's border voxels with d(a, ∂B) only (one pass of the distance transform, for the overlay); null
     * with {@code reason[0]} set when either border is empty.
     */
    static BorderDistances predictionBorder(VoxelMask a, VoxelMask b, Grid g, SpatialOptions o, Progress progress,
            String[] reason) {
        VoxelMask edges = Borders.volumeEdges(g);
        VoxelMask ba = Borders.of(a, g, edges);
        VoxelMask bb = Borders.of(b, g, edges);
        if (ba.isEmpty() || bb.isEmpty()) {
            reason[0] = ba.isEmpty() && bb.isEmpty() ? "both masks are empty inside the evaluation region"
                    : (ba.isEmpty() ? "the prediction" : "the reference")
                    + " is empty inside the evaluation region: boundary distances are undefined";
            return null;
        }
        progress.checkCancelled();
        Box box = Box.bounding(g, ba, bb);
        NearestDistances nd = new NearestDistances(g, box, new int[box.voxelCount()], o.workers());
        return BorderDistances.of(ba, nd.compute(ba, bb, progress));
    }
}
