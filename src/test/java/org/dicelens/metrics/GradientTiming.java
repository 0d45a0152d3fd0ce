package org.dicelens.metrics;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A timing harness for a machine shared with other builds (where JMH's wall-clock averages swing with the load):
 * per operation it reports the minimum and median wall time and the process CPU time (all threads: on an idle
 * 2-core machine a parallel operation's wall time would be about CPU/2, a serial one's about CPU).
 */
public final class GradientTiming {
    private static volatile Object sink;

    private GradientTiming() {
    }

    public static void header() {
        System.out.printf(Locale.ROOT, "| %-44s | %5s | %10s | %10s | %10s |%n", "operation", "runs", "min wall ms",
                "median ms", "CPU ms/op");
        System.out.println("|---|---:|---:|---:|---:|");
    }

    public static void time(String name, int warmup, int runs, Supplier<?> op) {
        for (int i = 0; i < warmup; i++) {
            sink = op.get();
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[runs];
        long cpu0 = os.getProcessCpuTime();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            sink = op.get();
            wall[i] = (System.nanoTime() - t0) / 1e6;
        }
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e6 / runs;
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "| %-44s | %5d | %10.3f | %10.3f | %10.3f |%n", name, runs, wall[0], wall[runs / 2],
                cpu);
    }
}
