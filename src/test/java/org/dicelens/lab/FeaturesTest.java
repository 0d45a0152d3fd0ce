package org.dicelens.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

class FeaturesTest {

    @Test
    void boxMeanMatchesBruteForceClippedAtTheEdges() {
        Geometry g = Geometry.ofSpacing(7, 5, 4, 1, 1, 2);
        SplittableRandom rnd = new SplittableRandom(2);
        float[] v = new float[g.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextDouble(-5, 5);
        }
        int[] h = {2, 1, 1};
        float[] m = Features.boxMean(g, v, h);
        for (int z = 0; z < 4; z++) {
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 7; x++) {
                    double s = 0;
                    int n = 0;
                    for (int c = Math.max(0, z - 1); c <= Math.min(3, z + 1); c++) {
                        for (int b = Math.max(0, y - 1); b <= Math.min(4, y + 1); b++) {
                            for (int a = Math.max(0, x - 2); a <= Math.min(6, x + 2); a++) {
                                s += v[g.index(a, b, c)];
                                n++;
                            }
                        }
                    }
                    assertEquals(s / n, m[g.index(x, y, z)], 1e-5);
                }
            }
        }
    }

    @Test
    void scalesAreInMillimetres() {
        Geometry g = Geometry.ofSpacing(4, 4, 4, 1, 1, 2);
        assertArrayEquals(new int[] {3, 3, 2}, Features.halfWidths(g, 3)); // 3 mm: 3 voxels of 1 mm, 1.5 → 2 of 2 mm
    }

    /** A ramp of 5 per mm along y has gradient magnitude 5 everywhere (one-sided differences are exact on it). */
    @Test
    void gradientOfARamp() {
        Geometry g = Geometry.ofSpacing(3, 6, 3, 1, 2, 1);
        float[] v = new float[g.voxelCount()];
        for (int z = 0; z < 3; z++) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 3; x++) {
                    v[g.index(x, y, z)] = 10 * y; // 10 per voxel of 2 mm
                }
            }
        }
        for (float f : Features.gradientMagnitude(g, v)) {
            assertEquals(5, f, 1e-5);
        }
    }

    @Test
    void standardisationCentresAndScales() {
        float[][] a = {{1, 2, 3}, {5, 5, 5}};
        float[][] b = {{4, 5, 6}, {5, 5, 5}};
        Features.Standardisation s = Features.Standardisation.of(List.of(a, b));
        assertEquals(3.5, s.mean()[0], 1e-12);
        assertEquals(Math.sqrt(17.5 / 6), s.sd()[0], 1e-12); // population sd of 1..6
        assertEquals(1, s.sd()[1], 0, "a constant feature keeps sd 1");
        s.apply(a);
        assertEquals((1 - 3.5) / Math.sqrt(17.5 / 6), a[0][0], 1e-6);
        assertEquals(0, a[1][2], 0);
    }

    @Test
    void featureCountMatchesNames() {
        Geometry g = Geometry.ofSpacing(6, 6, 3, 1, 1, 2);
        float[][] f = Features.compute(g, new float[g.voxelCount()]);
        assertEquals(Features.NAMES.size(), f.length);
        // intensity is the image itself; the sd of a constant image is 0
        assertEquals(0, f[5][10], 0);
    }
}
