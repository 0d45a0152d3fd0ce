package org.dicelens.lab.training;

import java.util.stream.IntStream;
import org.dicelens.metrics.ClassSums;
import org.dicelens.metrics.GradientKernel;
import org.dicelens.metrics.GradientMaps;
import org.dicelens.metrics.GradientWrt;
import org.dicelens.metrics.LossParams;
import org.dicelens.volume.Case;

/**
 * The plain-Java loss value + ∂L/∂p of channel 1 that SameDiff is measured against, shared by the JMH benchmark
 * ({@link SameDiffLossesBench}) and the CPU-time harness ({@link SameDiffLossesTimes}).
 */
final class JavaLossBaselines {
    private JavaLossBaselines() {
    }

    /** Soft Dice loss of channel 1; its gradient map goes into {@code grad}. */
    static double softDice(Case c, LossParams lp, float[] grad) {
        ClassSums s = GradientMaps.sums(c, 1, null);
        double loss = 1 - (2 * s.i() + lp.smoothNr()) / (s.p() + s.r() + lp.smoothDr());
        GradientMaps.volume(c, GradientKernel.softDice(1, s, lp), GradientWrt.PROBABILITY, null, grad, 0f);
        return loss;
    }

    /** Binary cross-entropy of channel 1 (p clamped to [1e-7, 1 − 1e-7]); its gradient map goes into {@code grad}. */
    static double crossEntropy(Case c, float[] grad) {
        ClassSums s = GradientMaps.sums(c, 1, null);
        float[] p = c.prediction().channels()[1];
        byte[] ref = c.referenceClass();
        int plane = c.geometry().nx() * c.geometry().ny();
        double logs = IntStream.range(0, c.geometry().nz()).parallel().mapToDouble(z -> {
            double acc = 0;
            for (int i = z * plane; i < (z + 1) * plane; i++) {
                double q = Math.min(Math.max(p[i], 1e-7), 1 - 1e-7);
                acc += ref[i] == 1 ? Math.log(q) : Math.log(1 - q);
            }
            return acc;
        }).sum();
        GradientMaps.volume(c, GradientKernel.crossEntropy(1, s), GradientWrt.PROBABILITY, null, grad, 0f);
        return -logs / s.n();
    }
}
