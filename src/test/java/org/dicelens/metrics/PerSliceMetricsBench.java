package org.dicelens.metrics;

import java.util.concurrent.TimeUnit;
import org.dicelens.volume.Case;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-slice metrics on 256³ × 4: the histogram pass (per axis), a slider request from it (threshold, argmax), and
 * as the baseline a direct parallel pass per request (per-slice TP, hard count, Σp, Σp·r, R of every class at one
 * threshold) — what "one pass per request" would cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class PerSliceMetricsBench {
    private Case c;
    private PerSliceHistogram axial;
    private int step;
    private EvaluationRegion region;

    @Setup
    public void setup() {
        c = GradientBenchData.spheres(256, 4);
        axial = PerSliceHistogram.build(c, null, 2);
        region = EvaluationRegion.of(c);
    }

    @Benchmark
    public PerSliceHistogram buildAxial() {
        return PerSliceHistogram.build(c, null, 2);
    }

    @Benchmark
    public PerSliceHistogram buildSagittal() {
        return PerSliceHistogram.build(c, null, 0);
    }

    @Benchmark
    public PerSliceHistogram buildAxialInBoxPredicate() {
        return PerSliceHistogram.build(c, GradientBenchData.box(c.geometry(), 32, 224), 2);
    }

    @Benchmark
    public PerSliceHistogram buildAxialInRegionMargin20() {
        return PerSliceHistogram.build(c, region, 20, 2);
    }

    @Benchmark
    public PerSliceHistogram buildCoronal() {
        return PerSliceHistogram.build(c, null, 1);
    }

    @Benchmark
    public PerSliceMetrics requestThreshold() {
        step = (step + 7) % 1001;
        return axial.threshold(new int[] {step, step, step, step});
    }

    @Benchmark
    public PerSliceMetrics requestArgmax() {
        step = (step + 7) % 1001;
        return axial.argmax(step);
    }

    @Benchmark
    public double[] directPassPerRequestAxial() {
        step = (step + 7) % 1001;
        return GradientCpuTimes.directPass(c, step / 1000.0);
    }
}
