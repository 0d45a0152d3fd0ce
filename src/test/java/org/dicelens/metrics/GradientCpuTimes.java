package org.dicelens.metrics;

import org.dicelens.volume.Case;

/**
 * Timings of gradient maps and per-slice metrics on the generated 256³ × 4 case with {@link GradientTiming} (run:
 * {@code java -cp target/test-classes:target/classes:<deps> org.dicelens.metrics.GradientCpuTimes}).
 */
public final class GradientCpuTimes {
    private GradientCpuTimes() {
    }

    public static void main(String[] args) {
        Case c = GradientBenchData.spheres(256, 4);
        EvaluationRegion region = EvaluationRegion.of(c);
        LossParams lp = LossParams.defaults();
        GradientKernel dice = GradientMaps.kernel(c, GradientLoss.SOFT_DICE, 1, null, lp, null);
        GradientKernel ce = GradientMaps.kernel(c, GradientLoss.CE, 1, null, lp, null);
        float[] slice = new float[256 * 256];
        float[] volume = new float[c.voxelCount()];
        GradientTiming.header();
        GradientTiming.time("gradient slice z (256x256), Dice dL/dz", 200, 400, () -> {
            GradientMaps.slice(c, dice, GradientWrt.LOGIT, null, 2, 128, slice);
            return slice;
        });
        GradientTiming.time("gradient slice z, CE dL/dp, region m=20", 200, 400, () -> {
            GradientMaps.slice(c, ce, GradientWrt.PROBABILITY, region, 20, 2, 128, slice, Float.NaN);
            return slice;
        });
        GradientTiming.time("gradient slice x (256x256, strided), Dice", 100, 200, () -> {
            GradientMaps.slice(c, dice, GradientWrt.LOGIT, null, 0, 128, slice);
            return slice;
        });
        GradientTiming.time("gradient volume 256^3, Dice dL/dz", 3, 10, () -> {
            GradientMaps.volume(c, dice, GradientWrt.LOGIT, null, volume, 0f);
            return volume;
        });
        GradientTiming.time("gradient volume 256^3, CE dL/dp", 3, 10, () -> {
            GradientMaps.volume(c, ce, GradientWrt.PROBABILITY, null, volume, 0f);
            return volume;
        });
        GradientTiming.time("sums of one channel (plain pass)", 3, 10, () -> GradientMaps.sums(c, 1, null));
        GradientTiming.time("sums of one channel, region m=20", 3, 10, () -> GradientMaps.sums(c, 1, region, 20));
        GradientTiming.time("per-slice build, axis z (all 4 classes)", 2, 6, () -> PerSliceHistogram.build(c, null, 2));
        GradientTiming.time("per-slice build, axis y", 2, 6, () -> PerSliceHistogram.build(c, null, 1));
        GradientTiming.time("per-slice build, axis x", 2, 6, () -> PerSliceHistogram.build(c, null, 0));
        GradientTiming.time("per-slice build, axis z, region m=20", 2, 6,
                () -> PerSliceHistogram.build(c, region, 20, 2));
        PerSliceHistogram h = PerSliceHistogram.build(c, null, 2);
        int[] step = {0};
        GradientTiming.time("per-slice request, threshold (slider)", 2000, 5000, () -> {
            step[0] = (step[0] + 7) % 1001;
            return h.threshold(new int[] {step[0], step[0], step[0], step[0]});
        });
        GradientTiming.time("per-slice request, argmax + floor (slider)", 2000, 5000, () -> {
            step[0] = (step[0] + 7) % 1001;
            return h.argmax(step[0]);
        });
        GradientTiming.time("baseline: direct per-slice pass per request", 2, 6, () -> directPass(c, 0.5));
    }

    /**
     * What a pass per request would cost: per axial slice z and class, TP, hard count, R, Σp, Σp·r at one threshold
     * (also the JMH baseline in {@link PerSliceMetricsBench}).
     */
    static double[] directPass(Case c, double t) {
        int n = c.geometry().nx();
        int plane = n * n;
        int classes = c.classCount();
        float[][] p = c.prediction().channels();
        byte[] ref = c.referenceClass();
        double[] out = new double[n * classes * 5];
        java.util.stream.IntStream.range(0, c.geometry().nz()).parallel().forEach(z -> {
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
                int o = 5 * (z * classes + k);
                out[o] = tp;
                out[o + 1] = hard;
                out[o + 2] = r;
                out[o + 3] = sp;
                out[o + 4] = spr;
            }
        });
        return out;
    }
}
