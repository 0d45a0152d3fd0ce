package org.dicelens.metrics.raters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dicelens.metrics.EvaluationRegion;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.LossParams;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

/** Every multi-rater number against {@link RaterBruteForce} on random rater sets, K = 1..7, and soft references. */
class RaterStatisticsTest {
    private static final double EPS = 1e-12;
    private static final int[] DIVISORS = {1, 2, 4, 5, 8, 10, 20, 25, 40, 50, 100, 1000};
    private static final float[] EDGES = {0f, 1f, 0.5f, 0.1f, 0.3f, 0.9f, Math.nextDown(0.3f), Math.nextUp(0.5f), -0.2f,
        1.3f, 0.7f};

    /** One random case: grid, class table, prediction and settings; the reference is made by each test. */
    record Setup(Geometry g, ClassTable classes, float[][] p, Settings s) {
        int n() {
            return g.voxelCount();
        }
    }

    static Setup setup(Random rnd) {
        Geometry g = Geometry.ofSpacing(1 + rnd.nextInt(7), 1 + rnd.nextInt(6), 1 + rnd.nextInt(5), 1 + rnd.nextDouble(),
                1, 1.5);
        int nc = 2 + rnd.nextInt(3);
        int[] labels = new int[nc];
        for (int c = 0; c < nc; c++) {
            labels[c] = rnd.nextInt(6) == 0 ? c + 1 : c; // sometimes no label 0 (no background channel)
        }
        float[][] p = new float[nc][g.voxelCount()];
        for (float[] ch : p) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] = rnd.nextInt(4) == 0 ? EDGES[rnd.nextInt(EDGES.length)] : rnd.nextFloat();
            }
        }
        Settings s = Settings.defaults(nc).withCalibrationBins(DIVISORS[rnd.nextInt(DIVISORS.length)]);
        if (rnd.nextBoolean()) {
            int[] steps = new int[nc];
            for (int c = 0; c < nc; c++) {
                steps[c] = rnd.nextBoolean() ? 100 * rnd.nextInt(11) : rnd.nextInt(1001);
            }
            s = s.withThresholdSteps(steps);
        } else {
            s = s.withMode(HardMode.ARGMAX, rnd.nextBoolean() ? 0 : rnd.nextInt(800));
        }
        LossParams d = LossParams.defaults();
        s = s.withLosses(new LossParams(rnd.nextDouble(), rnd.nextDouble() * 2, d.tverskyAlpha(), d.tverskyBeta(),
                d.focalTverskyGamma(), d.wceWeightSource(), d.ssLambda(), d.focalGamma(), d.expLogGamma(), d.expLogWDice(),
                d.expLogWCe(), d.comboAlpha(), d.comboBeta()));
        int margin = rnd.nextInt(3) == 0 ? Settings.WHOLE_VOLUME : rnd.nextInt(3);
        return new Setup(g, new ClassTable(ClassTable.forLabels(labels).all()), p, s.withMargin(margin));
    }

    /** K label maps: independent, nearly agreeing, identical (full agreement), or never using the last class. */
    static List<byte[]> labelMaps(Random rnd, int k, int n, int nc, int variant) {
        byte[] base = new byte[n];
        int used = variant == 3 ? nc - 1 : nc;
        for (int i = 0; i < n; i++) {
            base[i] = (byte) rnd.nextInt(used);
        }
        List<byte[]> maps = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            byte[] m = base.clone();
            for (int i = 0; i < n; i++) {
                boolean change = variant == 0 || variant == 1 && rnd.nextInt(5) == 0 || variant == 3 && rnd.nextBoolean();
                if (change) {
                    m[i] = (byte) rnd.nextInt(used);
                }
            }
            maps.add(m);
        }
        return maps;
    }

    static void check(RaterReference ref, boolean[][][] marks, double[][] soft, Setup su) {
        int bg = su.classes().backgroundChannel();
        EvaluationRegion region = EvaluationRegion.of(su.g(), ref.majorityLabels(bg), su.classes());
        boolean[] in = new boolean[su.n()];
        for (int i = 0; i < in.length; i++) {
            in[i] = region.contains(i, su.s().margin());
        }
        RaterMetrics m = RaterStatistics.compute(ref, su.p(), su.classes(), su.g().voxelMl(), su.s(), region);
        double v = su.g().voxelMl();
        for (int c = 0; c < su.classes().size(); c++) {
            RaterBruteForce b = new RaterBruteForce(marks == null ? null : marks[c], soft == null ? null : soft[c], su.p(), c,
                    su.s(), bg, in, v);
            RaterClassMetrics k = m.classes().get(c);
            String ctx = "class " + c + " K=" + ref.raterCount() + " " + su.s().mode();
            assertEquals(b.expectedMl(), k.expectedMl(), EPS, ctx + " expectedMl");
            List<Double> ml = b.raterMl();
            assertEquals(ml.size(), k.raterMl().length, ctx);
            assertEquals(ml.size(), k.raterEce().length, ctx + " one ECE per rater");
            for (int r = 0; r < ml.size(); r++) {
                assertEquals(ml.get(r), k.raterMl()[r], EPS, ctx + " raterMl " + r);
                assertEquals(b.hardDice(b.hard, b.raters[r], null), k.raterDice()[r], EPS, ctx + " raterDice " + r);
                assertEquals(b.softDiceAgainst(RaterBruteForce.asDouble(b.raters[r])), k.raterSoftDice()[r], EPS,
                        ctx + " raterSoftDice " + r);
                assertEquals(b.raterEce(r, su.s().calibrationBins()), k.raterEce()[r], EPS, ctx + " raterEce " + r);
            }
            if (ml.size() >= 2) {
                double mean = ml.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double ss = ml.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
                assertEquals(Math.sqrt(ss / (ml.size() - 1)), k.raterMlSd(), EPS, ctx + " raterMlSd");
                assertEquals(ml.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), k.raterMlMin(), 0, ctx);
                assertEquals(ml.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), k.raterMlMax(), 0, ctx);
            } else {
                assertTrue(Double.isNaN(k.raterMlSd()), ctx + " no spread from fewer than two raters");
            }
            assertEquals(b.semimetricDice(), k.semimetricDice(), EPS, ctx + " semimetricDice");
            LossParams lp = su.s().losses();
            assertEquals(b.semimetricLoss(lp.smoothNr(), lp.smoothDr()), k.semimetricLoss(), EPS, ctx + " semimetricLoss");
            assertEquals(b.softDiceAgainst(b.qHat), k.softDiceVsMean(), EPS, ctx + " softDiceVsMean");
            assertEquals(b.sum(b.p) + b.sum(b.qHat) == 0, k.softEmpty(), ctx + " softEmpty");
            double inter = b.interRaterDice();
            assertEquals(inter, k.interRaterDice(), EPS, ctx + " interRaterDice");
            assertEquals(b.qubiq(), k.qubiq(), EPS, ctx + " qubiq");
            assertEquals(b.consensusDice(), k.consensusDice(), EPS, ctx + " consensusDice");
            assertEquals((b.sum(b.p) - b.sum(b.qHat)) * v, k.deltaSoftVsExpectedMl(), EPS, ctx + " deltaSoft");
            assertEquals((b.count(b.hard) - b.sum(b.qHat)) * v, k.deltaHardVsExpectedMl(), EPS, ctx + " deltaHard");
            assertEquals(b.eceVsMean(su.s().calibrationBins()), k.eceVsMean(), EPS, ctx + " eceVsMean");
            if (k.raterEce().length > 0) { // per bin |mean_k R_k − P| ≤ mean_k |R_k − P|: q̂ is the raters' mean
                assertTrue(java.util.Arrays.stream(k.raterEce()).average().orElseThrow() >= k.eceVsMean() - EPS, ctx);
            }
        }
    }

    @Test
    void labelMapsOfOneToSevenRaters() {
        Random rnd = new Random(18);
        for (int round = 0; round < 400; round++) {
            Setup su = setup(rnd);
            int k = 1 + round % 7;
            int nc = su.classes().size();
            List<byte[]> maps = labelMaps(rnd, k, su.n(), nc, round / 7 % 4);
            boolean[][][] marks = new boolean[nc][k][su.n()];
            for (int c = 0; c < nc; c++) {
                for (int r = 0; r < k; r++) {
                    for (int i = 0; i < su.n(); i++) {
                        marks[c][r][i] = maps.get(r)[i] == c;
                    }
                }
            }
            check(RaterReference.ofLabelMaps(maps, nc), marks, null, su);
        }
    }

    @Test
    void binaryMasksPerClassMayOverlap() {
        Random rnd = new Random(19);
        for (int round = 0; round < 200; round++) {
            Setup su = setup(rnd);
            int k = 1 + round % 7;
            int nc = su.classes().size();
            byte[][][] masks = new byte[nc][k][su.n()];
            boolean[][][] marks = new boolean[nc][k][su.n()];
            for (int c = 0; c < nc; c++) {
                boolean absent = round % 5 == 0 && c == nc - 1;
                for (int r = 0; r < k; r++) {
                    for (int i = 0; i < su.n(); i++) {
                        marks[c][r][i] = !absent && rnd.nextInt(3) == 0;
                        masks[c][r][i] = (byte) (marks[c][r][i] ? 1 + rnd.nextInt(200) : 0); // any non-zero marks
                    }
                }
            }
            check(RaterReference.ofClassMasks(masks), marks, null, su);
        }
    }

    @Test
    void softReferences() {
        Random rnd = new Random(20);
        for (int round = 0; round < 200; round++) {
            Setup su = setup(rnd);
            int nc = su.classes().size();
            float[][] q = new float[nc][su.n()];
            double[][] qd = new double[nc][su.n()];
            for (int c = 0; c < nc; c++) {
                for (int i = 0; i < su.n(); i++) {
                    int pick = rnd.nextInt(6);
                    q[c][i] = pick == 0 ? 0f : pick == 1 ? 1f : pick == 2 ? rnd.nextInt(11) / 10f : rnd.nextFloat();
                    qd[c][i] = q[c][i];
                }
            }
            RaterReference ref = RaterReference.ofSoft(q);
            check(ref, null, qd, su);
            RaterMetrics m = RaterStatistics.compute(ref, su.p(), su.classes(), 1, su.s(), null);
            assertEquals(0, m.raters());
            assertTrue(m.soft());
            assertEquals(0, m.classes().get(0).raterMl().length);
            assertTrue(Double.isNaN(m.classes().get(0).interRaterDice()));
        }
    }

    @Test
    void fullAgreementIsOneRaterRepeated() {
        Random rnd = new Random(22);
        for (int round = 0; round < 50; round++) {
            Setup su = setup(rnd);
            int nc = su.classes().size();
            List<byte[]> same = labelMaps(rnd, 2 + round % 6, su.n(), nc, 2);
            RaterMetrics many = RaterStatistics.compute(RaterReference.ofLabelMaps(same, nc), su.p(), su.classes(), 0.5,
                    su.s().withMargin(Settings.WHOLE_VOLUME), null);
            RaterMetrics one = RaterStatistics.compute(RaterReference.ofLabelMaps(List.of(same.get(0)), nc), su.p(),
                    su.classes(), 0.5, su.s().withMargin(Settings.WHOLE_VOLUME), null);
            assertEquals(su.n(), many.consensusVoxels(), "every voxel agreed");
            for (int c = 0; c < nc; c++) {
                RaterClassMetrics a = many.classes().get(c);
                RaterClassMetrics b = one.classes().get(c);
                assertEquals(1.0, a.interRaterDice(), 0, "identical raters");
                assertEquals(0.0, a.raterMlSd(), 0);
                for (int r = 0; r < same.size(); r++) {
                    assertEquals(b.raterDice()[0], a.raterDice()[r], 0);
                }
                assertEquals(b.consensusDice(), a.consensusDice(), 0);
                assertEquals(a.raterDice()[0], a.consensusDice(), 0, "the consensus is the whole volume");
                assertArrayEquals(new double[] {b.semimetricDice(), b.qubiq(), b.eceVsMean(), b.expectedMl()},
                        new double[] {a.semimetricDice(), a.qubiq(), a.eceVsMean(), a.expectedMl()}, EPS);
            }
        }
    }
}
