package org.dicelens.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PhantomPredictionTest {
    private static final PhantomSpec SPEC = PhantomSpec.lesion().withSize(24, 24, 12).withSpacing(2, 2, 3).withLesions(3, 4)
            .withWidth(2).withSharpness(3).withSeed(9);

    @Test
    void calibratedIsQAndTemperedPredictionsFollowTheLogitFormula() {
        Phantom p = PhantomGenerator.generate(SPEC);
        float[] q = p.q()[1];
        assertArrayEquals(q, p.prediction(PhantomPrediction.CALIBRATED)[1]);
        float[][] over = p.prediction(PhantomPrediction.OVERCONFIDENT);
        float[][] under = p.prediction(PhantomPrediction.UNDERCONFIDENT);
        for (int i = 0; i < q.length; i++) {
            if (q[i] > 0 && q[i] < 1) {
                double logit = Math.log(q[i] / (1 - (double) q[i]));
                // binary: p ∝ q^k  <=>  p = sigmoid(k · logit q)
                assertEquals(1 / (1 + Math.exp(-3 * logit)), over[1][i], 1e-5);
                assertEquals(1 / (1 + Math.exp(-logit / 3)), under[1][i], 1e-5);
            }
            assertEquals(1.0, over[0][i] + over[1][i], 1e-6);
            assertEquals(1.0, under[0][i] + under[1][i], 1e-6);
        }
    }

    @Test
    void multiClassTemperedPredictionsSumToOne() {
        Phantom p = PhantomGenerator.generate(PhantomTest.small().withSharpness(5));
        for (PhantomPrediction kind : PhantomPrediction.values()) {
            float[][] pr = p.prediction(kind);
            for (int i = 0; i < pr[0].length; i++) {
                assertEquals(1.0, pr[0][i] + pr[1][i] + pr[2][i] + pr[3][i], 1e-5, kind + " voxel " + i);
            }
        }
    }

    /** Worked by hand: q = 0.9, 0.6, 0.2, 0.1, Σq = 1.8; D(k) = 1.8/2.8, 3.0/3.8, 3.4/4.8, 3.6/5.8, best at k = 2. */
    @Test
    void diceOptimalHandWorked() {
        PhantomDiceOptimal.Result r = PhantomDiceOptimal.of(new float[] {0.2f, 0.9f, 0.1f, 0.6f});
        assertEquals(2, r.k());
        assertEquals(0.6, r.threshold(), 1e-7);
        assertEquals(3.0 / 3.8, r.expectedDice(), 1e-6);
        assertEquals(1.8, r.expectedCount(), 1e-6);
        assertArrayEquals(new byte[] {0, 1, 0, 1}, PhantomDiceOptimal.mask(new float[] {0.2f, 0.9f, 0.1f, 0.6f}, r));
        assertEquals(0, PhantomDiceOptimal.of(new float[3]).k());
    }

    /** Brute force over every subset of a few voxels: no subset beats the top-k* set. */
    @Test
    void diceOptimalBeatsEverySubset() {
        Random rnd = new Random(2);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(9);
            float[] q = new float[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                q[i] = rnd.nextInt(4) == 0 ? 0.5f : rnd.nextFloat(); // ties included
                total += q[i];
            }
            double best = 0;
            for (int s = 1; s < 1 << n; s++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += (s >> i & 1) * q[i];
                }
                best = Math.max(best, 2 * sum / (Integer.bitCount(s) + total));
            }
            PhantomDiceOptimal.Result r = PhantomDiceOptimal.of(q);
            assertEquals(best, r.expectedDice(), 1e-6);
            byte[] m = PhantomDiceOptimal.mask(q, r);
            int k = 0;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                k += m[i];
                sum += m[i] * q[i];
            }
            assertEquals(r.k(), k);
            assertEquals(best, 2 * sum / (k + total), 1e-6);
        }
    }

    @Test
    void multiClassDiceOptimalKeepsTheRarestClassWhole() {
        Phantom p = PhantomGenerator.generate(PhantomTest.small().withLesions(3, 3.5));
        float[][] d = p.prediction(PhantomPrediction.DICE_OPTIMAL);
        byte[] lesionSet = PhantomDiceOptimal.mask(p.q()[3], PhantomDiceOptimal.of(p.q()[3]));
        for (int i = 0; i < lesionSet.length; i++) {
            assertEquals(lesionSet[i], d[3][i], 0f, "voxel " + i);
            assertEquals(1f, d[0][i] + d[1][i] + d[2][i] + d[3][i]);
        }
        // white matter keeps its Dice-optimal set minus the lesion voxels
        byte[] whiteSet = PhantomDiceOptimal.mask(p.q()[1], PhantomDiceOptimal.of(p.q()[1]));
        for (int i = 0; i < whiteSet.length; i++) {
            assertEquals(whiteSet[i] == 1 && lesionSet[i] == 0 ? 1f : 0f, d[1][i], "voxel " + i);
        }
    }

    @Test
    void diceOptimalPredictionIsOneHotAndOverEstimatesSmallUncertainLesions() {
        Phantom p = PhantomGenerator.generate(SPEC.withWidth(3).withLesions(6, 2.5));
        float[][] d = p.prediction(PhantomPrediction.DICE_OPTIMAL);
        double hard = 0;
        for (int i = 0; i < d[0].length; i++) {
            assertTrue(d[1][i] == 0 || d[1][i] == 1);
            assertEquals(1f, d[0][i] + d[1][i]);
            hard += d[1][i];
        }
        PhantomDiceOptimal.Result r = PhantomDiceOptimal.of(p.q()[1]);
        assertEquals(r.k(), hard, 0.0);
        // small lesions with wide boundaries: the Dice-optimal set is larger than the expected volume Σq
        assertTrue(hard > r.expectedCount(), "k* = " + hard + " vs Σq = " + r.expectedCount());
    }
}
