package org.dicelens.metrics;

import java.nio.file.Path;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.dicelens.volume.CaseLoader;
import org.dicelens.volume.CaseSpec;

/**
 * Where {@code evaluate}'s time goes, phase by phase, in one JVM (run by hand, never by {@code mvn test}; see
 * docs/perf/evaluate.md): {@code java -cp target/test-classes:target/dicelens.jar org.dicelens.metrics.EvaluatePhasesBench
 * REF PRED [runs]}. The first run is the cold one a command-line user gets; later runs show the warmed-up code.
 */
public final class EvaluatePhasesBench {
    private EvaluatePhasesBench() {
    }

    public static void main(String[] args) throws Exception {
        Path ref = Path.of(args[0]);
        Path pred = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        if (args.length > 3 && args[3].equals("passes")) { // each pass alone, repeated on one loaded case
            Case c = CaseLoader.load(CaseSpec.of(ref, pred), Progress.NONE);
            EvaluationRegion region = EvaluationRegion.of(c);
            LossParams d = LossParams.defaults();
            long[] hist = new long[runs];
            long[] logs = new long[runs];
            for (int run = 0; run < runs; run++) {
                long c0 = cpu();
                CaseStatistics.compute(c, region, Progress.NONE, 0, 1);
                long c1 = cpu();
                LogStatistics.compute(c, region, true, d.focalGamma(), d.expLogGamma(), Progress.NONE, 0, 1);
                long c2 = cpu();
                hist[run] = c1 - c0;
                logs[run] = c2 - c1;
            }
            java.util.Arrays.sort(hist);
            java.util.Arrays.sort(logs);
            System.out.printf("CPU per pass (min / median of %d): histograms %.0f / %.0f ms, logs %.0f / %.0f ms%n", runs,
                    ms(hist[0]), ms(hist[runs / 2]), ms(logs[0]), ms(logs[runs / 2]));
            return;
        }
        if (args.length > 3 && args[3].equals("read")) { // the NIfTI read of the prediction alone
            for (int run = 0; run < runs; run++) {
                long c0 = cpu();
                long t0 = System.nanoTime();
                Object v = org.dicelens.nifti.NiftiReader.read(pred);
                System.out.printf("read %.0f ms, CPU %.0f ms%n", ms(System.nanoTime() - t0), ms(cpu() - c0));
                v = null;
            }
            return;
        }
        for (int run = 0; run < runs; run++) {
            long[] cpu = new long[6];
            cpu[0] = cpu();
            long t0 = System.nanoTime();
            Case c = CaseLoader.load(CaseSpec.of(ref, pred), Progress.NONE);
            long t1 = System.nanoTime();
            cpu[1] = cpu();
            EvaluationRegion region = EvaluationRegion.of(c);
            long t2 = System.nanoTime();
            cpu[2] = cpu();
            CaseStatistics stats = CaseStatistics.compute(c, region, Progress.NONE, 0, 1);
            long t3 = System.nanoTime();
            cpu[3] = cpu();
            LossParams d = LossParams.defaults();
            LogStatistics logs = LogStatistics.compute(c, region, true, d.focalGamma(), d.expLogGamma(), Progress.NONE,
                    0, 1);
            long t4 = System.nanoTime();
            cpu[4] = cpu();
            Engine e = Engine.build(c, Progress.NONE);
            long t5 = System.nanoTime();
            cpu[5] = cpu();
            System.out.printf("run %d: load %.0f ms, region %.0f ms, histograms %.0f ms, logs %.0f ms, Engine.build %.0f ms"
                    + " (Σ ln %.17g)%n", run, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4),
                    logs.ln(0, 0, 1) + stats.sumP(0, 0, 1) * 0 + e.statistics().classCount() * 0);
            System.out.printf("       CPU: load %.0f ms, region %.0f ms, histograms %.0f ms, logs %.0f ms, Engine.build %.0f ms%n",
                    ms(cpu[1] - cpu[0]), ms(cpu[2] - cpu[1]), ms(cpu[3] - cpu[2]), ms(cpu[4] - cpu[3]), ms(cpu[5] - cpu[4]));
        }
    }

    /** CPU time of the whole process (all threads), steadier than wall time on a shared machine. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double ms(long ns) {
        return ns / 1e6;
    }
}
