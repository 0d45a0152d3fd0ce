package org.dicelens.metrics.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import org.dicelens.common.Progress;
import org.junit.jupiter.api.Test;

/** Tiny cases worked by hand (the arithmetic is in the comments). */
class SpatialHandWorkedTest {
    private static VoxelMask mask(int n, int... voxels) {
        boolean[] m = new boolean[n];
        for (int v : voxels) {
            m[v] = true;
        }
        return VoxelMask.ofBooleans(m);
    }

    private static VoxelMask box(int nx, int ny, int nz, int x0, int x1, int y0, int y1, int z0, int z1) {
        boolean[] m = new boolean[nx * ny * nz];
        for (int z = z0; z < z1; z++) {
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    m[x + nx * (y + ny * z)] = true;
                }
            }
        }
        return VoxelMask.ofBooleans(m);
    }

    @Test
    void twoSegmentsOnALine() {
        // 10x1x1: every voxel of a mask is on its border (its y and z neighbours are outside the volume).
        // A = x 0..3, B = x 2..6. d(A→∂B) = 2,1,0,0; d(B→∂A) = 0,0,1,2,3.
        Grid g = Grid.of(10, 1, 1, 1, 1, 1);
        SurfaceMetrics s = SpatialMetrics.surface(mask(10, 0, 1, 2, 3), mask(10, 2, 3, 4, 5, 6), null, g,
                SpatialOptions.defaults(), Progress.NONE);
        assertEquals(Status.DEFINED, s.status());
        assertEquals(3.0, s.hd());
        // P95 of {0,0,1,2}: position 0.95·3 = 2.85 → 1 + 0.85 = 1.85; of {0,0,1,2,3}: 0.95·4 = 3.8 → 2.8
        assertEquals(1.85, s.predToRef().p95(), 1e-15);
        assertEquals(2.8, s.refToPred().p95(), 1e-15);
        assertEquals(2.8, s.hd95(), 1e-15);
        assertEquals(9.0 / 9, s.assd(), 1e-15); // (3 + 6) / 9
        assertEquals((0.75 + 1.2) / 2, s.masd(), 1e-15);
        assertEquals(6.0 / 9, s.nsd(), 1e-15); // τ = 1: 3 of 4 and 3 of 5 within 1 mm
        // 2 mm voxels along x: every distance doubles; τ = 1 now keeps only the zeros (2 + 2 of 9)
        SurfaceMetrics s2 = SpatialMetrics.surface(mask(10, 0, 1, 2, 3), mask(10, 2, 3, 4, 5, 6), null,
                Grid.of(10, 1, 1, 2, 1, 1), SpatialOptions.defaults(), Progress.NONE);
        assertEquals(6.0, s2.hd());
        assertEquals(5.6, s2.hd95(), 1e-14);
        assertEquals(4.0 / 9, s2.nsd(), 1e-15);
    }

    @Test
    void singleVoxelsWithAnisotropicSpacing() {
        // (0,0,0) and (3,1,2) with voxels 2 x 0.5 x 4 mm: sqrt(6² + 0.5² + 8²) = sqrt(100.25)
        Grid g = Grid.of(4, 2, 3, 2, 0.5, 4);
        SurfaceMetrics s = SpatialMetrics.surface(mask(24, 0), mask(24, 3 + 4 * (1 + 2 * 2)), null, g,
                SpatialOptions.defaults().withNsdTolerance(10.02), Progress.NONE);
        double d = Math.sqrt(100.25);
        assertEquals(d, s.hd(), 1e-12);
        assertEquals(d, s.hd95(), 1e-12);
        assertEquals(d, s.assd(), 1e-12);
        assertEquals(d, s.masd(), 1e-12);
        assertEquals(1.0, s.nsd()); // 10.0125 ≤ 10.02
    }

    @Test
    void borderOfACubeLeavesItsCentreAndCountsTheVolumeFaces() {
        // a 3x3x3 cube inside 5x5x5: 26 border voxels, the centre is interior
        VoxelMask inside = box(5, 5, 5, 1, 4, 1, 4, 1, 4);
        Grid g5 = Grid.of(5, 5, 5, 1, 1, 1);
        assertEquals(26, Borders.of(inside, g5).count());
        assertFalse(Borders.of(inside, g5).get(2 + 5 * (2 + 5 * 2)));
        // the same cube filling a 3x3x3 volume: the 26 on the volume's faces are border (outside the volume counts
        // as outside), the centre still has its six neighbours; a full 2x2x2 volume is all border
        assertEquals(26, Borders.of(box(3, 3, 3, 0, 3, 0, 3, 0, 3), Grid.of(3, 3, 3, 1, 1, 1)).count());
        assertEquals(8, Borders.of(box(2, 2, 2, 0, 2, 0, 2, 0, 2), Grid.of(2, 2, 2, 1, 1, 1)).count());
        // 5x5x5 full volume: the 3x3x3 core is interior, 125 − 27 = 98 border voxels
        assertEquals(98, Borders.of(box(5, 5, 5, 0, 5, 0, 5, 0, 5), g5).count());
    }

    @Test
    void identicalMasksAreAtDistanceZero() {
        VoxelMask m = box(6, 5, 4, 1, 5, 0, 3, 1, 4);
        SurfaceMetrics s = SpatialMetrics.surface(m, m, null, Grid.of(6, 5, 4, 0.7, 0.7, 3), SpatialOptions.defaults()
                .withNsdTolerance(0), Progress.NONE);
        assertEquals(0.0, s.hd());
        assertEquals(0.0, s.hd95());
        assertEquals(1.0, s.nsd());
    }

    @Test
    void emptyRules() {
        Grid g = Grid.of(4, 4, 4, 1, 1, 1);
        VoxelMask empty = mask(64);
        VoxelMask one = mask(64, 21);
        SpatialResult both = SpatialMetrics.compute(empty, empty, null, g, SpatialOptions.defaults(), Progress.NONE);
        assertEquals(Status.EMPTY, both.surface().status());
        assertEquals(0.0, both.surface().hd95());
        assertEquals(1.0, both.surface().nsd());
        assertEquals(Status.EMPTY, both.lesions().status());
        assertEquals(1.0, both.lesions().f1());
        assertNull(both.lesions().sensitivity());
        SpatialResult noPred = SpatialMetrics.compute(empty, one, null, g, SpatialOptions.defaults(), Progress.NONE);
        assertEquals(Status.UNDEFINED, noPred.surface().status());
        assertNull(noPred.surface().hd());
        assertNull(noPred.surface().nsd());
        assertTrue(noPred.surface().reason().contains("prediction is empty"));
        assertEquals(0.0, noPred.lesions().f1()); // 1 missed lesion: 0 / (0 + 1 + 0)
        assertEquals(0.0, noPred.lesions().sensitivity());
        SpatialResult noRef = SpatialMetrics.compute(one, empty, null, g, SpatialOptions.defaults(), Progress.NONE);
        assertTrue(noRef.surface().reason().contains("reference is empty"));
        assertEquals(1, noRef.lesions().falsePositive());
        assertNull(noRef.lesions().sensitivity());
        // a region that excludes the only voxel makes the prediction empty
        SpatialResult outside = SpatialMetrics.compute(one, one, mask(64, 0, 1, 2), g, SpatialOptions.defaults(),
                Progress.NONE);
        assertEquals(Status.EMPTY, outside.surface().status());
    }

    @Test
    void connectivityOfCornerAndEdgeNeighbours() {
        Grid g = Grid.of(3, 3, 3, 1, 1, 1);
        VoxelMask corner = mask(27, 0, 1 + 3 * (1 + 3)); // (0,0,0) and (1,1,1)
        VoxelMask edge = mask(27, 0, 1 + 3); // (0,0,0) and (1,1,0)
        int[] expectCorner = {2, 2, 1};
        int[] expectEdge = {2, 1, 1};
        Connectivity[] cs = {Connectivity.SIX, Connectivity.EIGHTEEN, Connectivity.TWENTY_SIX};
        for (int k = 0; k < 3; k++) {
            SpatialOptions o = SpatialOptions.defaults().withConnectivity(cs[k]);
            assertEquals(expectCorner[k], SpatialMetrics.lesions(corner, corner, null, g, o).referenceLesions());
            assertEquals(expectEdge[k], SpatialMetrics.lesions(edge, edge, null, g, o).referenceLesions());
        }
    }

    @Test
    void lesionsDetectedMissedAndInvented() {
        // 10x4x1, 1 mm voxels, 0.001 mL each. Reference: L0 = x 0..3 of row y=0 (4 voxels), L1 = x 8..9 of y=3.
        // Prediction: P0 = x 2..5 of y=0 (overlaps L0 by 2), P1 = x 0..1 of y=3 (far from everything: a false positive).
        Grid g = Grid.of(10, 4, 1, 1, 1, 1);
        VoxelMask ref = mask(40, 0, 1, 2, 3, 38, 39);
        VoxelMask pred = mask(40, 2, 3, 4, 5, 30, 31);
        LesionMetrics l = SpatialMetrics.lesions(pred, ref, null, g, SpatialOptions.defaults());
        assertEquals(2, l.referenceLesions());
        assertEquals(2, l.predictedLesions());
        assertEquals(1, l.detected());
        assertEquals(1, l.missed());
        assertEquals(1, l.falsePositive());
        assertEquals(0.5, l.f1()); // 2·1 / (2 + 1 + 1)
        assertEquals(0.5, l.sensitivity());
        ReferenceLesion l0 = l.lesions().get(0);
        assertEquals(4, l0.voxels());
        assertEquals(2, l0.overlapVoxels());
        assertEquals(4, l0.predictedVoxels());
        assertEquals(0.5, l0.dice()); // 2·2 / (4 + 4)
        assertEquals(0.0, l0.deltaMl());
        // centroid x = 1.5: voxels 1 and 2 tie, the first in index order wins
        assertEquals(new Centre(1, 0, 0, 1), l0.centre());
        assertFalse(l.lesions().get(1).detected());
        assertEquals(0.0, l.lesions().get(1).dice());
        assertEquals(new Centre(0, 3, 0, 30), l.falsePositives().get(0).centre());
        assertEquals(0.002, l.falsePositives().get(0).volumeMl(), 1e-15);
        // the Dice rule with δ = 0.6: L0's Dice 0.5 no longer counts as detected
        LesionMetrics strict = SpatialMetrics.lesions(pred, ref, null, g, SpatialOptions.defaults()
                .withDetectionDice(0.6));
        assertEquals(0, strict.detected());
        assertEquals(0.0, strict.f1());
        // a minimum of 3 voxels drops L1 and P1 (2 voxels each): one lesion, detected, no false positive
        LesionMetrics big = SpatialMetrics.lesions(pred, ref, null, g, SpatialOptions.defaults().withMinLesion(3, 0));
        assertEquals(1, big.referenceLesions());
        assertEquals(1, big.droppedReference());
        assertEquals(1, big.droppedPredicted());
        assertEquals(1.0, big.f1());
    }

    @Test
    void cancellationStopsTheComputation() {
        Grid g = Grid.of(40, 40, 40, 1, 1, 1);
        VoxelMask a = box(40, 40, 40, 5, 30, 5, 30, 5, 30);
        VoxelMask b = box(40, 40, 40, 8, 35, 6, 33, 4, 28);
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class,
                () -> SpatialMetrics.compute(a, b, null, g, SpatialOptions.defaults(), cancelled));
    }

    @Test
    void masksFromLabelsBytesBitSetsAndWordsAgree() {
        byte[] labels = new byte[130];
        labels[0] = 2;
        labels[64] = 2;
        labels[129] = (byte) 200; // unsigned label 200
        labels[70] = 1;
        VoxelMask two = VoxelMask.ofLabel(labels, 2);
        assertEquals(2, two.count());
        assertTrue(two.get(0) && two.get(64) && !two.get(70));
        assertEquals(1, VoxelMask.ofLabel(labels, 200).count());
        assertEquals(4, VoxelMask.ofNonZero(labels).count());
        java.util.BitSet bits = new java.util.BitSet();
        bits.set(0);
        bits.set(64);
        bits.set(300); // beyond the mask's 130 voxels: dropped
        VoxelMask fromBits = VoxelMask.ofBitSet(bits, 130);
        assertEquals(2, fromBits.count());
        assertEquals(two.toBitSet(), fromBits.toBitSet());
        assertEquals(two.toBitSet(), VoxelMask.ofWords(two.toBitSet().toLongArray(), 130).toBitSet());
        assertEquals(1, two.and(VoxelMask.ofLabel(new byte[130], 0).and(mask(130, 64))).count());
    }

    @Test
    void masksOfTheWrongSizeAreRefused() {
        Grid g = Grid.of(4, 4, 4, 1, 1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> SpatialMetrics.compute(mask(63), mask(64), null, g, SpatialOptions.defaults(), Progress.NONE));
    }
}
