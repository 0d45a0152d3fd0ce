package org.dicelens.metrics.cohort;

import java.util.concurrent.TimeUnit;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Budget of issue 16: any control change recomputes every summary number, curve and point of a 100-case, 5-class
 * cohort in ≤ 10 ms. A threshold change (margin unchanged), a margin change (the per-case counts are re-summed from
 * the shells), and argmax mode with a floor change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class CohortSummaryBench {
    /** sd of the logit noise: 1.0 spreads every voxel's p over the bins (worst case for the shells), 0.25 milder. */
    @Param({"1.0", "0.25"})
    public double noise;

    private Cohort cohort;
    private Settings base;
    private int tick;

    @Setup
    public void setup() {
        cohort = CohortBenchData.cohort(100, 96, 96, 60, 5, 16, noise);
        base = Settings.defaults(5).withMargin(4);
        long bytes = 0;
        long one = 0;
        for (CohortCase c : cohort.cases()) {
            bytes += c.bytes();
            one += c.atMargin(4).bytes();
        }
        System.out.printf("%n[cohort] %d cases, statistics %.1f kB per case (every margin), %.1f kB (one margin)%n",
                cohort.cases().size(), bytes / 1024.0 / cohort.cases().size(), one / 1024.0 / cohort.cases().size());
    }

    @Benchmark
    public CohortSummary thresholdChange() {
        tick = (tick + 37) % 1001;
        return cohort.summarise(base.withThresholdSteps(new int[] {tick, 500, tick, 300, 1000 - tick}));
    }

    @Benchmark
    public CohortSummary marginChange() {
        tick = (tick + 1) % 40;
        return cohort.summarise(base.withMargin(tick == 39 ? Settings.WHOLE_VOLUME : tick));
    }

    @Benchmark
    public CohortSummary argmaxFloorChange() {
        tick = (tick + 37) % 1001;
        return cohort.summarise(base.withMode(HardMode.ARGMAX, tick));
    }
}
