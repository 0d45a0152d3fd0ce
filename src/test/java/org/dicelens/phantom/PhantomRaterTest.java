package org.dicelens.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Monte Carlo: over many raters, the frequency of each label at each voxel is q (P(label = c) = q_c). */
class PhantomRaterTest {
    @Test
    void labelFrequenciesMatchThePosterior() {
        for (PhantomKind kind : PhantomKind.values()) {
            PhantomSpec spec = PhantomSpec.brain().withKind(kind).withSize(20, 18, 10).withSpacing(2.5, 2.5, 3.5)
                    .withLesions(3, 4).withWidth(2.5).withSeed(21);
            Phantom p = PhantomGenerator.generate(spec);
            int raters = 3000;
            int channels = p.q().length;
            int n = p.geometry().voxelCount();
            int[][] counts = new int[channels][n];
            for (int r = 0; r < raters; r++) {
                byte[] labels = p.rater(r);
                for (int i = 0; i < n; i++) {
                    counts[labels[i]][i]++;
                }
            }
            int uncertain = 0;
            double worst = 0;
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < n; i++) {
                    double q = p.q()[c][i];
                    double f = counts[c][i] / (double) raters;
                    double sd = Math.sqrt(q * (1 - q) / raters);
                    // 5.5 binomial standard deviations (plus one count) for ~20,000 voxel-class pairs
                    double z = Math.abs(f - q) / (sd + 1.0 / raters);
                    worst = Math.max(worst, z);
                    assertTrue(z < 5.5, kind + " class " + c + " voxel " + i + ": frequency " + f + " vs q " + q);
                    uncertain += q > 0.05 && q < 0.95 ? 1 : 0;
                    if (q == 0 || q == 1) {
                        assertEquals(q, f, 0.0, "certain voxels are always labelled the same");
                    }
                }
            }
            assertTrue(uncertain > 200, kind + ": enough uncertain voxels to test (" + uncertain + ")");
            assertTrue(worst > 1, "the test is not vacuous");
        }
    }

    @Test
    void raterSamplesAreSpatiallyCoherent() {
        // one uniform per structure: within one lesion, a rater's labels are a solid ball (every voxel with a higher
        // q than a labelled voxel of that lesion is labelled too)
        PhantomSpec spec = PhantomSpec.lesion().withSize(24, 24, 16).withSpacing(1.5, 1.5, 2).withLesions(1, 5).withWidth(2)
                .withSeed(4);
        Phantom p = PhantomGenerator.generate(spec);
        float[] q = p.q()[1];
        for (int r = 0; r < 20; r++) {
            byte[] l = p.rater(r);
            float minLabelled = 2;
            float maxUnlabelled = -1;
            for (int i = 0; i < q.length; i++) {
                if (l[i] == 1) {
                    minLabelled = Math.min(minLabelled, q[i]);
                } else {
                    maxUnlabelled = Math.max(maxUnlabelled, q[i]);
                }
            }
            assertTrue(minLabelled >= maxUnlabelled, "rater " + r + ": a level set of q");
        }
    }
}
