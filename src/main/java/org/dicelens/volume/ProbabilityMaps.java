package org.dicelens.volume;

import java.util.List;

/**
 * Per-class probabilities on a grid: channels[c][voxel] in [0,1] (values outside were clamped and
 * counted in {@code clampedCount}). {@code sources} names the file(s) they came from.
 */
public record ProbabilityMaps(Geometry geometry, float[][] channels, long clampedCount, List<String> sources) {
    public int channelCount() {
        return channels.length;
    }
}
