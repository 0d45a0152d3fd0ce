package org.dicelens.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

class BoxMeanTest {

    @Test
    void boxMeanMatchesBruteForceClippedAtTheEdges() {
        Geometry g = Geometry.ofSpacing(7, 5, 4, 1, 1, 2);
        SplittableRandom rnd = new SplittableRandom(2);
        float[] v = new float[g.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextDouble(-5, 5);
        }
        int[] h = {2, 1, 1};
        float[] m = BoxMean.of(g, v, h);
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
        assertArrayEquals(new int[] {3, 3, 2}, BoxMean.halfWidths(g, 3)); // 3 mm: 3 voxels of 1 mm, 1.5 → 2 of 2 mm
    }
}
