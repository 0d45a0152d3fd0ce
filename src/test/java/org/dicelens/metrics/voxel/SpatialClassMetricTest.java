package org.dicelens.metrics.voxel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CancellationException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.spatial.Grid;
import org.dicelens.metrics.spatial.SpatialMetrics;
import org.dicelens.metrics.spatial.SpatialOptions;
import org.dicelens.metrics.spatial.SpatialResult;
import org.dicelens.metrics.spatial.VoxelMask;
import org.dicelens.volume.Case;
import org.junit.jupiter.api.Test;

/**
 * The spatial metric through the tier equals {@link SpatialMetrics} on masks made here from the definitions (hard rule
 * by hand, clipped to the region's box), in every hard mode, margin and class; its options are part of the cache key.
 */
class SpatialClassMetricTest {
    private static final int NX = BorderVoxelsTest.NX;
    private static final int NY = BorderVoxelsTest.NY;
    private static final int NZ = BorderVoxelsTest.NZ;

    private static boolean[] hardByHand(Case c, Settings s, int channel, int[] box) {
        float[][] p = c.prediction().channels();
        boolean[] m = new boolean[NX * NY * NZ];
        for (int i = 0; i < m.length; i++) {
            int x = i % NX;
            int y = i / NX % NY;
            int z = i / (NX * NY);
            boolean in = x >= box[0] && x <= box[3] && y >= box[1] && y <= box[4] && z >= box[2] && z <= box[5];
            boolean hard;
            if (s.mode() == HardMode.THRESHOLD) {
                hard = p[channel][i] >= s.thresholdSteps()[channel] / 1000.0;
            } else {
                int best = 0;
                for (int k = 1; k < 3; k++) {
                    if (p[k][i] > p[best][i]) {
                        best = k;
                    }
                }
                if (p[best][i] < s.confidenceFloorStep() / 1000.0) {
                    best = 0;
                }
                hard = best == channel;
            }
            m[i] = in && hard;
        }
        return m;
    }

    private static boolean[] refByHand(Case c, int channel, int[] box) {
        boolean[] m = new boolean[NX * NY * NZ];
        for (int i = 0; i < m.length; i++) {
            int x = i % NX;
            int y = i / NX % NY;
            int z = i / (NX * NY);
            boolean in = x >= box[0] && x <= box[3] && y >= box[1] && y <= box[4] && z >= box[2] && z <= box[5];
            m[i] = in && c.referenceClass()[i] == channel; // labels 0, 1, 2 are channels 0, 1, 2 here
        }
        return m;
    }

    @Test
    void equalsSpatialMetricsOnMasksMadeByHand() {
        Case c = BorderVoxelsTest.randomCase(11);
        VoxelMetrics tier = new VoxelMetrics(c);
        Grid g = Grid.of(NX, NY, NZ, 1, 1, 1);
        SpatialOptions o = SpatialOptions.defaults().withNsdTolerance(1.5);
        for (int margin : new int[] {Settings.WHOLE_VOLUME, 0, 1}) {
            int[] box = tier.input().region().bounds(margin);
            for (Settings s : new Settings[] {Settings.defaults(3).withMargin(margin),
                Settings.defaults(3).withMargin(margin).withThresholdSteps(new int[] {300, 250, 120}),
                Settings.defaults(3).withMargin(margin).withMode(HardMode.ARGMAX, 550)}) {
                for (int channel = 1; channel < 3; channel++) {
                    SpatialResult expected = SpatialMetrics.compute(VoxelMask.ofBooleans(hardByHand(c, s, channel, box)),
                            VoxelMask.ofBooleans(refByHand(c, channel, box)), null, g, o, Progress.NONE);
                    SpatialResult got = tier.get(SpatialClassMetric.INSTANCE, VoxelRequest.of(s, channel, o),
                            Progress.NONE);
                    assertEquals(expected, got, s + " class " + channel + " margin " + margin);
                }
            }
        }
    }

    @Test
    void theOptionsArePartOfTheRequest() {
        Case c = BorderVoxelsTest.randomCase(12);
        VoxelMetrics tier = new VoxelMetrics(c);
        Settings s = Settings.defaults(3);
        SpatialOptions one = SpatialOptions.defaults().withNsdTolerance(0);
        SpatialOptions three = one.withNsdTolerance(3);
        SpatialResult a = tier.get(SpatialClassMetric.INSTANCE, VoxelRequest.of(s, 1, one), Progress.NONE);
        assertNull(tier.cached(SpatialClassMetric.INSTANCE, VoxelRequest.of(s, 1, three)));
        SpatialResult b = tier.get(SpatialClassMetric.INSTANCE, VoxelRequest.of(s, 1, three), Progress.NONE);
        assertEquals(0.0, a.surface().nsdToleranceMm());
        assertEquals(3.0, b.surface().nsdToleranceMm());
        assertNotEquals(a.surface().nsd(), b.surface().nsd(), "τ 0 counts only shared border voxels");
        assertEquals(1.0, SpatialClassMetric.options(VoxelRequest.of(s, 1)).nsdToleranceMm(), "defaults without options");
    }

    @Test
    void aCancelledComputationThrowsAndCachesNothing() {
        VoxelMetrics tier = new VoxelMetrics(BorderVoxelsTest.randomCase(13));
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        VoxelRequest r = VoxelRequest.of(Settings.defaults(3), 1, SpatialOptions.defaults());
        assertThrows(CancellationException.class, () -> tier.get(SpatialClassMetric.INSTANCE, r, cancelled));
        assertNull(tier.cached(SpatialClassMetric.INSTANCE, r));
    }
}
