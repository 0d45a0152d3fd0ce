package org.dicelens.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Label codes skip rewriting the voxels when every label present is its own code (0, 1, 2, ... : the usual case);
 * checked against codes worked out voxel by voxel (the rank of the value among the distinct values) for label sets
 * where that does and does not hold, and for the remap by a table.
 */
class LabelCodesIdentityTest {
    private static final int N = 3 * (1 << 20) + 17; // several processing chunks

    @Test
    void codesAreTheRankOfEachValueWhateverTheLabelSet() throws Exception {
        int[][] sets = {{0, 1, 2, 3}, {5}, {0}, {1, 2}, {0, 2, 3}, {0, 1, 2, 255}, {0, 1, 2, 3, 4, 5, 6, 7}, {3, 1, 0, 2}};
        SplittableRandom rnd = new SplittableRandom(7);
        for (boolean signed : new boolean[] {false, true}) {
            for (int[] set : sets) {
                byte[] raw = new byte[N];
                for (int i = 0; i < N; i++) {
                    raw[i] = (byte) set[rnd.nextInt(set.length)];
                }
                raw[N - 1] = (byte) set[set.length - 1]; // every value present at least once
                for (int k = 0; k < set.length; k++) {
                    raw[k] = (byte) set[k];
                }
                TreeSet<Integer> distinct = new TreeSet<>();
                for (byte b : raw) {
                    distinct.add(signed ? (int) b : b & 0xFF);
                }
                int[] values = distinct.stream().mapToInt(Integer::intValue).toArray();
                byte[] expected = new byte[N];
                for (int i = 0; i < N; i++) {
                    int v = signed ? raw[i] : raw[i] & 0xFF;
                    expected[i] = (byte) java.util.Arrays.binarySearch(values, v);
                }
                LabelCodes lc = LabelCodes.ofBytes(raw, signed, Path.of("r.nii"), "reference label map");
                String what = (signed ? "int8 " : "uint8 ") + java.util.Arrays.toString(set);
                assertArrayEquals(values, lc.values, what);
                assertArrayEquals(expected, lc.codes, what);
            }
        }
    }

    @Test
    void remapByATableIsSkippedOnlyWhenItChangesNoCode() {
        byte[][] tables = {{0, 1, 2, 3}, {0, 1, 3, 2}, {1, 0, 2, 3}, {0, 1, 2, 0}};
        SplittableRandom rnd = new SplittableRandom(8);
        for (byte[] t : tables) {
            byte[] table = new byte[256];
            System.arraycopy(t, 0, table, 0, t.length);
            byte[] codes = new byte[N];
            for (int i = 0; i < N; i++) {
                codes[i] = (byte) rnd.nextInt(4);
            }
            byte[] expected = new byte[N];
            for (int i = 0; i < N; i++) {
                expected[i] = t[codes[i]];
            }
            LabelCodes.remapInPlace(codes, table, 4);
            assertArrayEquals(expected, codes, java.util.Arrays.toString(t));
        }
    }
}
