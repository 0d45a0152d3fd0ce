package org.dicelens.lab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.dicelens.metrics.ClassSums;
import org.dicelens.metrics.GradientKernel;
import org.dicelens.metrics.GradientLoss;
import org.dicelens.metrics.GradientMaps;
import org.dicelens.metrics.GradientTestCases;
import org.dicelens.metrics.GradientWrt;
import org.dicelens.metrics.LossParams;
import org.dicelens.metrics.WceWeightSource;
import org.dicelens.volume.Case;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SameDiff losses against the formula sheet (values written in GradientTestCases) and their autodiff
 * gradients against the engine's analytic gradient maps (GradientKernel), in FLOAT64. One class so that ND4J's
 * native start (seconds) is paid once.
 */
class SameDiffLossesTest {

    private static final LossParams CUSTOM = new LossParams(0.3, 0.7, 0.3, 0.7, 2.0, WceWeightSource.PREDICTION, 0.05, 2.0,
            0.3, 0.8, 0.2, 0.5, 0.5);

    @BeforeAll
    static void startNd4j() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        assertEquals(DataType.DOUBLE, Nd4j.createFromArray(1.0, 2.0).dataType());
    }

    static Stream<Arguments> binaryLosses() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (GradientLoss loss : GradientLoss.values()) {
            if (loss == GradientLoss.GDL) {
                continue;
            }
            for (GradientWrt wrt : GradientWrt.values()) {
                b.add(Arguments.of(loss, wrt, LossParams.defaults()));
                b.add(Arguments.of(loss, wrt, CUSTOM));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} d/d{1}")
    @MethodSource("binaryLosses")
    void autodiffMatchesTheAnalyticMap(GradientLoss loss, GradientWrt wrt, LossParams lp) {
        Case c = GradientTestCases.randomCase(21, 4, 3, 3, 3, 0.02, 0.98);
        IntPredicate region = GradientTestCases.randomRegion(22, c.voxelCount(), 0.6);
        int[] omega = GradientTestCases.regionVoxels(c.voxelCount(), region);
        int k = 2;
        ClassSums[] sums = GradientMaps.sums(c, region);
        GradientKernel kernel = GradientKernel.of(loss, k, sums, lp, null);
        double[] p = new double[omega.length];
        double[] r = new double[omega.length];
        for (int j = 0; j < omega.length; j++) {
            p[j] = c.probability(k, omega[j]);
            r[j] = c.reference(omega[j]) == k ? 1 : 0;
        }
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.createFromArray(wrt == GradientWrt.LOGIT ? logits(p) : p));
        SDVariable prob = wrt == GradientWrt.LOGIT ? SameDiffLosses.sigmoid(sd, x) : x;
        SDVariable ref = sd.constant(Nd4j.createFromArray(r));
        SDVariable l = switch (loss) {
            case SOFT_DICE -> SameDiffLosses.softDice(sd, prob, ref, lp);
            case SQUARED_DICE -> SameDiffLosses.squaredDice(sd, prob, ref, lp);
            case TVERSKY -> SameDiffLosses.tversky(sd, prob, ref, lp);
            case FOCAL_TVERSKY -> SameDiffLosses.focalTversky(sd, prob, ref, lp);
            case CE -> SameDiffLosses.crossEntropy(sd, prob, ref);
            case WCE -> SameDiffLosses.weightedCrossEntropy(sd, prob, ref, lp);
            case GDL -> throw new AssertionError();
        };
        sd.setLossVariables(l);
        double sheet = GradientTestCases.loss(loss, k, GradientTestCases.asDouble(c), c.referenceClass(), omega, lp, null,
                GradientKernel.wceWeight(sums[k], lp.wceWeightSource()));
        assertEquals(sheet, l.eval().getDouble(0), 1e-12 * Math.abs(sheet), "loss value");
        INDArray g = sd.calculateGradients(Map.of(), "x").get("x");
        for (int j = 0; j < omega.length; j++) {
            double expected = kernel.value(p[j], r[j] == 1, wrt);
            assertEquals(expected, g.getDouble(j), 1e-9 * Math.abs(expected) + 1e-15, loss + " voxel " + omega[j]);
        }
    }

    /** GDL over [C, N]: every class's row of the autodiff gradient is that class's analytic map. */
    @Test
    void gdlAutodiffMatchesTheAnalyticMapOfEveryClass() {
        Case c = GradientTestCases.randomCase(31, 4, 4, 2, 3, 0.02, 0.98);
        IntPredicate region = GradientTestCases.randomRegion(32, c.voxelCount(), 0.7);
        int[] omega = GradientTestCases.regionVoxels(c.voxelCount(), region);
        ClassSums[] sums = GradientMaps.sums(c, region);
        double[][] weightSets = {
            {1 / sq(sums[0].r()), 1 / sq(sums[1].r()), 1 / sq(sums[2].r())}, // square, background in
            {0, 1 / sums[1].r(), 1 / sums[2].r()}, // simple, background out
            {0.5, 2, 3}};
        for (double[] w : weightSets) {
            for (GradientWrt wrt : GradientWrt.values()) {
                double[][] p = new double[3][omega.length];
                double[][] r = new double[3][omega.length];
                for (int l = 0; l < 3; l++) {
                    for (int j = 0; j < omega.length; j++) {
                        p[l][j] = c.probability(l, omega[j]);
                        r[l][j] = c.reference(omega[j]) == l ? 1 : 0;
                    }
                }
                SameDiff sd = SameDiff.create();
                double[][] init = p;
                if (wrt == GradientWrt.LOGIT) {
                    init = new double[3][];
                    for (int l = 0; l < 3; l++) {
                        init[l] = logits(p[l]);
                    }
                }
                SDVariable x = sd.var("x", Nd4j.createFromArray(init));
                SDVariable prob = wrt == GradientWrt.LOGIT ? SameDiffLosses.sigmoid(sd, x) : x;
                SDVariable loss = SameDiffLosses.gdl(sd, prob, sd.constant(Nd4j.createFromArray(r)), w, CUSTOM);
                sd.setLossVariables(loss);
                double sheet = GradientTestCases.loss(GradientLoss.GDL, 0, GradientTestCases.asDouble(c), c.referenceClass(),
                        omega, CUSTOM, w, 0);
                assertEquals(sheet, loss.eval().getDouble(0), 1e-12 * Math.abs(sheet), "GDL value");
                INDArray g = sd.calculateGradients(Map.of(), "x").get("x");
                for (int l = 0; l < 3; l++) {
                    GradientKernel k = GradientKernel.gdl(l, sums, w, CUSTOM);
                    for (int j = 0; j < omega.length; j++) {
                        double expected = k.value(p[l][j], r[l][j] == 1, wrt);
                        assertEquals(expected, g.getDouble(l, j), 1e-9 * Math.abs(expected) + 1e-15,
                                "GDL class " + l + " voxel " + omega[j] + " " + wrt);
                    }
                }
            }
        }
    }

    /** Focal loss has no analytic map: its autodiff gradient against central differences of the sheet's value. */
    @Test
    void focalLossValueAndAutodiffAgainstFiniteDifferences() {
        Case c = GradientTestCases.randomCase(41, 5, 3, 2, 2, 0.02, 0.98);
        int n = c.voxelCount();
        double[] p = new double[n];
        double[] r = new double[n];
        for (int j = 0; j < n; j++) {
            p[j] = c.probability(1, j);
            r[j] = c.reference(j) == 1 ? 1 : 0;
        }
        for (double gamma : new double[] {2.0, 0.5}) {
            SameDiff sd = SameDiff.create();
            SDVariable x = sd.var("x", Nd4j.createFromArray(p));
            SDVariable loss = SameDiffLosses.focal(sd, x, sd.constant(Nd4j.createFromArray(r)), gamma);
            sd.setLossVariables(loss);
            assertEquals(GradientTestCases.focal(p, r, gamma), loss.eval().getDouble(0), 1e-12);
            INDArray g = sd.calculateGradients(Map.of(), "x").get("x");
            double h = 1e-6;
            for (int j = 0; j < n; j++) {
                double p0 = p[j];
                p[j] = p0 + h;
                double up = GradientTestCases.focal(p, r, gamma);
                p[j] = p0 - h;
                double down = GradientTestCases.focal(p, r, gamma);
                p[j] = p0;
                double fd = (up - down) / (2 * h);
                assertTrue(Math.abs(fd) > 1e-6);
                assertEquals(fd, g.getDouble(j), 1e-6 * Math.abs(fd) + 1e-10, "focal voxel " + j + " gamma " + gamma);
            }
        }
    }

    /**
     * Multi-class CE over [C, N]: value −(1/N) Σ r ln p by hand; ∂/∂p_ln = −r_ln/(N p_ln); through softmax logits,
     * ∂/∂z_ln = (p_ln − r_ln)/N (the softmax cross-entropy gradient, one-hot r).
     */
    @Test
    void multiclassCrossEntropyBySoftmax() {
        double[][] z = {{0.3, -1.2, 2.0, 0.1, 0.0}, {1.1, 0.4, -0.5, 0.1, 2.5}, {-0.7, 0.9, 0.2, 0.1, -1.0}};
        int[] label = {1, 2, 0, 1, 1};
        int n = label.length;
        double[][] r = new double[3][n];
        double[][] p = new double[3][n];
        for (int j = 0; j < n; j++) {
            r[label[j]][j] = 1;
            double sum = 0;
            for (int l = 0; l < 3; l++) {
                sum += Math.exp(z[l][j]);
            }
            for (int l = 0; l < 3; l++) {
                p[l][j] = Math.exp(z[l][j]) / sum;
            }
        }
        double expected = 0;
        for (int j = 0; j < n; j++) {
            expected -= Math.log(p[label[j]][j]) / n;
        }
        SameDiff sd = SameDiff.create();
        SDVariable zv = sd.var("z", Nd4j.createFromArray(z));
        SDVariable loss = SameDiffLosses.crossEntropyMulticlass(sd, SameDiffLosses.softmax(sd, zv),
                sd.constant(Nd4j.createFromArray(r)));
        sd.setLossVariables(loss);
        assertEquals(expected, loss.eval().getDouble(0), 1e-12);
        INDArray gz = sd.calculateGradients(Map.of(), "z").get("z");
        SameDiff sd2 = SameDiff.create();
        SDVariable pv = sd2.var("p", Nd4j.createFromArray(p));
        SDVariable loss2 = SameDiffLosses.crossEntropyMulticlass(sd2, pv, sd2.constant(Nd4j.createFromArray(r)));
        sd2.setLossVariables(loss2);
        INDArray gp = sd2.calculateGradients(Map.of(), "p").get("p");
        for (int l = 0; l < 3; l++) {
            for (int j = 0; j < n; j++) {
                assertEquals((p[l][j] - r[l][j]) / n, gz.getDouble(l, j), 1e-12, "dz " + l + "," + j);
                assertEquals(-r[l][j] / (n * p[l][j]), gp.getDouble(l, j), 1e-12, "dp " + l + "," + j);
            }
        }
    }

    private static double[] logits(double[] p) {
        double[] z = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            z[j] = GradientTestCases.logit(p[j]);
        }
        return z;
    }

    private static double sq(double v) {
        return v * v;
    }
}
