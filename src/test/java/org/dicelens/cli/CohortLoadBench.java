package org.dicelens.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dicelens.app.cases.BatchPairing;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.NiftiHeaders;
import org.dicelens.volume.PredictionKind;
import picocli.CommandLine;

/**
 * The cohort-loading budget's bench (docs/PERFORMANCE.md, Cohorts), not a test:
 * {@code generate DIR N} writes N cases of 240×240×155 × 5 classes (DIR/labels, DIR/preds; nested ellipsoids, smooth
 * softmax probabilities as a trained network writes them, p below 1e-6 as 0), and {@code single DIR} loads the cases
 * one at a time, each as {@code cohort} loads a case (read, statistics, evaluate), printing the summed wall and process
 * CPU time: the "single-case load time summed" that {@code cohort --jobs 1/2} is compared with.
 */
public final class CohortLoadBench {
    static final int NX = 240;
    static final int NY = 240;
    static final int NZ = 155;
    static final int CLASSES = 5;

    private CohortLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("generate")) {
            generate(dir, Integer.parseInt(args[2]));
        } else {
            single(dir);
        }
    }

    static void generate(Path dir, int n) throws Exception {
        Files.createDirectories(dir.resolve("labels"));
        Files.createDirectories(dir.resolve("preds"));
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            all.add(pool.submit(() -> {
                writeCase(dir, k);
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
    }

    /** Case k: a head-sized ellipsoid of nested shells 1…4 with a seeded centre and size; p = softmax of −4·|u − c|. */
    static void writeCase(Path dir, int k) throws Exception {
        java.util.Random rnd = new java.util.Random(1000 + k);
        Geometry g = Geometry.ofSpacing(NX, NY, NZ, 1, 1, 1);
        int n = NX * NY * NZ;
        float[] ref = new float[n];
        float[][] p = new float[CLASSES][n];
        double cx = NX * (0.45 + 0.1 * rnd.nextDouble());
        double cy = NY * (0.45 + 0.1 * rnd.nextDouble());
        double cz = NZ * (0.45 + 0.1 * rnd.nextDouble());
        double size = 0.3 + 0.1 * rnd.nextDouble();
        double shift = 0.3 * rnd.nextGaussian(); // the model's over- or under-segmentation of this case
        double[] e = new double[CLASSES];
        for (int z = 0, i = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++, i++) {
                    double d = Math.sqrt(Math.pow((x - cx) / NX, 2) + Math.pow((y - cy) / NY, 2)
                            + Math.pow((z - cz) / NZ, 2)) / size;
                    double u = (1 - d) * (CLASSES - 1); // < 0 outside, shells 1…4 inside
                    ref[i] = u < 0 ? 0 : Math.min(CLASSES - 1, 1 + (int) u);
                    double um = u + shift;
                    double sum = 0;
                    for (int c = 0; c < CLASSES; c++) {
                        double centre = c == 0 ? Math.min(um, -0.5) : c - 0.5;
                        e[c] = Math.exp(-4 * Math.abs(um - centre));
                        sum += e[c];
                    }
                    for (int c = 0; c < CLASSES; c++) {
                        float v = (float) (e[c] / sum);
                        p[c][i] = v < 1e-6f ? 0f : v;
                    }
                }
            }
        }
        String name = String.format(Locale.ROOT, "case%03d.nii.gz", k);
        NiftiHeaders.writeUint8(dir.resolve("labels").resolve(name), g, "bench reference", ref);
        NiftiHeaders.writeFloat32(dir.resolve("preds").resolve(name), g, "bench prediction", p);
    }

    /** Each case alone, as cohort's per-case work, one after another; per case wall and process CPU. */
    static void single(Path dir) throws Exception {
        CohortCommand cmd = new CohortCommand();
        new CommandLine(cmd).parseArgs("--reference-dir", dir.resolve("labels").toString(), "--prediction-dir",
                dir.resolve("preds").toString(), "-q");
        ProgressBar bar = new ProgressBar(new PrintWriter(System.err), false, true);
        List<BatchPairing.Pair> pairs = BatchPairing.pair(dir.resolve("labels"), dir.resolve("preds")).pairs();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[pairs.size()];
        double[] cpu = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            cmd.load(pairs.get(i), PredictionKind.AUTO, bar);
            wall[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (os.getProcessCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "%s wall %.3f s cpu %.3f s%n", pairs.get(i).name(), wall[i], cpu[i]);
        }
        double[] sw = wall.clone();
        Arrays.sort(sw);
        System.out.printf(Locale.ROOT, "cases %d: summed wall %.2f s, summed CPU %.2f s; median wall %.3f s; "
                + "max heap used after GC see -Xlog:gc%n", pairs.size(), Arrays.stream(wall).sum(),
                Arrays.stream(cpu).sum(), sw[sw.length / 2]);
    }
}
