package org.dicelens.app.cases;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.dicelens.common.Progress;

/**
 * The read alone (reference, prediction, the loader's checks: {@code CaseOpener.open}, no engine) of one case folder
 * N times in one JVM (docs/perf/load.md; run by hand, not a test): the first read (cold) and the median and minimum of
 * the warm ones after two more. {@code java -cp target/test-classes:target/dicelens.jar
 * org.dicelens.app.cases.CaseReadBench FOLDER [N=10]}.
 */
public final class CaseReadBench {
    private CaseReadBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        double[] ms = new double[n];
        for (int r = 0; r < n; r++) {
            CaseFiles files = CaseOpener.resolve(CaseFiles.ofFolder(Path.of(args[0])));
            long t0 = System.nanoTime();
            CaseOpener.open(files, Progress.NONE);
            ms[r] = (System.nanoTime() - t0) / 1e6;
            System.gc(); // the next read reuses the heap, as a viewer that dropped the last case would
        }
        double[] warm = Arrays.copyOfRange(ms, Math.min(2, n - 1), n);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "first %.0f warm median %.0f min %.0f%n", ms[0], warm[warm.length / 2], warm[0]);
    }
}
