package org.dicelens.metrics.raters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** q̂, the majority vote with its tie rule, the consensus, and the rejected inputs, on cases worked by hand. */
class RaterReferenceTest {
    @Test
    void meanMajorityAndConsensusOfFourRaters() {
        // 3 classes (0 background), 5 voxels; raters' labels per voxel:
        // v0: 0 0 0 0 (agree), v1: 1 1 0 0 (tie 1 vs background), v2: 1 2 1 2 (tie 1 vs 2), v3: 2 2 2 0, v4: 1 0 2 0
        List<byte[]> maps = List.of(new byte[] {0, 1, 1, 2, 1}, new byte[] {0, 1, 2, 2, 0}, new byte[] {0, 0, 1, 2, 2},
                new byte[] {0, 0, 2, 0, 0});
        RaterReference r = RaterReference.ofLabelMaps(maps, 3);
        assertEquals(4, r.raterCount());
        assertEquals(0.5, r.qHat(1, 1));
        assertEquals(0.75, r.qHat(2, 3));
        assertEquals(0b0011L, r.votes(1, 1), "raters 0 and 1 mark voxel 1 as class 1");
        // ties go to the foreground; between two foreground classes to the lower channel; v4: background 2 of 4
        assertArrayEquals(new byte[] {0, 1, 1, 2, 0}, r.majorityLabels(0));
        // with channel 2 as the background: v1's tie 1 vs 0 is between two foreground classes (lower channel 0 wins),
        // v2's tie 1 vs 2 goes to the foreground 1
        assertArrayEquals(new byte[] {0, 0, 1, 2, 0}, r.majorityLabels(2));
        assertTrue(r.consensus(0));
        for (int i = 1; i < 5; i++) {
            assertFalse(r.consensus(i), "voxel " + i);
        }
    }

    @Test
    void masksLeaveUnmarkedVoxelsToTheBackground() {
        // one foreground class as masks of 2 raters, background masks empty: voxel 2 marked by nobody
        byte[][][] masks = {{{0, 0, 0}, {0, 0, 0}}, {{1, 1, 0}, {1, 0, 0}}};
        RaterReference r = RaterReference.ofClassMasks(masks);
        assertArrayEquals(new byte[] {1, 1, 0}, r.majorityLabels(0));
        assertArrayEquals(new byte[] {1, 1, (byte) 0xFF}, r.majorityLabels(-1), "no background channel: no class");
        assertEquals(0.5, r.qHat(1, 1));
    }

    @Test
    void softReferenceMajorityIsTheLargestMean() {
        RaterReference r = RaterReference.ofSoft(new float[][] {{0.5f, 0.7f, 1f}, {0.5f, 0.3f, 0f}});
        assertEquals(0, r.raterCount());
        assertEquals(0L, r.votes(1, 0));
        assertArrayEquals(new byte[] {1, 0, 0}, r.majorityLabels(0), "a tie at 0.5 goes to the foreground");
        assertFalse(r.consensus(0));
        assertTrue(r.consensus(2));
    }

    @Test
    void badInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RaterReference.ofLabelMaps(List.of(), 2));
        assertThrows(IllegalArgumentException.class,
                () -> RaterReference.ofLabelMaps(List.of(new byte[3], new byte[4]), 2));
        List<byte[]> many = new ArrayList<>();
        for (int k = 0; k < RaterReference.MAX_RATERS + 1; k++) {
            many.add(new byte[2]);
        }
        assertThrows(IllegalArgumentException.class, () -> RaterReference.ofLabelMaps(many, 2));
        assertThrows(IllegalArgumentException.class, () -> RaterReference.ofSoft(new float[][] {{0.5f, Float.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> RaterReference.ofSoft(new float[][] {{1.5f}}));
        assertThrows(IllegalArgumentException.class, () -> RaterReference.ofClassMasks(new byte[][][] {{{1}}, {{1}, {0}}}));
    }
}
