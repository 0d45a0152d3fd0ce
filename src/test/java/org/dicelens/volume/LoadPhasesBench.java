package org.dicelens.volume;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;

/**
 * The steps of loading one case, each timed in process CPU (all threads), first run in a fresh JVM (run by hand, never
 * by {@code mvn test}; docs/perf/evaluate.md): {@code java -cp target/test-classes:target/dicelens.jar
 * org.dicelens.volume.LoadPhasesBench REF PRED}.
 */
public final class LoadPhasesBench {
    private LoadPhasesBench() {
    }

    public static void main(String[] args) throws Exception {
        Path ref = Path.of(args[0]);
        Path pred = Path.of(args[1]);
        long c0 = cpu();
        LabelBytes b = CaseLoader.FILES.readLabelBytes(ref, Progress.NONE);
        long c1 = cpu();
        LabelCodes lc = b != null ? LabelCodes.ofBytes(b.data(), b.signed(), ref, "reference")
                : LabelCodes.of(NiftiReader.read(ref), 0, ref, "reference");
        long c2 = cpu();
        NiftiVolume v = NiftiReader.read(pred);
        long c3 = cpu();
        boolean inUnitRange = true; // the loader's shortcut, channel by channel: no full scan, no clamping
        for (int c = 0; c < v.channels(); c++) {
            inUnitRange &= ValueScan.inUnitRange(v.channelArray(c), true);
        }
        long c3b = cpu();
        ValueScan scan = ValueScan.empty(v.channels() == 1); // the full scan the loader makes of a channel outside [0, 1]
        for (int c = 0; c < v.channels(); c++) {
            scan.add(c, ValueScan.channel(v.channelArray(c), v.channels() == 1, true));
        }
        long c4 = cpu();
        List<float[]> given = new ArrayList<>();
        for (int c = 0; c < v.channels(); c++) {
            float[] f = v.channelAsFloat(c);
            ProbabilityBuilder.clampInPlace(f, new double[2]);
            given.add(f);
        }
        long c5 = cpu();
        List<String> warnings = new ArrayList<>();
        ProbabilityBuilder.checkSums(given.toArray(new float[0][]), v.voxelsPerChannel(), warnings);
        long c6 = cpu();
        System.out.printf("CPU ms: reference read %.0f, codes %.0f, prediction read %.0f, unit-range check %.0f (%b),"
                + " full value scan %.0f, clamp %.0f, sums %.0f (%d codes, range %.3g..%.3g, %d warnings)%n", ms(c1 - c0),
                ms(c2 - c1), ms(c3 - c2), ms(c3b - c3), inUnitRange, ms(c4 - c3b), ms(c5 - c4), ms(c6 - c5),
                lc.values.length, scan.min, scan.max, warnings.size());
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double ms(long ns) {
        return ns / 1e6;
    }
}
