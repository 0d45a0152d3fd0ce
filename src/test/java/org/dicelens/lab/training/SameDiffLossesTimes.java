package org.dicelens.lab.training;

import java.util.List;
import java.util.Map;
import org.dicelens.metrics.GradientBenchData;
import org.dicelens.metrics.GradientTiming;
import org.dicelens.metrics.LossParams;
import org.dicelens.volume.Case;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SameDiff against plain Java for the loss value and ∂L/∂p over one channel of the 256³ case (16.7 M voxels,
 * float32), timed with {@link GradientTiming}; the same operations as {@link SameDiffLossesBench}.
 */
public final class SameDiffLossesTimes {
    private SameDiffLossesTimes() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        System.out.printf("ND4J start: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        Case c = GradientBenchData.spheres(256, 4);
        float[] p = c.prediction().channels()[1];
        float[] r = new float[p.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.reference(i) == 1 ? 1f : 0f;
        }
        float[] grad = new float[p.length];
        LossParams lp = LossParams.defaults();
        SameDiff dice = graph(p, r, false, lp);
        SameDiff ce = graph(p, r, true, lp);
        GradientTiming.header();
        GradientTiming.time("SameDiff soft Dice value + dL/dp", 2, 5, () -> run(dice));
        GradientTiming.time("SameDiff soft Dice value + dL/dp, to float[]", 2, 5,
                () -> run(dice).getGradients().get("p").toFloatVector());
        GradientTiming.time("SameDiff CE value + dL/dp", 2, 5, () -> run(ce));
        GradientTiming.time("ND4J copy of one channel into an INDArray", 2, 5, () -> Nd4j.createFromArray(p));
        GradientTiming.time("Java soft Dice value + dL/dp (sums + map)", 3, 10,
                () -> JavaLossBaselines.softDice(c, lp, grad));
        GradientTiming.time("Java CE value + dL/dp (sums, logs, map)", 3, 10, () -> JavaLossBaselines.crossEntropy(c, grad));
    }

    private static SameDiff graph(float[] prob, float[] ref, boolean ce, LossParams lp) {
        SameDiff sd = SameDiff.create();
        SDVariable pv = sd.var("p", Nd4j.createFromArray(prob));
        SDVariable rv = sd.constant(Nd4j.createFromArray(ref));
        SDVariable loss = (ce ? SameDiffLosses.crossEntropy(sd, pv, rv) : SameDiffLosses.softDice(sd, pv, rv, lp)).rename("loss");
        sd.setLossVariables(loss);
        return sd;
    }

    private static org.nd4j.autodiff.samediff.api.OutAndGrad run(SameDiff sd) {
        return sd.calculateGradientsAndOutputs(Map.of(), List.of("loss"), List.of("p"));
    }
}
