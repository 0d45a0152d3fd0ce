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
 * statistics' size. Exits 0 only when every case loaded (so a smallest -Xmx can be searched for).
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
        System.exit(r.failed().isEmpty() ? 0 : 3);
    }
}
