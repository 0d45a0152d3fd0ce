package org.dicelens.metrics.voxel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicelens.common.Progress;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;
import org.junit.jupiter.api.Test;

/** The tier's example metric against a brute-force count, and the tier's cache and cancellation. */
class BorderVoxelsTest {
    static final int NX = 11;
    static final int NY = 9;
    static final int NZ = 7;

    static Case randomCase(long seed) {
        Random rnd = new Random(seed);
        int n = NX * NY * NZ;
        float[][] p = new float[3][n];
        byte[] ref = new byte[n];
        for (int i = 0; i < n; i++) {
            int x = i % NX;
            int y = i / NX % NY;
            int z = i / (NX * NY);
            // a blob of class 1 and noise, so masks have interiors, holes and faces on the grid's boundary
            double d = Math.sqrt(Math.pow(x - 4, 2) + Math.pow(y - 4, 2) + Math.pow(z - 3, 2));
            float a = (float) Math.max(0, Math.min(1, 1.2 - d / 4 + 0.3 * (rnd.nextDouble() - 0.5)));
            float b = rnd.nextFloat() * (1 - a);
            p[1][i] = a;
            p[2][i] = b;
            p[0][i] = 1 - a - b;
            ref[i] = (byte) (d < 3 ? 1 : x > 8 ? 2 : 0);
        }
        Geometry g = Geometry.ofSpacing(NX, NY, NZ, 1, 1, 1);
        return new Case("r", g, null, ref, new ProbabilityMaps(g, p, 0, List.of("r")), ClassTable.forLabels(0, 1, 2),
                List.of());
    }

    /** Brute force, straight from the definitions: hard mask by hand, 6-neighbours by coordinates. */
    static long[] bruteForce(Case c, Settings s, int channel, int[] box) {
        float[][] p = c.prediction().channels();
        boolean[][][] m = new boolean[NX][NY][NZ];
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    int i = x + NX * (y + NY * z);
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
                            best = 0; // label 0 is channel 0 here
                        }
                        hard = best == channel;
                    }
                    m[x][y][z] = in && hard;
                }
            }
        }
        long inside = 0;
        long border = 0;
        int[][] d = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    if (!m[x][y][z]) {
                        continue;
                    }
                    inside++;
                    for (int[] e : d) {
                        int a = x + e[0];
                        int b = y + e[1];
                        int q = z + e[2];
                        if (a < 0 || b < 0 || q < 0 || a >= NX || b >= NY || q >= NZ || !m[a][b][q]) {
                            border++;
                            break;
                        }
                    }
                }
            }
        }
        return new long[] {inside, border};
    }

    @Test
    void countsEqualBruteForceInEveryModeRegionAndClass() {
        Case c = randomCase(5);
        VoxelMetrics tier = new VoxelMetrics(c);
        int checked = 0;
        for (int margin : new int[] {Settings.WHOLE_VOLUME, 0, 1}) {
            int[] box = tier.input().region().bounds(margin);
            for (Settings s : new Settings[] {Settings.defaults(3).withMargin(margin),
                Settings.defaults(3).withMargin(margin).withThresholdSteps(new int[] {300, 250, 120}),
                Settings.defaults(3).withMargin(margin).withMode(HardMode.ARGMAX, 0),
                Settings.defaults(3).withMargin(margin).withMode(HardMode.ARGMAX, 550)}) {
                for (int channel = 0; channel < 3; channel++) {
                    BorderVoxels.Result r = tier.get(BorderVoxels.INSTANCE, VoxelRequest.of(s, channel), Progress.NONE);
                    long[] expected = bruteForce(c, s, channel, box);
                    assertEquals(expected[0], r.maskVoxels(), s + " class " + channel);
                    assertEquals(expected[1], r.borderVoxels(), s + " class " + channel);
                    checked += expected[1] > 0 && expected[1] < expected[0] ? 1 : 0;
                }
            }
        }
        assertEquals(true, checked > 10, "most cases have both border and interior voxels: " + checked);
    }

    @Test
    void resultsAreCachedByTheInputsThatMatter() {
        Case c = randomCase(6);
        VoxelMetrics tier = new VoxelMetrics(c);
        AtomicInteger computed = new AtomicInteger();
        VoxelMetric<BorderVoxels.Result> counting = counting(computed);
        Settings s = Settings.defaults(3);
        BorderVoxels.Result first = tier.get(counting, VoxelRequest.of(s, 1), Progress.NONE);
        // another class's threshold and the argmax floor do not decide class 1's mask in threshold mode
        Settings other = s.withThresholdSteps(new int[] {900, 500, 100}).withMode(HardMode.THRESHOLD, 700);
        assertSame(first, tier.get(counting, VoxelRequest.of(other, 1), Progress.NONE));
        assertEquals(1, computed.get());
        tier.get(counting, VoxelRequest.of(s.withThresholdSteps(new int[] {500, 400, 500}), 1), Progress.NONE);
        tier.get(counting, VoxelRequest.of(s.withMargin(0), 1), Progress.NONE);
        tier.get(counting, VoxelRequest.of(s, 2), Progress.NONE);
        assertEquals(4, computed.get(), "class 1's threshold, the margin and the class each matter");
        assertSame(first, tier.cached(counting, VoxelRequest.of(s, 1)));
    }

    @Test
    void aCancelledComputationThrowsAndCachesNothing() {
        Case c = randomCase(7);
        VoxelMetrics tier = new VoxelMetrics(c);
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        VoxelRequest r = VoxelRequest.of(Settings.defaults(3), 1);
        assertThrows(CancellationException.class, () -> tier.get(BorderVoxels.INSTANCE, r, cancelled));
        assertEquals(null, tier.cached(BorderVoxels.INSTANCE, r));
    }

    @Test
    void theReportSectionNamesItsFields() {
        Map<String, Object> f = BorderVoxels.INSTANCE.reportFields(new BorderVoxels.Result(1, 10, 4));
        assertEquals(List.of("maskVoxels", "borderVoxels", "borderFraction"), List.copyOf(f.keySet()));
        assertEquals(0.4, (double) f.get("borderFraction"), 1e-15);
    }

    /** BorderVoxels that counts its computations (same key, so it shares the cache semantics). */
    static VoxelMetric<BorderVoxels.Result> counting(AtomicInteger computed) {
        return new VoxelMetric<>() {
            @Override
            public String key() {
                return "border-voxels-counting";
            }

            @Override
            public BorderVoxels.Result compute(VoxelInput in, VoxelRequest r, Progress p) {
                computed.incrementAndGet();
                return BorderVoxels.INSTANCE.compute(in, r, p);
            }

            @Override
            public Map<String, Object> reportFields(BorderVoxels.Result r) {
                return BorderVoxels.INSTANCE.reportFields(r);
            }
        };
    }
}
