package org.dicelens.metrics.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.dicelens.common.Progress;
import org.junit.jupiter.api.Test;

/**
 * Every number of {@link SpatialMetrics} against {@link BruteSpatial} on many small random volumes: anisotropic
 * spacing, dimensions down to 1, masks touching the volume's faces, single voxels, empty masks, regions, 6/18/26
 * connectivity, minimum lesion sizes and the Dice detection rule.
 */
class SpatialBruteForceTest {
    private static final double[] SPACINGS = {0.5, 0.8, 1.0, 1.7, 3.1, 5.0};
    private static final double[] TAUS = {0.0, 0.5, 1.0, 2.0, 3.3};
    private static final int[] CONNECTIVITY = {6, 18, 26};

    /** A random mask: noise of some density, or a few random boxes (blobs touching the faces often). */
    private static boolean[] randomMask(SplittableRandom r, int nx, int ny, int nz) {
        boolean[] m = new boolean[nx * ny * nz];
        int kind = r.nextInt(6);
        if (kind == 0) {
            return m; // empty
        }
        if (kind == 1) {
            m[r.nextInt(m.length)] = true; // a single voxel
            return m;
        }
        if (kind == 2) {
            double p = 0.05 + 0.6 * r.nextDouble();
            for (int i = 0; i < m.length; i++) {
                m[i] = r.nextDouble() < p;
            }
            return m;
        }
        int boxes = 1 + r.nextInt(4);
        for (int b = 0; b < boxes; b++) {
            int x0 = r.nextInt(nx);
            int y0 = r.nextInt(ny);
            int z0 = r.nextInt(nz);
            int x1 = Math.min(nx, x0 + 1 + r.nextInt(nx));
            int y1 = Math.min(ny, y0 + 1 + r.nextInt(ny));
            int z1 = Math.min(nz, z0 + 1 + r.nextInt(nz));
            for (int z = z0; z < z1; z++) {
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        m[x + nx * (y + ny * z)] = true;
                    }
                }
            }
        }
        return m;
    }

    @Test
    void surfaceAndLesionMetricsEqualBruteForceOnRandomMasks() {
        SplittableRandom r = new SplittableRandom(20261203);
        int[] byStatus = new int[Status.values().length];
        int manyLesions = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int nx = 1 + r.nextInt(11);
            int ny = 1 + r.nextInt(11);
            int nz = 1 + r.nextInt(9);
            double sx = SPACINGS[r.nextInt(SPACINGS.length)];
            double sy = SPACINGS[r.nextInt(SPACINGS.length)];
            double sz = SPACINGS[r.nextInt(SPACINGS.length)];
            boolean[] a = randomMask(r, nx, ny, nz);
            boolean[] b = r.nextInt(8) == 0 ? a.clone() : randomMask(r, nx, ny, nz);
            boolean[] region = r.nextInt(4) == 0 ? randomMask(r, nx, ny, nz) : null;
            SpatialOptions o = SpatialOptions.defaults().withNsdTolerance(TAUS[r.nextInt(TAUS.length)])
                    .withConnectivity(Connectivity.of(CONNECTIVITY[r.nextInt(3)]))
                    .withMinLesion(r.nextInt(4) == 0 ? r.nextInt(4) : 0, 0)
                    .withDetectionDice(r.nextBoolean() ? Double.NaN : 0.1 + 0.8 * r.nextDouble())
                    .withKeepDistances(true).withWorkers(1 + r.nextInt(3));
            String what = "trial " + trial + " " + nx + "x" + ny + "x" + nz + " spacing " + sx + "," + sy + "," + sz;
            SpatialResult res = check(what, nx, ny, nz, sx, sy, sz, a, b, region, o);
            byStatus[res.surface().status().ordinal()]++;
            manyLesions += res.lesions().referenceLesions() > 2 && res.lesions().falsePositive() > 0 ? 1 : 0;
        }
        // the random cases really cover each situation
        assertEquals(true, byStatus[Status.DEFINED.ordinal()] > 1000, "defined cases " + byStatus[0]);
        assertEquals(true, byStatus[Status.EMPTY.ordinal()] > 30, "both-empty cases");
        assertEquals(true, byStatus[Status.UNDEFINED.ordinal()] > 150, "one-empty cases");
        assertEquals(true, manyLesions > 40, "cases with several lesions and false positives: " + manyLesions);
    }

    @Test
    void rowsLongerThanOneWordAndPlanesCrossingWords() {
        // the border code shifts packed 64-voxel words: rows of 60..130 voxels start and end inside words
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 60; trial++) {
            int nx = 60 + r.nextInt(71);
            int ny = 1 + r.nextInt(4);
            int nz = 1 + r.nextInt(4);
            double sx = SPACINGS[r.nextInt(SPACINGS.length)];
            double sy = SPACINGS[r.nextInt(SPACINGS.length)];
            double sz = SPACINGS[r.nextInt(SPACINGS.length)];
            boolean[] a = randomMask(r, nx, ny, nz);
            boolean[] b = randomMask(r, nx, ny, nz);
            SpatialOptions o = SpatialOptions.defaults().withNsdTolerance(TAUS[r.nextInt(TAUS.length)])
                    .withConnectivity(Connectivity.of(CONNECTIVITY[r.nextInt(3)])).withKeepDistances(true)
                    .withWorkers(1 + r.nextInt(2));
            check("long rows " + trial + " " + nx + "x" + ny + "x" + nz, nx, ny, nz, sx, sy, sz, a, b, null, o);
        }
    }

    @Test
    void rowsWhoseSourcesAreFarUseTheWholeRowEnvelope() {
        // Queries far from every source make the outward scan of the last pass exceed its budget, so the row is
        // redone through the lower envelope: a long bar against a small blob at its far end, and against a blob in
        // another plane, with anisotropic voxels.
        int nx = 150;
        int ny = 3;
        int nz = 4;
        boolean[] bar = new boolean[nx * ny * nz];
        for (int x = 0; x < nx - 2; x++) {
            bar[x + nx * (1 + ny * 1)] = true;
            bar[x + nx * (2 + ny * 1)] = true;
        }
        boolean[] blobEnd = new boolean[nx * ny * nz];
        blobEnd[nx - 1] = true;
        blobEnd[nx - 2 + nx * (ny * 3)] = true;
        boolean[] blobOther = new boolean[nx * ny * nz];
        blobOther[70 + nx * (ny * 3)] = true;
        blobOther[3 + nx * (2 + ny * 3)] = true;
        SpatialOptions o = SpatialOptions.defaults().withKeepDistances(true).withNsdTolerance(5);
        check("far end", nx, ny, nz, 0.8, 1.7, 3.1, bar, blobEnd, null, o);
        check("far end, reversed", nx, ny, nz, 1.0, 1.0, 1.0, blobEnd, bar, null, o);
        check("other plane", nx, ny, nz, 0.5, 5.0, 1.0, bar, blobOther, null, o.withWorkers(2));
    }

    static SpatialResult check(String what, int nx, int ny, int nz, double sx, double sy, double sz, boolean[] a, boolean[] b,
            boolean[] region, SpatialOptions o) {
        BruteSpatial brute = new BruteSpatial(nx, ny, nz, sx, sy, sz);
        Grid g = Grid.of(nx, ny, nz, sx, sy, sz);
        SpatialResult res = SpatialMetrics.compute(VoxelMask.ofBooleans(a), VoxelMask.ofBooleans(b),
                region == null ? null : VoxelMask.ofBooleans(region), g, o, Progress.NONE);
        boolean[] ar = a.clone();
        boolean[] br = b.clone();
        if (region != null) {
            for (int i = 0; i < a.length; i++) {
                ar[i] &= region[i];
                br[i] &= region[i];
            }
        }
        checkSurface(what, brute, ar, br, o.nsdToleranceMm(), res.surface());
        checkLesions(what, brute, g, ar, br, o, res.lesions());
        return res;
    }

    static void checkSurface(String what, BruteSpatial brute, boolean[] a, boolean[] b, double tau, SurfaceMetrics s) {
        int[] ba = brute.border(a);
        int[] bb = brute.border(b);
        if (ba.length == 0 && bb.length == 0) {
            assertEquals(Status.EMPTY, s.status(), what);
            assertEquals(0.0, s.hd(), what);
            assertEquals(0.0, s.hd95(), what);
            assertEquals(0.0, s.assd(), what);
            assertEquals(0.0, s.masd(), what);
            assertEquals(1.0, s.nsd(), what);
            return;
        }
        if (ba.length == 0 || bb.length == 0) {
            assertEquals(Status.UNDEFINED, s.status(), what);
            assertNull(s.hd(), what);
            assertNull(s.hd95(), what);
            assertNull(s.assd(), what);
            assertNull(s.masd(), what);
            assertNull(s.nsd(), what);
            assertEquals(true, s.reason().contains(ba.length == 0 ? "prediction" : "reference"), what);
            return;
        }
        double[] dab = brute.directed(ba, bb);
        double[] dba = brute.directed(bb, ba);
        assertEquals(Status.DEFINED, s.status(), what);
        assertArrayEquals(ba, s.predBorder().voxels(), what);
        assertArrayEquals(bb, s.refBorder().voxels(), what);
        assertArrayEquals(dab, s.predBorder().distances(), 1e-9, what);
        assertArrayEquals(dba, s.refBorder().distances(), 1e-9, what);
        double maxAb = 0;
        double maxBa = 0;
        double sum = 0;
        double sumAb = 0;
        double sumBa = 0;
        int within = 0;
        for (double d : dab) {
            maxAb = Math.max(maxAb, d);
            sumAb += d;
            within += d <= tau ? 1 : 0;
        }
        for (double d : dba) {
            maxBa = Math.max(maxBa, d);
            sumBa += d;
            within += d <= tau ? 1 : 0;
        }
        sum = sumAb + sumBa;
        assertEquals(Math.max(maxAb, maxBa), s.hd(), 1e-9, what);
        assertEquals(Math.max(BruteSpatial.percentile(dab, 95), BruteSpatial.percentile(dba, 95)), s.hd95(), 1e-9,
                what);
        assertEquals(sum / (dab.length + dba.length), s.assd(), 1e-9, what);
        assertEquals((sumAb / dab.length + sumBa / dba.length) / 2, s.masd(), 1e-9, what);
        assertEquals((double) within / (dab.length + dba.length), s.nsd(), 1e-12, what);
        assertEquals(ba.length, s.predToRef().borderVoxels(), what);
        assertEquals(bb.length, s.refToPred().borderVoxels(), what);
    }

    static void checkLesions(String what, BruteSpatial brute, Grid g, boolean[] a, boolean[] b, SpatialOptions o,
            LesionMetrics l) {
        int conn = o.connectivity().neighbours();
        boolean[] ak = dropSmall(brute, a, conn, o.minLesionVoxels());
        boolean[] bk = dropSmall(brute, b, conn, o.minLesionVoxels());
        int[] la = brute.label(ak, conn);
        int[] lb = brute.label(bk, conn);
        int nA = BruteSpatial.count(la);
        int nB = BruteSpatial.count(lb);
        assertEquals(nA, l.predictedLesions(), what);
        assertEquals(nB, l.referenceLesions(), what);
        assertEquals(BruteSpatial.count(brute.label(a, conn)) - nA, l.droppedPredicted(), what);
        assertEquals(BruteSpatial.count(brute.label(b, conn)) - nB, l.droppedReference(), what);
        long[] sizeA = new long[nA];
        for (int v : la) {
            if (v >= 0) {
                sizeA[v]++;
            }
        }
        int detected = 0;
        for (int j = 0; j < nB; j++) {
            long size = 0;
            long overlap = 0;
            Set<Integer> touching = new HashSet<>();
            for (int i = 0; i < lb.length; i++) {
                if (lb[i] == j) {
                    size++;
                    if (ak[i]) {
                        overlap++;
                        touching.add(la[i]);
                    }
                }
            }
            long pred = 0;
            for (int t : touching) {
                pred += sizeA[t];
            }
            double dice = 2.0 * overlap / (size + pred);
            boolean det = overlap > 0 && (Double.isNaN(o.detectionDice()) || dice >= o.detectionDice());
            detected += det ? 1 : 0;
            ReferenceLesion rl = l.lesions().get(j);
            assertEquals(j, rl.id(), what);
            assertEquals(size, rl.voxels(), what);
            assertEquals(size * g.voxelMl(), rl.volumeMl(), 1e-12, what);
            assertEquals(overlap, rl.overlapVoxels(), what);
            assertEquals(pred, rl.predictedVoxels(), what);
            assertEquals(dice, rl.dice(), 1e-12, what);
            assertEquals((pred - size) * g.voxelMl(), rl.deltaMl(), 1e-12, what);
            assertEquals(det, rl.detected(), what);
            assertEquals(brute.centre(lb, j), rl.centre().index(), what);
        }
        List<Integer> fps = new ArrayList<>();
        for (int c = 0; c < nA; c++) {
            boolean touches = false;
            for (int i = 0; i < la.length; i++) {
                touches |= la[i] == c && bk[i];
            }
            if (!touches) {
                fps.add(c);
            }
        }
        assertEquals(fps.size(), l.falsePositives().size(), what);
        for (int k = 0; k < fps.size(); k++) {
            PredictedLesion p = l.falsePositives().get(k);
            assertEquals(fps.get(k), p.id(), what);
            assertEquals(sizeA[fps.get(k)], p.voxels(), what);
            assertEquals(brute.centre(la, fps.get(k)), p.centre().index(), what);
            Centre c = p.centre();
            assertEquals(c.index(), c.x() + g.nx() * (c.y() + g.ny() * c.z()), what);
        }
        assertEquals(detected, l.detected(), what);
        assertEquals(nB - detected, l.missed(), what);
        assertEquals(fps.size(), l.falsePositive(), what);
        if (nA == 0 && nB == 0) {
            assertEquals(Status.EMPTY, l.status(), what);
            assertEquals(1.0, l.f1(), what);
        } else {
            assertEquals(2.0 * detected / (2.0 * detected + (nB - detected) + fps.size()), l.f1(), 1e-12, what);
        }
        if (nB == 0) {
            assertNull(l.sensitivity(), what);
        } else {
            assertEquals((double) detected / nB, l.sensitivity(), 1e-12, what);
        }
    }

    /** m without its components of fewer than min voxels. */
    private static boolean[] dropSmall(BruteSpatial brute, boolean[] m, int conn, int min) {
        int[] lab = brute.label(m, conn);
        int n = BruteSpatial.count(lab);
        int[] size = new int[n];
        for (int v : lab) {
            if (v >= 0) {
                size[v]++;
            }
        }
        boolean[] out = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = lab[i] >= 0 && size[lab[i]] >= min;
        }
        return out;
    }
}
