package org.dicelens.metrics.voxel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dicelens.common.Progress;
import org.dicelens.metrics.spatial.Grid;
import org.dicelens.metrics.spatial.SpatialMetrics;
import org.dicelens.metrics.spatial.SpatialOptions;
import org.dicelens.metrics.spatial.SpatialOverlay;
import org.dicelens.metrics.spatial.VoxelMask;

/**
 * What the lesion and boundary-distance overlays of one class draw (issue 17): its lesion map and its prediction's
 * border distances, from the same masks as {@link SpatialClassMetric} (the one hard rule, clipped to Ω_margin). The
 * NSD tolerance plays no part, so requests carry the options with τ set to the default and equal requests share one
 * result whatever the panel's τ. Results hold per-voxel data, so the tier keeps only a few of them.
 */
public final class SpatialOverlayMetric implements VoxelMetric<SpatialOverlay> {
    public static final SpatialOverlayMetric INSTANCE = new SpatialOverlayMetric();

    private SpatialOverlayMetric() {
    }

    @Override
    public String key() {
        return "spatial-overlay";
    }

    /** The request for class {@code channel}: the options' τ and kept-distances flag do not change the result. */
    public static VoxelRequest request(org.dicelens.metrics.Settings s, int channel, SpatialOptions o) {
        SpatialOptions d = SpatialOptions.defaults();
        return VoxelRequest.of(s, channel, o.withNsdTolerance(d.nsdToleranceMm()).withKeepDistances(false));
    }

    @Override
    public SpatialOverlay compute(VoxelInput in, VoxelRequest r, Progress progress) {
        VoxelMask pred = VoxelMask.ofNonZero(in.hardMask(r, progress));
        progress.checkCancelled();
        VoxelMask ref = VoxelMask.ofNonZero(in.referenceMask(r));
        return SpatialMetrics.overlay(pred, ref, null, Grid.of(in.data().geometry()), SpatialClassMetric.options(r),
                progress);
    }

    @Override
    public int maxCached() {
        return 4;
    }

    @Override
    public Map<String, Object> reportFields(SpatialOverlay res) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("lesionRuns", res.lesions().runCount());
        f.put("predictionBorderVoxels", res.predBorder() == null ? null : res.predBorder().count());
        f.put("maxDistance", Double.isNaN(res.maxDistanceMm()) ? null : res.maxDistanceMm());
        return f;
    }
}
