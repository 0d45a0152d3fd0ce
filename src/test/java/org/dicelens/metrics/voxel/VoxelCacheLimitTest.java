package org.dicelens.metrics.voxel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.dicelens.common.Progress;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.spatial.SpatialOptions;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;
import org.junit.jupiter.api.Test;

/** The tier keeps at most {@code maxCached()} results of a metric (least recently used dropped), others untouched. */
class VoxelCacheLimitTest {
    @Test
    void overlayResultsAreFewWhileSmallResultsStay() {
        int nx = 6;
        int n = nx * nx * nx;
        Geometry g = Geometry.ofSpacing(nx, nx, nx, 1, 1, 1);
        byte[] ref = new byte[n];
        float[] fg = new float[n];
        for (int i = 0; i < n; i++) {
            ref[i] = (byte) (i % 3 == 0 ? 1 : 0);
            fg[i] = (i % 97) / 97f;
        }
        float[] bg = new float[n];
        for (int i = 0; i < n; i++) {
            bg[i] = 1 - fg[i];
        }
        Case c = new Case("t", g, null, ref, new ProbabilityMaps(g, new float[][] {bg, fg}, 0, List.of()),
                ClassTable.forLabels(0, 1), List.of());
        VoxelMetrics tier = new VoxelMetrics(c);
        int limit = SpatialOverlayMetric.INSTANCE.maxCached();
        assertEquals(4, limit);
        int[] steps = {100, 200, 300, 400, 500, 600};
        for (int step : steps) {
            Settings s = Settings.defaults(2).withThresholdSteps(new int[] {500, step});
            tier.get(SpatialOverlayMetric.INSTANCE, SpatialOverlayMetric.request(s, 1, SpatialOptions.defaults()),
                    Progress.NONE);
            tier.get(BorderVoxels.INSTANCE, VoxelRequest.of(s, 1), Progress.NONE);
        }
        for (int k = 0; k < steps.length; k++) {
            Settings s = Settings.defaults(2).withThresholdSteps(new int[] {500, steps[k]});
            Object overlay = tier.cached(SpatialOverlayMetric.INSTANCE,
                    SpatialOverlayMetric.request(s, 1, SpatialOptions.defaults()));
            if (k < steps.length - limit) {
                assertNull(overlay, "dropped: step " + steps[k]);
            } else {
                assertNotNull(overlay, "kept: step " + steps[k]);
            }
            assertNotNull(tier.cached(BorderVoxels.INSTANCE, VoxelRequest.of(s, 1)), "small results all kept");
        }
    }
}
