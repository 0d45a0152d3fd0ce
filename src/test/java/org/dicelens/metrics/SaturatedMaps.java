package org.dicelens.metrics;

import java.util.Random;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;

/**
 * Test maps that are mostly exactly 0 or 1, as real softmax maps are: a reference with a block of labels 1 and 2 in
 * background 0, and three channels whose values are, per voxel and channel, saturated the way the reference agrees
 * ({@code agree} in 10), saturated either way ({@code either} in 10: disagreeing 0s and 1s, ties), or anything else
 * (with {@code edges}: half of those at 0.0004 or just below 1, the first and last bins beside the saturated ones).
 */
record SaturatedMaps(Case asCase, byte[] ref, float[][] p) {
    static final int CLASSES = 3;

    static SaturatedMaps of(long seed, int nx, int ny, int nz, int agree, int either, boolean edges) {
        Random rnd = new Random(seed);
        int n = nx * ny * nz;
        byte[] ref = new byte[n];
        float[][] p = new float[CLASSES][n];
        for (int i = 0; i < n; i++) {
            int x = i % nx;
            int y = i / nx % ny;
            int z = i / (nx * ny);
            boolean inBlock = x > nx / 3 && x < 2 * nx / 3 + 1 && y > ny / 3 && y < 2 * ny / 3 + 1 && z > nz / 4
                    && z < 2 * nz / 3 + 1;
            ref[i] = (byte) (inBlock ? 1 + rnd.nextInt(2) : 0);
            for (int c = 0; c < CLASSES; c++) {
                int kind = rnd.nextInt(10);
                boolean own = ref[i] == c;
                p[c][i] = kind < agree ? (own ? 1f : 0f) : kind < agree + either ? (rnd.nextBoolean() ? 0f : 1f)
                        : edges && rnd.nextBoolean() ? (rnd.nextBoolean() ? 0.0004f : Math.nextDown(1f)) : rnd.nextFloat();
            }
        }
        Case c = TestCases.of("saturated", Geometry.ofSpacing(nx, ny, nz, 1, 1, 1), ref, p, 0, 1, 2);
        return new SaturatedMaps(c, ref, p);
    }
}
