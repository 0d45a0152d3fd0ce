package org.dicelens.metrics.spatial;

import java.util.concurrent.CancellationException;
import org.dicelens.common.Progress;

/**
 * The entry point: boundary and lesion-wise metrics of one class from a hard prediction mask and a reference mask.
 * Call it once per class, off any UI thread; it honours {@link Progress} (cancellation between passes of the distance
 * transform and between their chunks of lines) and reports progress from the calling thread only.
 *
 * <pre>{@code
 * Grid grid = Grid.of(caseGeometry);                       // spacing and voxel volume of the case
 * VoxelMask ref = VoxelMask.ofLabel(referenceLabels, cls);  // one byte per voxel, as the project's label maps
 * VoxelMask pred = VoxelMask.ofBooleans(hardMaskOfClass);   // or ofNonZero(bytes), ofBitSet(...), ofWords(...)
 * SpatialResult r = SpatialMetrics.compute(pred, ref, regionOrNull, grid, SpatialOptions.defaults(), progress);
 * }</pre>
 *
 * Memory: the masks are bit-packed; the distance transform uses one int buffer the size of the bounding box of both
 * borders; components work on runs, with no volume-sized buffer.
 */
public final class SpatialMetrics {
    private SpatialMetrics() {
    }

    /**
     * Both boundary and lesion metrics.
     *
     * @param prediction hard prediction of the class
     * @param reference  reference mask of the class
     * @param region     evaluation region Ω, or null for the whole volume (outside Ω both masks count as empty)
     * @throws IllegalArgumentException when a mask's size is not the grid's voxel count
     * @throws CancellationException    when the progress is cancelled
     */
    public static SpatialResult compute(VoxelMask prediction, VoxelMask reference, VoxelMask region, Grid grid,
            SpatialOptions options, Progress progress) {
        VoxelMask[] ab = restrict(prediction, reference, region, grid);
        progress.update(0, "boundary distances");
        SurfaceMetrics s = SurfaceDistances.compute(ab[0], ab[1], grid, options, progress);
        progress.update(0.8, "lesions");
        progress.checkCancelled();
        LesionMetrics l = LesionMatcher.match(ab[0], ab[1], grid, options);
        progress.update(1, "spatial metrics done");
        return new SpatialResult(s, l);
    }

    /** Boundary metrics only (HD, HD95, ASSD, MASD, NSD). */
    public static SurfaceMetrics surface(VoxelMask prediction, VoxelMask reference, VoxelMask region, Grid grid,
            SpatialOptions options, Progress progress) {
        VoxelMask[] ab = restrict(prediction, reference, region, grid);
        return SurfaceDistances.compute(ab[0], ab[1], grid, options, progress);
    }

    /**
     * What the slice overlays draw: the lesion map and the prediction's border distances (d(a, ∂B) for a in ∂A), with
     * the same borders, distances, components and matching as {@link #compute}.
     */
    public static SpatialOverlay overlay(VoxelMask prediction, VoxelMask reference, VoxelMask region, Grid grid,
            SpatialOptions options, Progress progress) {
        VoxelMask[] ab = restrict(prediction, reference, region, grid);
        String[] reason = new String[1];
        BorderDistances d = SurfaceDistances.predictionBorder(ab[0], ab[1], grid, options, progress, reason);
        progress.checkCancelled();
        LesionMap map = LesionMatcher.matchWithMap(ab[0], ab[1], grid, options).map();
        return SpatialOverlay.of(map, d, reason[0]);
    }

    /** Lesion-wise metrics only. */
    public static LesionMetrics lesions(VoxelMask prediction, VoxelMask reference, VoxelMask region, Grid grid,
            SpatialOptions options) {
        VoxelMask[] ab = restrict(prediction, reference, region, grid);
        return LesionMatcher.match(ab[0], ab[1], grid, options);
    }

    /**
     * Convenience for the project's label maps: the reference of class {@code label} is where the unsigned byte
     * equals it.
     */
    public static SpatialResult forClass(byte[] referenceLabels, int label, VoxelMask prediction, VoxelMask region,
            Grid grid, SpatialOptions options, Progress progress) {
        return compute(prediction, VoxelMask.ofLabel(referenceLabels, label), region, grid, options, progress);
    }

    private static VoxelMask[] restrict(VoxelMask a, VoxelMask b, VoxelMask region, Grid g) {
        int n = g.voxelCount();
        for (VoxelMask m : new VoxelMask[] {a, b, region}) {
            if (m != null && m.size() != n) {
                throw new IllegalArgumentException("mask of " + m.size() + " voxels on a grid of " + n + " ("
                        + g.nx() + "x" + g.ny() + "x" + g.nz() + ")");
            }
        }
        if (region == null) {
            return new VoxelMask[] {a, b};
        }
        return new VoxelMask[] {a.and(region), b.and(region)};
    }
}
