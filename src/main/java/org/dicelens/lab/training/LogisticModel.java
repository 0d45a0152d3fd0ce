package org.dicelens.lab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicelens.phantom.LabCase;
import org.dicelens.volume.Geometry;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Logistic regression on {@link Features}: p = σ(x·w + b) per voxel, features standardised with the training set's
 * mean and sd. Weights start at zero and the bias at the logit of the training set's foreground fraction (every
 * voxel starts at the prior, as Lin et al. start the focal loss), so training is deterministic. Prediction after training
 * runs in plain Java: no ND4J needed to apply it.
 */
public final class LogisticModel implements TrainableModel {
    /** Double precision: the arrays are small, and the loss curves and tests compare exactly. */
    static final DataType DT = DataType.DOUBLE;

    private final Features.Standardisation standardisation;
    private final double priorLogit;

    /** @param training the cases whose features set the standardisation */
    public LogisticModel(List<LabCase> training) {
        List<float[][]> sets = new ArrayList<>();
        for (LabCase c : training) {
            sets.add(Features.compute(c.geometry(), c.image()));
        }
        this.standardisation = Features.Standardisation.of(sets);
        this.priorLogit = priorLogit(training);
    }

    /** ln(R/(N − R)) over the training voxels, clamped to ±10 when a class is absent. */
    static double priorLogit(List<LabCase> training) {
        double r = 0;
        double n = 0;
        for (LabCase c : training) {
            r += c.referenceVoxels();
            n += c.voxelCount();
        }
        return Math.max(-10, Math.min(10, Math.log(r / (n - r))));
    }

    @Override
    public String name() {
        return "logistic regression";
    }

    @Override
    public DataType dataType() {
        return DT;
    }

    @Override
    public SDVariable logits(SameDiff sd) {
        int f = Features.count();
        SDVariable x = sd.placeHolder("x", DT, -1, f);
        SDVariable w = sd.var("w", Nd4j.zeros(DT, f, 1));
        SDVariable b = sd.var("b", Nd4j.createFromArray(priorLogit).reshape(1).castTo(DT));
        return sd.mmul(x, w).add(b).reshape(-1);
    }

    @Override
    public List<String> parameters() {
        return List.of("w", "b");
    }

    @Override
    public Map<String, INDArray> inputs(List<LabCase> cases) {
        int f = Features.count();
        long total = 0;
        for (LabCase c : cases) {
            total += c.voxelCount();
        }
        double[] flat = new double[Math.toIntExact(total * f)];
        int row = 0;
        for (LabCase c : cases) {
            float[][] feats = standardisation.apply(Features.compute(c.geometry(), c.image()));
            for (int i = 0; i < c.voxelCount(); i++, row++) {
                for (int k = 0; k < f; k++) {
                    flat[row * f + k] = feats[k][i];
                }
            }
        }
        return Map.of("x", Nd4j.createFromArray(flat).reshape(total, f).castTo(DT));
    }

    @Override
    public Predictor trained(SameDiff sd) {
        double[] w = sd.getVariable("w").getArr().dup().reshape(-1).toDoubleVector();
        double b = sd.getVariable("b").getArr().getDouble(0);
        return new Trained(standardisation, w, b);
    }

    /** Trained weights (on standardised features) and bias. */
    public record Trained(Features.Standardisation standardisation, double[] weights, double bias) implements Predictor {

        @Override
        public float[] predict(Geometry g, float[] image) {
            if (image.length != g.voxelCount()) {
                throw new IllegalArgumentException("image has " + image.length + " voxels, grid " + g.voxelCount());
            }
            float[][] feats = standardisation.apply(Features.compute(g, image));
            float[] p = new float[image.length];
            for (int i = 0; i < p.length; i++) {
                double z = bias;
                for (int k = 0; k < weights.length; k++) {
                    z += weights[k] * feats[k][i];
                }
                p[i] = (float) (1 / (1 + Math.exp(-z)));
            }
            return p;
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("b=").append(fmt(bias));
            for (int k = 0; k < weights.length; k++) {
                sb.append(", w[").append(Features.NAMES.get(k)).append("]=").append(fmt(weights[k]));
            }
            return sb.toString();
        }

        private static String fmt(double v) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
    }
}
