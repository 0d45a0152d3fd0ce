package org.dicelens.metrics.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.dicelens.common.Progress;
import org.junit.jupiter.api.Test;

/**
 * The overlay's data against flood fill and all-pairs distances on small random masks (anisotropic, touching the
 * volume's faces, single voxels, empty): every voxel's lesion kind, and every border voxel of the prediction with its
 * distance to the reference border.
 */
class SpatialOverlayBruteForceTest {

    private static boolean[] randomMask(SplittableRandom r, int n, int nx, int ny, int nz) {
        boolean[] m = new boolean[n];
        switch (r.nextInt(5)) {
            case 0 -> { }
            case 1 -> m[r.nextInt(n)] = true;
            case 2 -> {
                double p = 0.05 + 0.4 * r.nextDouble();
                for (int i = 0; i < n; i++) {
                    m[i] = r.nextDouble() < p;
                }
            }
            default -> {
                for (int b = 1 + r.nextInt(4); b > 0; b--) {
                    int x0 = r.nextInt(nx);
                    int y0 = r.nextInt(ny);
                    int z0 = r.nextInt(nz);
                    int x1 = Math.min(nx, x0 + 1 + r.nextInt(4));
                    int y1 = Math.min(ny, y0 + 1 + r.nextInt(4));
                    int z1 = Math.min(nz, z0 + 1 + r.nextInt(3));
                    for (int z = z0; z < z1; z++) {
                        for (int y = y0; y < y1; y++) {
                            for (int x = x0; x < x1; x++) {
                                m[x + nx * (y + ny * z)] = true;
                            }
                        }
                    }
                }
            }
        }
        return m;
    }

    @Test
    void lesionKindsAndBorderDistancesEqualBruteForce() {
        SplittableRandom r = new SplittableRandom(417);
        double[] spacings = {0.5, 1.0, 1.7, 3.0};
        int[] conns = {6, 18, 26};
        int[] seen = new int[LesionMap.Kind.values().length];
        int withDistances = 0;
        for (int trial = 0; trial < 600; trial++) {
            int nx = 1 + r.nextInt(10);
            int ny = 1 + r.nextInt(9);
            int nz = 1 + r.nextInt(7);
            int n = nx * ny * nz;
            double sx = spacings[r.nextInt(4)];
            double sy = spacings[r.nextInt(4)];
            double sz = spacings[r.nextInt(4)];
            int conn = conns[r.nextInt(3)];
            int min = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0;
            boolean[] a = randomMask(r, n, nx, ny, nz);
            boolean[] b = randomMask(r, n, nx, ny, nz);
            Grid g = Grid.of(nx, ny, nz, sx, sy, sz);
            SpatialOptions o = SpatialOptions.defaults().withConnectivity(Connectivity.of(conn)).withMinLesion(min, 0);
            SpatialOverlay ov = SpatialMetrics.overlay(VoxelMask.ofBooleans(a), VoxelMask.ofBooleans(b), null, g, o,
                    Progress.NONE);
            String what = "trial " + trial;

            BruteSpatial brute = new BruteSpatial(nx, ny, nz, sx, sy, sz);
            int[] la = brute.label(a, conn);
            int[] lb = brute.label(b, conn);
            boolean[] keptA = kept(la, min);
            boolean[] keptB = kept(lb, min);
            boolean[] detected = new boolean[keptB.length];
            boolean[] touches = new boolean[keptA.length];
            for (int i = 0; i < n; i++) {
                if (a[i] && b[i] && keptA[la[i]] && keptB[lb[i]]) {
                    detected[lb[i]] = true;
                    touches[la[i]] = true;
                }
            }
            for (int i = 0; i < n; i++) {
                LesionMap.Kind want = LesionMap.Kind.NONE;
                if (b[i] && keptB[lb[i]]) {
                    want = detected[lb[i]] ? LesionMap.Kind.DETECTED : LesionMap.Kind.MISSED;
                } else if (a[i] && keptA[la[i]] && !touches[la[i]]) {
                    want = LesionMap.Kind.FALSE_POSITIVE;
                }
                assertEquals(want, ov.lesions().kindAt(i), what + " voxel " + i);
                seen[want.ordinal()]++;
            }

            int[] ba = brute.border(a);
            int[] bb = brute.border(b);
            if (ba.length == 0 || bb.length == 0) {
                assertNull(ov.predBorder(), what);
                assertTrue(Double.isNaN(ov.maxDistanceMm()) && ov.reason() != null, what);
                continue;
            }
            withDistances++;
            double[] d = brute.directed(ba, bb);
            assertEquals(ba.length, ov.predBorder().count(), what);
            double max = 0;
            for (int k = 0; k < ba.length; k++) {
                assertEquals(ba[k], ov.predBorder().voxel(k), what);
                assertEquals(d[k], ov.predBorder().distanceAt(ba[k]), 1e-9, what);
                max = Math.max(max, d[k]);
            }
            assertEquals(max, ov.maxDistanceMm(), 1e-9, what);
            for (int i = 0; i < n; i++) {
                boolean onBorder = java.util.Arrays.binarySearch(ba, i) >= 0;
                assertEquals(!onBorder, Double.isNaN(ov.predBorder().distanceAt(i)), what + " voxel " + i);
            }
        }
        for (LesionMap.Kind k : LesionMap.Kind.values()) {
            assertTrue(seen[k.ordinal()] > 500, k + " seen " + seen[k.ordinal()]);
        }
        assertTrue(withDistances > 200, "trials with distances: " + withDistances);
    }

    private static boolean[] kept(int[] labels, int min) {
        int count = BruteSpatial.count(labels);
        int[] size = new int[count];
        for (int l : labels) {
            if (l >= 0) {
                size[l]++;
            }
        }
        boolean[] k = new boolean[count];
        for (int c = 0; c < count; c++) {
            k[c] = size[c] >= min;
        }
        return k;
    }
}
