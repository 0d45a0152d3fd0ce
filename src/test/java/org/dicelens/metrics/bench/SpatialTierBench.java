package org.dicelens.metrics.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.dicelens.common.Progress;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.spatial.SpatialOptions;
import org.dicelens.metrics.voxel.SpatialClassMetric;
import org.dicelens.metrics.voxel.SpatialOverlayMetric;
import org.dicelens.metrics.voxel.VoxelMetrics;
import org.dicelens.metrics.voxel.VoxelRequest;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;

/**
 * The issue-17 budgets measured through the voxel-metrics tier, as the viewer and {@code evaluate --spatial} reach
 * them: a case (probability maps and a label map), the one hard rule, the masks clipped to Ω, then the spatial metric
 * (a fresh tier per run, so nothing comes from the cache). Also the lesion/distance overlay's metric. Wall and CPU time
 * (the machine is shared) and the bytes the computing thread allocates per call, in units of one volume-sized int
 * buffer (an upper bound on the extra memory a call holds at once). Not a unit test; run with
 * {@code mvn -q -o test-compile && java -Xmx3g -cp target/test-classes:target/classes:$(cat cp.txt)
 * org.dicelens.metrics.bench.SpatialTierBench 9}.
 */
public final class SpatialTierBench {
    private SpatialTierBench() {
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** Runs job (warm-up 3, then reps), prints medians of wall and CPU time and the calling thread's allocation. */
    static <T> T time(String what, int reps, long volumeIntBytes, Supplier<T> job) {
        T last = null;
        for (int i = 0; i < 3; i++) {
            last = job.get();
        }
        double[] wall = new double[reps];
        double[] cpuMs = new double[reps];
        long[] alloc = new long[reps];
        for (int i = 0; i < reps; i++) {
            long c0 = cpu();
            long a0 = allocated();
            long t0 = System.nanoTime();
            last = job.get();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            alloc[i] = allocated() - a0;
            cpuMs[i] = (cpu() - c0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpuMs);
        Arrays.sort(alloc);
        System.out.printf("%-62s wall %7.1f ms (%6.1f-%6.1f)  cpu %7.1f ms  alloc %6.1f MB = %.2f int volumes%n", what,
                wall[reps / 2], wall[0], wall[reps - 1], cpuMs[reps / 2], alloc[reps / 2] / 1e6,
                alloc[reps / 2] / (double) volumeIntBytes);
        return last;
    }

    /** A case whose reference is {@code labels} and whose prediction puts 0.9 on {@code predLabels}' class. */
    static Case caseOf(int nx, int ny, int nz, byte[] labels, byte[] predLabels, int classes) {
        Geometry g = Geometry.ofSpacing(nx, ny, nz, 1, 1, 1);
        int n = labels.length;
        float[][] p = new float[classes][n];
        float rest = 0.1f / (classes - 1);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < classes; c++) {
                p[c][i] = c == predLabels[i] ? 0.9f : rest;
            }
        }
        int[] ls = new int[classes];
        for (int c = 0; c < classes; c++) {
            ls[c] = c;
        }
        return new Case("bench", g, null, labels, new ProbabilityMaps(g, p, 0, List.of()), ClassTable.forLabels(ls),
                List.of());
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        System.out.printf("cores: %d, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        int n = 256;
        boolean[] refB = SpatialBench.folded(n, n, n, 100, 115, 90, 0.06, 0.0);
        boolean[] predB = SpatialBench.folded(n, n, n, 101, 114, 91, 0.06, 0.25);
        byte[] ref = new byte[n * n * n];
        byte[] pred = new byte[ref.length];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = (byte) (refB[i] ? 1 : 0);
            pred[i] = (byte) (predB[i] ? 1 : 0);
        }
        Case brain = caseOf(n, n, n, ref, pred, 2);
        long int256 = 4L * n * n * n;
        Settings s = Settings.defaults(2).withMargin(Settings.WHOLE_VOLUME);
        SpatialOptions o = SpatialOptions.defaults();
        time("256³ folded brain, tier: masks + HD..NSD + components + matching", reps, int256,
                () -> new VoxelMetrics(brain).get(SpatialClassMetric.INSTANCE, VoxelRequest.of(s, 1, o), Progress.NONE));
        var pm = org.dicelens.metrics.spatial.VoxelMask.ofBooleans(predB);
        var rm = org.dicelens.metrics.spatial.VoxelMask.ofBooleans(refB);
        var grid = org.dicelens.metrics.spatial.Grid.of(n, n, n, 1, 1, 1);
        time("256³ folded brain, direct on packed masks: same metrics", reps, int256,
                () -> org.dicelens.metrics.spatial.SpatialMetrics.compute(pm, rm, null, grid, o, Progress.NONE));
        time("256³ folded brain, direct: components + matching only", reps, int256,
                () -> org.dicelens.metrics.spatial.SpatialMetrics.lesions(pm, rm, null, grid, o));
        time("256³ folded brain, tier: lesion + distance overlay data", reps, int256,
                () -> new VoxelMetrics(brain).get(SpatialOverlayMetric.INSTANCE,
                        SpatialOverlayMetric.request(s, 1, o), Progress.NONE));

        boolean[] lesRef = new boolean[n * n * n];
        boolean[] lesPred = new boolean[n * n * n];
        SpatialBench.balls(lesRef, n, n, n, 400, 1);
        SpatialBench.balls(lesPred, n, n, n, 300, 1);
        SpatialBench.balls(lesPred, n, n, n, 80, 2);
        for (int i = 0; i < ref.length; i++) {
            ref[i] = (byte) (lesRef[i] ? 1 : 0);
            pred[i] = (byte) (lesPred[i] ? 1 : 0);
        }
        Case lesions = caseOf(n, n, n, ref.clone(), pred.clone(), 2);
        var r = time("256³ 400 reference lesions, tier: all spatial metrics", reps, int256,
                () -> new VoxelMetrics(lesions).get(SpatialClassMetric.INSTANCE, VoxelRequest.of(s, 1, o),
                        Progress.NONE));
        System.out.printf("  %d reference, %d predicted, %d detected, %d false positive%n",
                r.lesions().referenceLesions(), r.lesions().predictedLesions(), r.lesions().detected(),
                r.lesions().falsePositive());

        // BraTS-like: 240×240×155, classes nested as in SpatialBench, one label per voxel (the innermost class)
        int bx = 240;
        int by = 240;
        int bz = 155;
        byte[][] lab = new byte[2][bx * by * bz];
        double[][] radii = {{80, 95, 62}, {28, 30, 25}, {18, 20, 16}, {9, 10, 8}};
        for (int c = 0; c < 4; c++) {
            for (int side = 0; side < 2; side++) {
                double grow = side == 0 ? 1 : 1.02;
                boolean[] m = SpatialBench.folded(bx, by, bz, radii[c][0] * grow, radii[c][1], radii[c][2] * grow,
                        0.05 + 0.02 * c, 0.3 * side + c);
                if (c == 1) {
                    SpatialBench.balls(m, bx, by, bz, 12, 10 + side);
                }
                for (int i = 0; i < m.length; i++) {
                    if (m[i]) {
                        lab[side][i] = (byte) (c + 1);
                    }
                }
            }
        }
        Case brats = caseOf(bx, by, bz, lab[0], lab[1], 5);
        Settings s5 = Settings.defaults(5).withMargin(Settings.WHOLE_VOLUME);
        time("240x240x155, 4 classes, tier: all spatial metrics", reps, 4L * bx * by * bz, () -> {
            VoxelMetrics tier = new VoxelMetrics(brats);
            Object last = null;
            for (int c = 1; c <= 4; c++) {
                last = tier.get(SpatialClassMetric.INSTANCE, VoxelRequest.of(s5, c, o), Progress.NONE);
            }
            return last;
        });
    }
}
