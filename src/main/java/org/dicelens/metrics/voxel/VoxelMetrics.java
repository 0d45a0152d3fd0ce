package org.dicelens.metrics.voxel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.EvaluationRegion;
import org.dicelens.volume.Case;

/**
 * The voxel-metrics tier of one case: computes a metric for a request on demand, on the caller's (background) thread,
 * and caches the result by (metric key, request), so moving a control back to where it was costs nothing. A
 * cancelled computation caches nothing. Thread-safe; two threads asking for the same uncached value may both compute it.
 */
public final class VoxelMetrics {
    /** Results kept per case (least recently used dropped first); each is a small record. */
    static final int CACHE_SIZE = 256;

    private record Key(String metric, VoxelRequest request) {
    }

    private final VoxelInput input;
    private final Map<Key, Object> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> e) {
            return size() > CACHE_SIZE;
        }
    };

    public VoxelMetrics(Case data, EvaluationRegion region) {
        this.input = new VoxelInput(data, region);
    }

    public VoxelMetrics(Case data) {
        this(data, EvaluationRegion.of(data));
    }

    public VoxelInput input() {
        return input;
    }

    /**
     * The metric's result for the request, from the cache or computed now.
     *
     * @throws CancellationException when {@code progress} is cancelled during the computation
     */
    @SuppressWarnings("unchecked")
    public <R> R get(VoxelMetric<R> metric, VoxelRequest request, Progress progress) {
        Key k = new Key(metric.key(), request);
        synchronized (cache) {
            Object hit = cache.get(k);
            if (hit != null) {
                return (R) hit;
            }
        }
        progress.checkCancelled();
        R value = metric.compute(input, request, progress);
        progress.checkCancelled();
        synchronized (cache) {
            cache.put(k, value);
            trim(metric);
        }
        return value;
    }

    /** Drops this metric's least recently used results beyond its {@link VoxelMetric#maxCached()}. */
    private void trim(VoxelMetric<?> metric) {
        int limit = Math.max(1, metric.maxCached());
        long count = cache.keySet().stream().filter(k -> k.metric().equals(metric.key())).count();
        var it = cache.keySet().iterator(); // access order: least recently used first
        while (count > limit && it.hasNext()) {
            if (it.next().metric().equals(metric.key())) {
                it.remove();
                count--;
            }
        }
    }

    /** The cached result, or null (never computes). */
    @SuppressWarnings("unchecked")
    public <R> R cached(VoxelMetric<R> metric, VoxelRequest request) {
        synchronized (cache) {
            return (R) cache.get(new Key(metric.key(), request));
        }
    }
}
