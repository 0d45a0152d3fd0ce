package org.dicelens.lab.training;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dicelens.metrics.GradientBenchData;
import org.dicelens.metrics.LossParams;
import org.dicelens.volume.Case;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * ND4J SameDiff against plain Java loops for a loss value and its gradient over one channel of a 256³ case
 * (16.7 M voxels, float32): soft Dice and binary cross-entropy. SameDiff graphs are built once (as the lab would);
 * each SameDiff call computes the loss and ∂L/∂p (calculateGradientsAndOutputs); the "ToJava" variant adds the copy
 * of the gradient into a float[] a view could paint. The Java side is the sums pass + the loss formula + the
 * whole-volume gradient map (for CE also the pass summing the logarithms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Dorg.bytedeco.javacpp.maxbytes=8G"})
public class SameDiffLossesBench {
    private Case c;
    private float[] p;
    private float[] grad;
    private SameDiff diceGraph;
    private SameDiff ceGraph;
    private final LossParams lp = LossParams.defaults();

    @Setup
    public void setup() {
        c = GradientBenchData.spheres(256, 4);
        p = c.prediction().channels()[1];
        float[] r = new float[p.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = c.reference(i) == 1 ? 1f : 0f;
        }
        grad = new float[p.length];
        diceGraph = graph(p, r, false);
        ceGraph = graph(p, r, true);
    }

    private SameDiff graph(float[] prob, float[] ref, boolean ce) {
        SameDiff sd = SameDiff.create();
        SDVariable pv = sd.var("p", Nd4j.createFromArray(prob));
        SDVariable rv = sd.constant(Nd4j.createFromArray(ref));
        SDVariable loss = (ce ? SameDiffLosses.crossEntropy(sd, pv, rv) : SameDiffLosses.softDice(sd, pv, rv, lp)).rename("loss");
        sd.setLossVariables(loss);
        return sd;
    }

    private static OutAndGrad run(SameDiff sd) {
        return sd.calculateGradientsAndOutputs(Map.of(), List.of("loss"), List.of("p"));
    }

    @Benchmark
    public OutAndGrad sameDiffDice() {
        return run(diceGraph);
    }

    @Benchmark
    public float[] sameDiffDiceToJava() {
        return run(diceGraph).getGradients().get("p").toFloatVector();
    }

    @Benchmark
    public OutAndGrad sameDiffCe() {
        return run(ceGraph);
    }

    @Benchmark
    public INDArray copyChannelIntoNd4j() {
        return Nd4j.createFromArray(p);
    }

    @Benchmark
    public double javaDice() {
        return JavaLossBaselines.softDice(c, lp, grad) + grad[1000];
    }

    @Benchmark
    public double javaCe() {
        return JavaLossBaselines.crossEntropy(c, grad) + grad[1000];
    }

    static {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }
}
