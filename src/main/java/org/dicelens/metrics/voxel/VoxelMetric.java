package org.dicelens.metrics.voxel;

import java.util.Map;
import org.dicelens.common.Progress;

/**
 * One on-demand voxel metric. Implementations are stateless; the tier ({@link VoxelMetrics}) caches their results by
 * ({@link #key()}, request) and runs them off the UI thread.
 *
 * @param <R> its result record
 */
public interface VoxelMetric<R> {
    /** Stable identifier: the cache key and the report section's name (e.g. "border-voxels"). */
    String key();

    /**
     * Computes the result for one request; long loops call {@code progress.checkCancelled()} now and then (a newer
     * request cancels an older one).
     */
    R compute(VoxelInput input, VoxelRequest request, Progress progress);

    /**
     * How many results of this metric the tier keeps at most (least recently used dropped first): small for results
     * holding per-voxel data, so moving a threshold through many values never piles them up.
     */
    default int maxCached() {
        return VoxelMetrics.CACHE_SIZE;
    }

    /** The report section hook: the result's fields by key, in order, for the reports' "voxel metrics" section. */
    Map<String, Object> reportFields(R result);
}
