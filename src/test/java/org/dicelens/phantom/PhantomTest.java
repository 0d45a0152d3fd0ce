package org.dicelens.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dicelens.volume.Case;
import org.junit.jupiter.api.Test;

class PhantomTest {
    /** A small anisotropic brain phantom, quick to make. */
    static PhantomSpec small() {
        return PhantomSpec.brain().withSize(24, 22, 14).withSpacing(2, 2.5, 3).withLesions(3, 3).withWidth(2).withSeed(5);
    }

    @Test
    void posteriorSumsToOneEverywhereForBothKinds() {
        for (PhantomSpec spec : new PhantomSpec[] {small(), small().withKind(PhantomKind.LESION), small().withWidth(0.5)}) {
            Phantom p = PhantomGenerator.generate(spec);
            float[][] q = p.q();
            assertEquals(spec.kind() == PhantomKind.BRAIN ? 4 : 2, q.length);
            assertEquals(q.length, p.classes().size());
            for (int i = 0; i < q[0].length; i++) {
                double s = 0;
                for (float[] c : q) {
                    assertTrue(c[i] >= 0 && c[i] <= 1);
                    s += c[i];
                }
                assertEquals(1.0, s, 1e-6, "voxel " + i);
            }
            // with a narrow boundary every class is nearly certain somewhere (the grey-matter shell of this small
            // head is only ~5 mm thick, so at width 2 mm its q never gets near 1)
            if (spec.widthMm() < 1) {
                for (float[] c : q) {
                    assertTrue(max(c) > 0.9, "some voxel is nearly certain of each class");
                }
            }
        }
    }

    @Test
    void sameSpecSameCaseOtherSeedOtherCase() {
        Phantom a = PhantomGenerator.generate(small());
        Phantom b = PhantomGenerator.generate(small());
        Phantom c = PhantomGenerator.generate(small().withSeed(6));
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(a.q()[k], b.q()[k]);
        }
        assertArrayEquals(a.image(), b.image());
        assertArrayEquals(a.reference(), b.reference());
        assertArrayEquals(a.rater(3), b.rater(3));
        assertFalse(Arrays.equals(a.q()[1], c.q()[1]));
        assertFalse(Arrays.equals(a.rater(1), a.rater(2)), "raters differ from each other");
    }

    /** The lesion posterior is the logistic of the Euclidean distance in mm, computed here from the lesion's centre. */
    @Test
    void lesionPosteriorIsLogisticOfDistanceInMm() {
        PhantomSpec spec = small().withLesions(1, 4).withWidth(1.5);
        Phantom p = PhantomGenerator.generate(spec);
        assertEquals(1, p.lesions().size());
        PhantomLesion l = p.lesions().get(0);
        float[] q3 = p.q()[3];
        int checked = 0;
        for (int z = 0; z < spec.nz(); z++) {
            for (int y = 0; y < spec.ny(); y++) {
                for (int x = 0; x < spec.nx(); x++) {
                    double dx = x * 2 - l.cx();
                    double dy = y * 2.5 - l.cy();
                    double dz = z * 3 - l.cz();
                    double d = Math.sqrt(dx * dx + dy * dy + dz * dz) - l.radiusMm();
                    double expected = 1 / (1 + Math.exp(d / 1.5));
                    // q is the logistic rounded to a multiple of 1/2048: within half a step of it
                    assertEquals(expected, q3[x + spec.nx() * (y + spec.ny() * z)], 0.5 / 2048 + 1e-7);
                    checked += expected > 0.01 && expected < 0.99 ? 1 : 0;
                }
            }
        }
        assertTrue(checked > 10, "the boundary band holds uncertain voxels");
    }

    @Test
    void sharpBoundaryGivesTheSphereVolumeOnAnAnisotropicGrid() {
        PhantomSpec spec = PhantomSpec.lesion().withSize(40, 40, 24).withSpacing(1, 1, 2).withLesions(1, 6).withWidth(0)
                .withSeed(8);
        Phantom p = PhantomGenerator.generate(spec);
        double r = p.lesions().get(0).radiusMm();
        double voxels = 0;
        for (float v : p.q()[1]) {
            voxels += v;
        }
        double sphere = 4.0 / 3 * Math.PI * r * r * r / 2.0; // mm³ over the 2 mm³ voxel
        assertEquals(sphere, voxels, 0.12 * sphere);
        for (float v : p.q()[1]) {
            assertTrue(v == 0 || v == 1 || v == 0.5f, "width 0: q is 0, 1 or exactly 0.5 on the surface");
        }
    }

    @Test
    void imageFollowsTheClassMixWithoutNoiseOrBias() {
        Phantom p = PhantomGenerator.generate(small().withImage(0, 0));
        float[][] q = p.q();
        double[] mu = {0, 750, 500, 1000}; // background, white matter, grey matter, lesion (× 1000)
        for (int i = 0; i < p.image().length; i++) {
            double e = q[0][i] * mu[0] + q[1][i] * mu[1] + q[2][i] * mu[2] + q[3][i] * mu[3];
            assertEquals(Math.rint(e), p.image()[i], 1e-3); // stored as whole numbers (int16 on disk)
        }
        Phantom noisy = PhantomGenerator.generate(small().withImage(0.1, 0.2));
        double[] diff = new double[p.image().length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = noisy.image()[i] - p.image()[i];
        }
        // noise sd 0.1 × 750 = 75 on top of a bias of at most ±20 %: residual sd between 60 and 200
        double sd = Math.sqrt(Arrays.stream(diff).map(d -> d * d).average().orElse(0));
        assertTrue(sd > 60 && sd < 200, "residual sd " + sd);
    }

    @Test
    void toCaseCarriesGeometryClassesReferenceAndPrediction() {
        Phantom p = PhantomGenerator.generate(small());
        Case c = p.toCase(PhantomPrediction.OVERCONFIDENT);
        assertSame(p.geometry(), c.geometry());
        assertEquals(4, c.classCount());
        assertEquals("lesion", c.classes().get(3).name());
        assertArrayEquals(p.reference(), c.referenceClass());
        assertArrayEquals(p.prediction(PhantomPrediction.OVERCONFIDENT)[2], c.prediction().channels()[2]);
        assertArrayEquals(p.image(), c.image().values());
        assertEquals(2 * 2.5 * 3 / 1000.0, c.geometry().voxelMl(), 1e-12);
        assertEquals("RAS", c.geometry().orientation());
    }

    private static float max(float[] a) {
        float m = 0;
        for (float v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
