package org.dicelens.metrics.bench;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The measurement behind "plain Java, not ND4J, on the interactive path" (docs/perf/metrics.md): the reductions the
 * statistics need, on one 256³ float32 channel, in plain Java loops (1 and 2 threads) and in ND4J (native, its own
 * threads). Not a unit test; run with
 * {@code java -Xmx4g -cp target/test-classes:target/classes:$(cat cp.txt) org.dicelens.metrics.bench.Nd4jReductionBench}.
 */
public final class Nd4jReductionBench {
    private Nd4jReductionBench() {
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private interface Job {
        double run();
    }

    private static void time(String what, Job job) {
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        double v = 0;
        for (int rep = 0; rep < 7; rep++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            v = job.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            bestCpu = Math.min(bestCpu, (cpu() - c0) / 1e6);
        }
        System.out.printf("%-44s wall %8.1f ms  cpu %8.1f ms  (%s)%n", what, best, bestCpu, v);
    }

    public static void main(String[] args) {
        int n = 256 * 256 * 256;
        float[] p = new float[n];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            p[i] = (float) rnd.nextDouble();
        }
        long t0 = System.nanoTime();
        INDArray a = Nd4j.createFromArray(p);
        System.out.printf("ND4J start + copy of %d floats: %.0f ms%n", n, (System.nanoTime() - t0) / 1e6);
        time("Java 1 thread: sum p", () -> {
            double s = 0;
            for (float f : p) {
                s += f;
            }
            return s;
        });
        time("Java 2 threads: sum p", () -> IntStream.range(0, 2).parallel().mapToDouble(k -> {
            double s = 0;
            for (int i = k * n / 2; i < (k + 1) * n / 2; i++) {
                s += p[i];
            }
            return s;
        }).sum());
        time("ND4J: sum p", () -> a.sumNumber().doubleValue());
        time("Java 1 thread: #(p >= 0.5)", () -> {
            long c = 0;
            for (float f : p) {
                c += f >= 0.5 ? 1 : 0;
            }
            return c;
        });
        time("ND4J: gte(0.5).castTo(float).sum", () -> a.gte(0.5).castTo(DataType.FLOAT).sumNumber().doubleValue());
        time("Java 1 thread: sum ln p", () -> {
            double s = 0;
            for (float f : p) {
                s += Math.log(Math.max(f, 1e-7));
            }
            return s;
        });
        time("ND4J: log(max(p,1e-7)).sum", () -> Transforms.log(Transforms.max(a, 1e-7, true), false).sumNumber()
                .doubleValue());
        time("Java 1 thread: 1001-bin histogram count+sum", () -> {
            double[] h = new double[2002];
            for (float f : p) {
                int b = (int) (f * 1000.0);
                h[2 * b] += 1;
                h[2 * b + 1] += f;
            }
            return h[1000];
        });
    }
}
