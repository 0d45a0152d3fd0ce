package org.dicelens.metrics.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.dicelens.common.Progress;
import org.dicelens.metrics.spatial.Grid;
import org.dicelens.metrics.spatial.LesionMetrics;
import org.dicelens.metrics.spatial.SpatialMetrics;
import org.dicelens.metrics.spatial.SpatialOptions;
import org.dicelens.metrics.spatial.SpatialResult;
import org.dicelens.metrics.spatial.SurfaceMetrics;
import org.dicelens.metrics.spatial.VoxelMask;

/**
 * The budgets of issue 17 (docs/PERFORMANCE.md, "Boundary and lesion metrics"): on a 256³ phantom with a folded,
 * brain-like boundary, HD/HD95/ASSD/MASD/NSD together and components with lesion matching; on a 240×240×155
 * BraTS-like case, all spatial metrics of 4 foreground classes. Not a unit test; run with
 * {@code mvn -q -o test-compile && java -Xmx2g -cp target/test-classes:target/classes org.dicelens.metrics.bench.SpatialBench}.
 */
public final class SpatialBench {
    private SpatialBench() {
    }

    /**
     * Voxels inside a folded ellipsoid: radius modulated by a few low-frequency waves (gyri-like folds), the waves'
     * phases set by {@code phase} so that two calls give two slightly different boundaries (reference vs prediction).
     */
    static boolean[] folded(int nx, int ny, int nz, double rx, double ry, double rz, double amp, double phase) {
        boolean[] m = new boolean[nx * ny * nz];
        double cx = nx / 2.0;
        double cy = ny / 2.0;
        double cz = nz / 2.0;
        IntStream.range(0, nz).parallel().forEach(z -> {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double u = (x - cx) / rx;
                    double v = (y - cy) / ry;
                    double w = (z - cz) / rz;
                    double r = Math.sqrt(u * u + v * v + w * w);
                    double th = Math.atan2(v, u);
                    double ph = Math.acos(r == 0 ? 0 : w / r);
                    double fold = amp * (Math.sin(7 * th + phase) * Math.sin(5 * ph) + 0.5 * Math.sin(13 * th - 2 * phase)
                            * Math.cos(9 * ph + phase));
                    m[x + nx * (y + ny * z)] = r < 1 + fold;
                }
            }
        });
        return m;
    }

    /** Adds count random balls of radius 1.5..5 voxels (lesions) inside the central box. */
    static void balls(boolean[] m, int nx, int ny, int nz, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < count; k++) {
            int x0 = nx / 4 + r.nextInt(nx / 2);
            int y0 = ny / 4 + r.nextInt(ny / 2);
            int z0 = nz / 4 + r.nextInt(nz / 2);
            double rad = 1.5 + 3.5 * r.nextDouble();
            int ri = (int) Math.ceil(rad);
            for (int z = z0 - ri; z <= z0 + ri; z++) {
                for (int y = y0 - ri; y <= y0 + ri; y++) {
                    for (int x = x0 - ri; x <= x0 + ri; x++) {
                        double d2 = (x - x0) * (x - x0) + (y - y0) * (y - y0) + (z - z0) * (z - z0);
                        if (d2 <= rad * rad) {
                            m[x + nx * (y + ny * z)] = true;
                        }
                    }
                }
            }
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static <T> T time(String what, int reps, Supplier<T> job) {
        T last = null;
        for (int i = 0; i < 5; i++) {
            last = job.get(); // warm-up
        }
        double[] wall = new double[reps];
        double[] cpuMs = new double[reps];
        for (int i = 0; i < reps; i++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            last = job.get();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpuMs[i] = (cpu() - c0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpuMs);
        System.out.printf("%-58s wall median %7.1f ms (min %6.1f, max %6.1f)  cpu median %7.1f ms%n", what,
                wall[reps / 2], wall[0], wall[reps - 1], cpuMs[reps / 2]);
        return last;
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        System.out.printf("cores: %d, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        int n = 256;
        Grid g = Grid.of(n, n, n, 1, 1, 1);
        boolean[] refB = folded(n, n, n, 100, 115, 90, 0.06, 0.0);
        boolean[] predB = folded(n, n, n, 101, 114, 91, 0.06, 0.25);
        VoxelMask ref = VoxelMask.ofBooleans(refB);
        VoxelMask pred = VoxelMask.ofBooleans(predB);
        SpatialOptions o = SpatialOptions.defaults();
        SurfaceMetrics s = time("256³ folded brain: HD, HD95, ASSD, MASD, NSD", reps,
                () -> SpatialMetrics.surface(pred, ref, null, g, o, Progress.NONE));
        System.out.printf("  %d + %d border voxels, HD %.2f, HD95 %.2f, ASSD %.3f, NSD %.4f%n",
                s.predToRef().borderVoxels(), s.refToPred().borderVoxels(), s.hd(), s.hd95(), s.assd(), s.nsd());
        time("256³ folded brain, 1 worker: surface", Math.max(3, reps / 3),
                () -> SpatialMetrics.surface(pred, ref, null, g, o.withWorkers(1), Progress.NONE));

        boolean[] lesRef = new boolean[n * n * n];
        boolean[] lesPred = new boolean[n * n * n];
        balls(lesRef, n, n, n, 400, 1);
        balls(lesPred, n, n, n, 300, 1); // the first 300 of the same lesions (same seed) ...
        balls(lesPred, n, n, n, 80, 2); // ... and 80 others
        VoxelMask lr = VoxelMask.ofBooleans(lesRef);
        VoxelMask lp = VoxelMask.ofBooleans(lesPred);
        LesionMetrics l = time("256³ 400 reference lesions: components + matching", reps,
                () -> SpatialMetrics.lesions(lp, lr, null, g, o));
        System.out.printf("  %d reference, %d predicted, %d detected, %d false positive%n", l.referenceLesions(),
                l.predictedLesions(), l.detected(), l.falsePositive());
        time("256³ folded brain: components + matching", reps, () -> SpatialMetrics.lesions(pred, ref, null, g, o));

        // BraTS-like: 240x240x155, 1 mm, four nested foreground classes of decreasing size
        int bx = 240;
        int by = 240;
        int bz = 155;
        Grid gb = Grid.of(bx, by, bz, 1, 1, 1);
        VoxelMask[][] classes = new VoxelMask[4][2];
        double[][] radii = {{80, 95, 62}, {28, 30, 25}, {18, 20, 16}, {9, 10, 8}};
        for (int c = 0; c < 4; c++) {
            for (int side = 0; side < 2; side++) {
                double grow = side == 0 ? 1 : 1.02;
                boolean[] m = folded(bx, by, bz, radii[c][0] * grow, radii[c][1], radii[c][2] * grow, 0.05 + 0.02 * c,
                        0.3 * side + c);
                if (c == 1) {
                    balls(m, bx, by, bz, 12, 10 + side); // satellite lesions
                }
                classes[c][side] = VoxelMask.ofBooleans(m);
            }
        }
        time("240x240x155, 4 classes: all spatial metrics", reps, () -> {
            SpatialResult last = null;
            for (int c = 0; c < 4; c++) {
                last = SpatialMetrics.compute(classes[c][1], classes[c][0], null, gb, o, Progress.NONE);
            }
            return last;
        });
    }
}
