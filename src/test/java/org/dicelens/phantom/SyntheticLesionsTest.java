package org.dicelens.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

class SyntheticLesionsTest {

    static final SyntheticLesions.Spec SPEC = new SyntheticLesions.Spec(32, 32, 16, 1, 1, 2, 3, 3, 4, 60, 15, 0.1, 1.5);

    @Test
    void posteriorFallsLinearlyAcrossTheBand() {
        assertEquals(1, SyntheticLesions.q(0, 3, 4));
        assertEquals(1, SyntheticLesions.q(1, 3, 4));
        assertEquals(0.75, SyntheticLesions.q(2, 3, 4), 1e-12);
        assertEquals(0.5, SyntheticLesions.q(3, 3, 4), 1e-12);
        assertEquals(0, SyntheticLesions.q(5, 3, 4));
        assertEquals(1, SyntheticLesions.q(3, 3, 0));
        assertEquals(0, SyntheticLesions.q(3.001, 3, 0));
    }

    /** Φ against values from scipy.stats.norm.cdf: 0.5, 0.8413447460685429, 0.024997895148220435, 0.9986501019683699. */
    @Test
    void normalCdf() {
        assertEquals(0.5, SyntheticLesions.phi(0), 1e-7);
        assertEquals(0.8413447460685429, SyntheticLesions.phi(1), 1e-7);
        assertEquals(0.024997895148220435, SyntheticLesions.phi(-1.96), 1e-7);
        assertEquals(0.9986501019683699, SyntheticLesions.phi(3), 1e-7);
    }

    @Test
    void sameSeedSameCaseOtherSeedOtherCase() {
        LabCase a = SyntheticLesions.generate(SPEC, 7, "a");
        LabCase b = SyntheticLesions.generate(SPEC, 7, "b");
        LabCase c = SyntheticLesions.generate(SPEC, 8, "c");
        assertArrayEquals(a.image(), b.image());
        assertArrayEquals(a.q(), b.q());
        assertArrayEquals(a.reference(), b.reference());
        assertFalse(Arrays.equals(a.q(), c.q()));
    }

    @Test
    void qAndReferenceAgreeWhereTheyMust() {
        LabCase c = SyntheticLesions.generate(SPEC, 3, "x");
        int certain = 0;
        int uncertain = 0;
        for (int i = 0; i < c.voxelCount(); i++) {
            float q = c.q()[i];
            assertTrue(q >= 0 && q <= 1);
            if (q == 0) {
                assertEquals(0, c.reference()[i], "nothing is drawn where q = 0");
            } else if (q == 1) {
                assertEquals(1, c.reference()[i], "everything is drawn where q = 1");
                certain++;
            } else {
                uncertain++;
            }
        }
        assertTrue(certain > 0 && uncertain > 0);
        // Σq of one lesion: ∫ q 4πd² dd = 4π/3 a³ + (4π/w)[b d³/3 − d⁴/4]_a^b with a = r − w/2 = 1, b = r + w/2 = 5,
        // = 4π/3 + π(625/3 − 625/4 − 5/3 + 1/4) = 163.4 mm³ (45 % above the r = 3 ball: the band's outer half is larger)
        double one = 4 * Math.PI / 3 + Math.PI * (625.0 / 3 - 625.0 / 4 - 5.0 / 3 + 1.0 / 4);
        assertEquals(3 * one / 2, c.expectedVoxels(), 0.02 * 3 * one / 2); // voxels of 2 mm³
    }

    /** P(r = 1) = q: over many cases, the fraction drawn in each band of q matches the band's mean q. */
    @Test
    void referenceIsASampleOfQ() {
        double[] drawn = new double[5];
        double[] qsum = new double[5];
        double[] count = new double[5];
        for (int s = 0; s < 40; s++) {
            LabCase c = SyntheticLesions.generate(SPEC, 100 + s, "x");
            for (int i = 0; i < c.voxelCount(); i++) {
                float q = c.q()[i];
                if (q > 0 && q < 1) {
                    int bin = Math.min(4, (int) (q * 5));
                    drawn[bin] += c.reference()[i];
                    qsum[bin] += q;
                    count[bin]++;
                }
            }
        }
        for (int b = 0; b < 5; b++) {
            assertTrue(count[b] > 1000);
            assertEquals(qsum[b] / count[b], drawn[b] / count[b], 0.04, "band " + b);
        }
    }

    @Test
    void raterLevelsAreUniformAndSmooth() {
        Geometry g = Geometry.ofSpacing(30, 30, 15, 1, 1, 2);
        double[] u = SyntheticLesions.raterLevels(g, 1.5, new SplittableRandom(4));
        int below = 0;
        double neighbourDiff = 0;
        for (int i = 0; i < u.length; i++) {
            assertTrue(u[i] > 0 && u[i] < 1);
            if (u[i] < 0.3) {
                below++;
            }
            if (i % 30 != 29) {
                neighbourDiff += Math.abs(u[i + 1] - u[i]);
            }
        }
        assertEquals(0.3, below / (double) u.length, 0.05);
        // independent uniforms differ by 1/3 on average; smoothed neighbours much less
        assertTrue(neighbourDiff / (u.length - 450) < 0.2);
        double[] white = SyntheticLesions.raterLevels(g, 0, new SplittableRandom(4));
        double d = 0;
        for (int i = 0; i + 1 < white.length; i++) {
            d += Math.abs(white[i + 1] - white[i]);
        }
        assertEquals(1.0 / 3, d / (white.length - 1), 0.02);
    }

    @Test
    void lesionsThatCannotFitAreRefused() {
        SyntheticLesions.Spec crowded = SPEC.withLesions(40, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticLesions.generate(crowded, 1, "x"));
        assertTrue(e.getMessage().startsWith("cannot place 40 separate lesions of radius 3.0 mm"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SyntheticLesions.generate(SPEC.withDims(4, 4, 4), 1, "x"));
    }

    @Test
    void samePlacesAtEveryWidthForOnePlacementBand() {
        LabCase narrow = SyntheticLesions.generate(SPEC.withWidth(0), 9, "n", 6);
        LabCase wide = SyntheticLesions.generate(SPEC.withWidth(6), 9, "w", 6);
        for (int i = 0; i < narrow.voxelCount(); i++) {
            if (narrow.q()[i] == 1) {
                assertTrue(wide.q()[i] >= 0.5, "a voxel inside a sharp lesion is inside the wide one's q ≥ 0.5");
            }
        }
    }
}
