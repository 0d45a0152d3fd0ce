package org.dicelens.lab.training;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicelens.common.Progress;
import org.dicelens.phantom.LabCase;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Full-batch training with SameDiff autodiff and Adam: every iteration computes the loss on all training voxels
 * and its gradient, then takes one Adam step. No sampling, fixed initial values: the same inputs give the same
 * model. Cancellable between iterations through {@link Progress}.
 */
public final class Trainer {

    /** @param iterations Adam steps; @param learningRate Adam's step size */
    public record Options(int iterations, double learningRate) {
        public Options {
            if (iterations < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("iterations ≥ 1 and learning rate > 0");
            }
        }
    }

    /**
     * A trained model, its loss curve (the training loss before each step, then after the last) and Σp/R on the
     * training set (1 for a converged cross-entropy model with a bias: its optimum matches the volume it was shown).
     */
    public record Result(Predictor predictor, double[] lossCurve, double trainingVolumeRatio) {
        public double finalLoss() {
            return lossCurve[lossCurve.length - 1];
        }
    }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    /** Off-heap garbage tolerated between two collections requested by the training loop. */
    private static final long GARBAGE_BUDGET = 256L << 20;

    private Trainer() {
    }

    /**
     * Starts ND4J's native backend (seconds on first use) with one native thread; idempotent. Call it off any UI
     * thread. One thread because the lab's arrays are small (10⁴–10⁶ elements) and OpenMP's spinning workers cost
     * far more than they give on 2 shared cores: the training tests took 161 s with two threads, 30 s with one
     * (docs/perf/lab.md).
     */
    public static synchronized void initialise() {
        if (!started) {
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Nd4j.factory().blas().setMaxThreads(1); // OpenBLAS keeps a pool of its own
            started = true;
        }
    }

    private static boolean started;

    /**
     * Trains {@code model} with {@code loss} on {@code training}.
     *
     * @param progress receives fractions in [from, to] of the caller's overall task
     * @throws java.util.concurrent.CancellationException when the progress is cancelled
     */
    public static Result train(TrainableModel model, LabLoss loss, List<LabCase> training, Options opt, TrainingListener listener,
            Progress progress, double from, double to) {
        initialise();
        SameDiff sd = SameDiff.create();
        SDVariable z = model.logits(sd);
        SDVariable p = sd.nn.sigmoid(z);
        SDVariable r = sd.placeHolder("r", model.dataType(), -1);
        long voxels = 0;
        long fg = 0;
        for (LabCase c : training) {
            voxels += c.voxelCount();
            fg += c.referenceVoxels();
        }
        SDVariable l = loss.build(sd, p, r, fg, voxels);
        sd.setLossVariables(l);
        createGradientQuietly(sd);

        Map<String, INDArray> ph = new HashMap<>(model.inputs(training));
        ph.put("r", reference(training, voxels).castTo(model.dataType()));
        List<String> params = model.parameters();
        Map<String, INDArray> m = new HashMap<>();
        Map<String, INDArray> v = new HashMap<>();
        for (String name : params) {
            INDArray a = sd.getVariable(name).getArr();
            m.put(name, a.ulike().assign(0));
            v.put(name, a.ulike().assign(0));
        }
        // SameDiff allocates each iteration's intermediate arrays off-heap and frees them only after their Java
        // wrappers are collected; with a large heap and little Java garbage that is rarely, and the process grew to
        // 17 GB in 400 iterations (ND4J's arrays are not in JavaCPP's totalBytes, so its own limit never fires).
        // Measured garbage: about 3x the input bytes per iteration; so collect every few iterations, to keep it
        // near GARBAGE_BUDGET (RSS then stays flat: 1.2 GB at 400k voxels, against 6 GB after 100 iterations).
        long inputBytes = 0;
        for (INDArray a : ph.values()) {
            inputBytes += a.length() * a.dataType().width();
        }
        int gcEvery = (int) Math.max(1, Math.min(50, GARBAGE_BUDGET / Math.max(1, 3 * inputBytes)));
        double[] curve = new double[opt.iterations() + 1];
        String modelName = model.name();
        for (int it = 0; it < opt.iterations(); it++) {
            progress.checkCancelled();
            OutAndGrad og = sd.calculateGradientsAndOutputs(ph, List.of(l.name()), params);
            curve[it] = og.getOutputs().get(l.name()).getDouble(0);
            if (!Double.isFinite(curve[it])) {
                throw new ArithmeticException(loss.label() + " loss became " + curve[it] + " at iteration " + it);
            }
            listener.onIteration(loss, modelName, it, opt.iterations(), curve[it]);
            double t = it + 1;
            double lrT = opt.learningRate() * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
            for (String name : params) {
                INDArray g = og.getGradients().get(name);
                INDArray mi = m.get(name).muli(BETA1).addi(g.mul(1 - BETA1));
                INDArray vi = v.get(name).muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
                INDArray step = mi.mul(lrT).divi(Transforms.sqrt(vi, true).addi(EPS));
                sd.getVariable(name).getArr().subi(step);
            }
            if ((it + 1) % gcEvery == 0) {
                System.gc();
            }
            progress.update(from + (to - from) * (it + 1) / opt.iterations(),
                    loss.label() + ": iteration " + (it + 1) + "/" + opt.iterations());
        }
        Map<String, INDArray> last = sd.output(ph, l.name(), p.name());
        curve[opt.iterations()] = last.get(l.name()).getDouble(0);
        listener.onIteration(loss, modelName, opt.iterations(), opt.iterations(), curve[opt.iterations()]);
        double ratio = fg > 0 ? last.get(p.name()).sumNumber().doubleValue() / fg : Double.NaN;
        return new Result(model.trained(sd), curve, ratio);
    }

    /**
     * ND4J 1.0.0-M2.1's SameDiff.createGradFunction prints "Added differentiated op …" on System.out for every op,
     * which would mix into the lab command's Markdown on stdout: build the gradient with System.out silenced.
     */
    private static void createGradientQuietly(SameDiff sd) {
        synchronized (System.class) {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                sd.createGradFunction();
            } finally {
                System.setOut(out);
            }
        }
    }

    private static INDArray reference(List<LabCase> cases, long voxels) {
        double[] r = new double[Math.toIntExact(voxels)];
        int o = 0;
        for (LabCase c : cases) {
            for (byte b : c.reference()) {
                r[o++] = b;
            }
        }
        return Nd4j.createFromArray(r);
    }
}
