package org.dicelens.ui.model;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dicelens.common.Progress;

/**
 * The viewer's cohort loading without a window (docs/PERFORMANCE.md, Cohorts), not a test:
 * {@code DIR JOBS} loads DIR/labels against DIR/preds as File ▸ Open cohort does ({@link CohortLoader}, every margin
 * of each case's statistics kept) on JOBS threads and prints wall, process CPU, cases loaded and failed, and the
 * statistics' size. Exits 0 only when every case loaded (so a smallest -Xmx can be searched for). With a third
 * argument {@code summary}, then times {@link org.dicelens.metrics.cohort.Cohort#summarise} on the loaded cohort for
 * threshold, margin and argmax-floor changes (as CohortSummaryBench does on generated statistics): 200 warm-up and 600
 * timed changes of each kind, median, p90 and p99 in ms.
 */
public final class CohortLoaderBench {
    private CohortLoaderBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int jobs = Integer.parseInt(args[1]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        CohortLoader.Result r = CohortLoader.load(dir.resolve("labels"), dir.resolve("preds"), null, pool, Progress.NONE,
                "");
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - c0) / 1e9;
        pool.shutdown();
        long stats = r.cohort() == null ? 0 : r.cohort().cases().stream().mapToLong(c -> c.bytes()).sum();
        int n = r.cohort() == null ? 0 : r.cohort().cases().size();
        System.out.printf(Locale.ROOT, "viewer load: %d cases, %d failed, wall %.2f s, CPU %.2f s, statistics %.1f MB%n",
                n, r.failed().size(), wall, cpu, stats / 1e6);
        r.failed().forEach(f -> System.out.println("failed " + f));
        if (args.length > 2 && args[2].equals("summary") && r.cohort() != null) {
            summaryTimes(r.cohort());
        }
        System.exit(r.failed().isEmpty() ? 0 : 3);
    }

    /** Control changes on a loaded cohort: the engine side of the viewer's cohort panel. */
    static void summaryTimes(org.dicelens.metrics.cohort.Cohort cohort) {
        int nc = cohort.classTable().all().size();
        org.dicelens.metrics.Settings base = org.dicelens.metrics.Settings.defaults(nc).withMargin(4);
        String[] kinds = {"threshold", "margin", "argmax floor"};
        for (int kind = 0; kind < kinds.length; kind++) {
            double[] ms = new double[600];
            for (int i = -200, tick = 0; i < ms.length; i++) {
                tick += kind == 1 ? 1 : 37;
                int t = tick % 1001;
                int[] steps = new int[nc];
                java.util.Arrays.fill(steps, t);
                org.dicelens.metrics.Settings s = kind == 0 ? base.withThresholdSteps(steps)
                        : kind == 1 ? base.withMargin(tick % 40 == 39 ? org.dicelens.metrics.Settings.WHOLE_VOLUME : tick % 40)
                        : base.withMode(org.dicelens.metrics.HardMode.ARGMAX, t);
                long t0 = System.nanoTime();
                cohort.summarise(s);
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            java.util.Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%s change: median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n", kinds[kind],
                    ms[300], ms[540], ms[594], ms[599]);
        }
    }
}
