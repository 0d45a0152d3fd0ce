package org.dicelens.lab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

class FeaturesTest {

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
