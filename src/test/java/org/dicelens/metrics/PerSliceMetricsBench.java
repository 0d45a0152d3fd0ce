package org.dicelens.metrics;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
    public long[] directPassPerRequestAxial() {
        step = (step + 7) % 1001;
        double t = step / 1000.0;
        int n = c.geometry().nx();
        int plane = n * n;
        int classes = c.classCount();
        float[][] p = c.prediction().channels();
        byte[] ref = c.referenceClass();
        long[] tpAll = new long[n * classes];
        double[] sums = new double[n * classes * 2];
        IntStream.range(0, n).parallel().forEach(z -> {
            for (int k = 0; k < classes; k++) {
                long tp = 0, hard = 0, r = 0;
                double sp = 0, spr = 0;
                float[] q = p[k];
                for (int i = z * plane; i < (z + 1) * plane; i++) {
                    boolean isRef = (ref[i] & 0xFF) == k;
                    boolean b = q[i] >= t;
                    hard += b ? 1 : 0;
                    tp += b && isRef ? 1 : 0;
                    r += isRef ? 1 : 0;
                    sp += q[i];
                    spr += isRef ? q[i] : 0;
                }
                tpAll[z * classes + k] = tp + hard + r;
                sums[2 * (z * classes + k)] = sp;
                sums[2 * (z * classes + k) + 1] = spr;
            }
        });
        return tpAll;
    }
}
