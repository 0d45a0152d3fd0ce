package org.dicelens.metrics;

import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
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

/** Gradient maps on a 256³ × 4 case: one 256×256 slice per axis, the whole volume, and the sums pass before it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class GradientMapsBench {
    private Case c;
    private IntPredicate box;
    private EvaluationRegion region;
    private GradientKernel dice;
    private GradientKernel ce;
    private final float[] slice = new float[256 * 256];
    private float[] volume;

    @Setup
    public void setup() {
        c = GradientBenchData.spheres(256, 4);
        box = GradientBenchData.box(c.geometry(), 32, 224);
        region = EvaluationRegion.of(c);
        dice = GradientMaps.kernel(c, GradientLoss.SOFT_DICE, 1, null, LossParams.defaults(), null);
        ce = GradientMaps.kernel(c, GradientLoss.CE, 1, null, LossParams.defaults(), null);
        volume = new float[c.voxelCount()];
    }

    @Benchmark
    public float sliceAxialDiceLogit() {
        GradientMaps.slice(c, dice, GradientWrt.LOGIT, null, 2, 128, slice);
        return slice[1000];
    }

    @Benchmark
    public float sliceSagittalDiceLogit() {
        GradientMaps.slice(c, dice, GradientWrt.LOGIT, null, 0, 128, slice);
        return slice[1000];
    }

    @Benchmark
    public float sliceAxialCeInBoxPredicate() {
        GradientMaps.slice(c, ce, GradientWrt.PROBABILITY, box, 2, 128, slice);
        return slice[1000];
    }

    @Benchmark
    public float volumeDiceLogit() {
        GradientMaps.volume(c, dice, GradientWrt.LOGIT, null, volume, 0f);
        return volume[1000];
    }

    @Benchmark
    public float volumeCe() {
        GradientMaps.volume(c, ce, GradientWrt.PROBABILITY, null, volume, 0f);
        return volume[1000];
    }

    @Benchmark
    public ClassSums sumsOneChannel() {
        return GradientMaps.sums(c, 1, null);
    }

    @Benchmark
    public ClassSums sumsOneChannelInBoxPredicate() {
        return GradientMaps.sums(c, 1, box);
    }

    /** Ω_20 of the evaluation region (the sphere's bounding box grown by 20 voxels), walked row by row. */
    @Benchmark
    public ClassSums sumsOneChannelInRegionMargin20() {
        return GradientMaps.sums(c, 1, region, 20);
    }

    @Benchmark
    public float volumeDiceLogitInRegionMargin20() {
        GradientMaps.volume(c, dice, GradientWrt.LOGIT, region, 20, volume, Float.NaN);
        return volume[1000];
    }

    @Benchmark
    public float sliceAxialDiceLogitInRegionMargin20() {
        GradientMaps.slice(c, dice, GradientWrt.LOGIT, region, 20, 2, 128, slice, Float.NaN);
        return slice[1000];
    }
}
