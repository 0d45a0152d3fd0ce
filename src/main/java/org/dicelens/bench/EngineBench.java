package org.dicelens.bench;

import org.dicelens.metrics.*;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;

/**
 * Benchmarks of the metrics engine, callable from the {@code bench} command and from {@link #main}: generated cases,
 * the statistics pass in GB/s of probability data, control-change recompute latency, and the naive full-pass baseline
 * ({@link NaiveEvaluator}). Method and figures: docs/perf/metrics.md.
 */
public final class EngineBench {
    private EngineBench() {
    }

    /**
     * Wall seconds of each timed repetition, the process CPU seconds of each, and the GB/s of probability data (4 bytes
     * per value) of the best. On a shared machine the wall time depends on the other load; the CPU time does not, so
     * {@link #gbPerCpuSecond()} × cores is the throughput the cores would give when free.
     */
    public record PassTiming(String what, long values, double[] seconds, double[] cpuSeconds) {
        public double best() {
            return Arrays.stream(seconds).min().orElse(Double.NaN);
        }

        public double median() {
            return percentile(seconds, 50);
        }

        public double gbPerSecond() {
            return values * 4.0 / best() / 1e9;
        }

        public double bestCpu() {
            return Arrays.stream(cpuSeconds).min().orElse(Double.NaN);
        }

        /** GB of probability data per CPU second (all threads of the process). */
        public double gbPerCpuSecond() {
            return values * 4.0 / bestCpu() / 1e9;
        }

        @Override
        public String toString() {
            return String.format("%-28s wall best %8.1f ms median %8.1f ms = %6.2f GB/s | cpu %8.1f ms = %6.2f GB/s per"
                    + " core", what, best() * 1e3, median() * 1e3, gbPerSecond(), bestCpu() * 1e3, gbPerCpuSecond());
        }
    }

    /** Latency of {@link Engine#evaluate} (every number of every class) over many different settings. */
    public record Latency(String what, double[] microseconds) {
        public double median() {
            return percentile(microseconds, 50);
        }

        public double p99() {
            return percentile(microseconds, 99);
        }

        @Override
        public String toString() {
            return String.format("%-28s median %9.1f us  p99 %9.1f us  (%d calls)", what, median(), p99(),
                    microseconds.length);
        }
    }

    /**
     * A phantom with known geometry: background, a large sphere (label 1), a small lesion inside it (label 2) and a
     * second structure (label 3, and further labels as more small spheres); probabilities are a softmax of smooth
     * distance logits plus noise, so most voxels are confident and the boundaries are uncertain, as in real output.
     * With {@code noise} every probability is instead uniform random (the statistics' worst case for cache locality).
     */
    public static Case phantom(int size, int classes, long seed, boolean noise) {
        int n = size * size * size;
        Geometry g = Geometry.ofSpacing(size, size, size, 1, 1, 1);
        double[][] centre = new double[classes][];
        double[] radius = new double[classes];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int l = 1; l < classes; l++) {
            if (l == 1) {
                centre[l] = new double[] {0.5, 0.5, 0.5};
                radius[l] = 0.3;
            } else {
                centre[l] = new double[] {0.35 + 0.3 * rnd.nextDouble(), 0.35 + 0.3 * rnd.nextDouble(),
                    0.35 + 0.3 * rnd.nextDouble()};
                radius[l] = 0.05 + 0.04 * rnd.nextDouble();
            }
        }
        byte[] ref = new byte[n];
        float[][] p = new float[classes][n];
        IntStream.range(0, size).parallel().forEach(z -> {
            SplittableRandom r = new SplittableRandom(seed * 7919 + z);
            double[] logit = new double[classes];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int i = x + size * (y + size * z);
                    int label = 0;
                    logit[0] = 0;
                    for (int l = 1; l < classes; l++) {
                        double dx = (x + 0.5) / size - centre[l][0];
                        double dy = (y + 0.5) / size - centre[l][1];
                        double dz = (z + 0.5) / size - centre[l][2];
                        double signed = radius[l] - Math.sqrt(dx * dx + dy * dy + dz * dz); // > 0 inside
                        if (signed > 0) {
                            label = l; // later (smaller) structures win
                        }
                        logit[l] = signed * size / 3.0 + r.nextGaussian() * 0.7;
                    }
                    ref[i] = (byte) label;
                    if (noise) {
                        for (int l = 0; l < classes; l++) {
                            p[l][i] = (float) r.nextDouble();
                        }
                        continue;
                    }
                    double max = Arrays.stream(logit).max().getAsDouble();
                    double sum = 0;
                    for (int l = 0; l < classes; l++) {
                        sum += Math.exp(logit[l] - max);
                    }
                    for (int l = 0; l < classes; l++) {
                        p[l][i] = (float) (Math.exp(logit[l] - max) / sum);
                    }
                }
            }
        });
        int[] labels = IntStream.range(0, classes).toArray();
        return new Case((noise ? "noise" : "phantom") + size, g, null, ref,
                new ProbabilityMaps(g, p, 0, List.of("generated")), ClassTable.forLabels(labels), List.of());
    }

    /** The statistics pass (histograms only), timed over reps after one warm-up. */
    public static PassTiming statsPass(Case c, int reps) {
        EvaluationRegion region = EvaluationRegion.of(c);
        return time("statistics pass", c, reps, true, () -> CaseStatistics.compute(c, region, Progress.NONE, 0, 1));
    }

    /** The one-off log pass after load (Σ ln q_t, default focal and exp-log γ). */
    public static PassTiming logPass(Case c, int reps) {
        EvaluationRegion region = EvaluationRegion.of(c);
        LossParams d = LossParams.defaults();
        return time("log pass (one-off)", c, reps, false, () -> LogStatistics.compute(c, region, true, d.focalGamma(),
                d.expLogGamma(), Progress.NONE, 0, 1));
    }

    /** The pass a new focal γ costs. */
    public static PassTiming focalPass(Case c, double gamma, int reps) {
        EvaluationRegion region = EvaluationRegion.of(c);
        return time("focal pass (gamma " + gamma + ")", c, reps, false, () -> LogStatistics.compute(c, region, false,
                gamma, Double.NaN, Progress.NONE, 0, 1));
    }

    /** The pass a new exponential-logarithmic γ costs. */
    public static PassTiming expLogPass(Case c, double gamma, int reps) {
        EvaluationRegion region = EvaluationRegion.of(c);
        return time("exp-log pass (gamma " + gamma + ")", c, reps, false, () -> LogStatistics.compute(c, region, false,
                Double.NaN, gamma, Progress.NONE, 0, 1));
    }

    /** The naive baseline: one plain per-voxel pass evaluating every class (what each control change would cost). */
    public static PassTiming naivePass(Case c, int reps) {
        Settings s = Settings.defaults(c.classCount());
        return time("naive full pass (1 thread)", c, reps, false, () -> NaiveEvaluator.evaluate(c, s));
    }

    private static PassTiming time(String what, Case c, int reps, boolean warmUp, Runnable pass) {
        if (warmUp) {
            pass.run();
        }
        double[] t = new double[reps];
        double[] cpu = new double[reps];
        for (int k = 0; k < reps; k++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            pass.run();
            t[k] = (System.nanoTime() - t0) / 1e9;
            cpu[k] = (processCpuNanos() - c0) / 1e9;
        }
        return new PassTiming(what, values(c), t, cpu);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /**
     * Control-change latency: {@link Engine#evaluate} under {@code calls} different settings (thresholds, floor,
     * mode, margin, weights, rule, background, smoothing, Tversky α/β), after the Dice-optimal results of the margins
     * used are cached ({@link Engine#prepare}), as the UI does off the FX thread when the margin moves.
     */
    public static Latency recompute(Engine e, int calls) {
        int nc = e.classCount();
        int[] margins = {Settings.WHOLE_VOLUME, 0, 5, 20};
        for (int m : margins) {
            e.prepare(Settings.defaults(nc).withMargin(m), Progress.NONE);
        }
        SplittableRandom rnd = new SplittableRandom(1);
        double[] us = new double[calls];
        double sink = 0;
        for (int k = -200; k < calls; k++) {
            int[] steps = new int[nc];
            Arrays.fill(steps, rnd.nextInt(1001));
            LossParams d = LossParams.defaults();
            LossParams lp = new LossParams(d.smoothNr() * (1 + Math.floorMod(k, 3)), d.smoothDr(), rnd.nextDouble(), rnd.nextDouble(),
                    d.focalTverskyGamma(), d.wceWeightSource(), d.ssLambda(), d.focalGamma(), d.expLogGamma(),
                    d.expLogWDice(), d.expLogWCe(), d.comboAlpha(), d.comboBeta());
            Settings s = new Settings(k % 2 == 0 ? HardMode.THRESHOLD : HardMode.ARGMAX, steps, rnd.nextInt(1001),
                    margins[rnd.nextInt(margins.length)], WeightScheme.values()[rnd.nextInt(3)], null,
                    rnd.nextBoolean() ? EmptyRule.MAX : EmptyRule.ZERO, rnd.nextBoolean(), lp, 10);
            long t0 = System.nanoTime();
            CaseMetrics m = e.evaluate(s);
            long t1 = System.nanoTime();
            sink += m.gdl();
            if (k >= 0) {
                us[k] = (t1 - t0) / 1e3;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new Latency("evaluate() on control change", us);
    }

    /**
     * The first visit of a margin: the Dice-optimal scans of every class for that region (one pass over each channel
     * inside Ω_m, reading only values in the one or two bins where the optimum lies), then cached. Builds a fresh
     * engine's cache for each margin, so it measures the uncached cost.
     */
    public static Latency marginFirstVisit(Engine e, int[] margins) {
        double[] us = new double[margins.length];
        for (int k = 0; k < margins.length; k++) {
            long t0 = System.nanoTime();
            for (int c = 0; c < e.classCount(); c++) {
                e.diceOptimal(c, margins[k]);
            }
            us[k] = (System.nanoTime() - t0) / 1e3;
        }
        return new Latency("first visit of a margin", us);
    }

    private static long values(Case c) {
        return (long) c.voxelCount() * c.classCount();
    }

    static double percentile(double[] a, double pct) {
        double[] s = a.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(pct / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    /** Runs the benchmarks on size³ × classes: {@code java -Xmx4g -cp ... org.dicelens.bench.EngineBench 256 4}. */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int classes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        boolean noise = args.length > 2 && args[2].equals("noise");
        long t0 = System.nanoTime();
        Case c = phantom(size, classes, 42, noise);
        System.out.printf("%s: %d^3 x %d float32 = %.0f MB, generated in %.1f s, %d cores, system load average %.1f%n",
                c.name(), size, classes, values(c) * 4 / 1e6, (System.nanoTime() - t0) / 1e9,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(EvaluationRegion.of(c));
        System.out.println(statsPass(c, 5));
        if (args.length > 3 && args[3].equals("stats")) {
            return;
        }
        System.out.println(logPass(c, 2));
        System.out.println(focalPass(c, 1.5, 2));
        System.out.println(naivePass(c, 2));
        long b0 = System.nanoTime();
        Engine e = Engine.build(c, Progress.NONE);
        System.out.printf("Engine.build (both passes)   %8.1f ms%n", (System.nanoTime() - b0) / 1e6);
        System.out.println(marginFirstVisit(e, new int[] {1, 2, 3, 7, 11, 30}));
        System.out.println(recompute(e, 2000));
    }
}
