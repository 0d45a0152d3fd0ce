package org.dicelens.metrics.spatial;

import java.util.Arrays;

/**
 * Which voxels belong to a detected reference lesion, a missed one, or a false-positive predicted component (the
 * lesion overlay), as runs along x in voxel-index order: compact (a lesion of thousands of voxels is a few dozen runs)
 * and looked up by binary search. The three kinds never share a voxel: a false-positive component shares none with
 * the kept reference lesions. Components dropped by the minimum lesion size are in none of them.
 */
public final class LesionMap {
    /** The kind of a voxel. */
    public enum Kind {
        NONE, DETECTED, MISSED, FALSE_POSITIVE;

        private static final Kind[] ALL = values();
    }

    private final int[] start;
    private final int[] end;
    private final byte[] kind;

    LesionMap(int[] start, int[] end, byte[] kind) {
        this.start = start;
        this.end = end;
        this.kind = kind;
    }

    /** The map of no lesions. */
    public static LesionMap empty() {
        return new LesionMap(new int[0], new int[0], new byte[0]);
    }

    /** The kind of voxel {@code i} (flat index x + nx·(y + ny·z)). */
    public Kind kindAt(int i) {
        int k = Arrays.binarySearch(start, i);
        if (k < 0) {
            k = -k - 2; // the last run starting before i
        }
        return k >= 0 && i < end[k] ? Kind.ALL[kind[k]] : Kind.NONE;
    }

    /** Number of runs (for tests and memory estimates). */
    public int runCount() {
        return start.length;
    }

    /** Builds the map from runs already sorted by start; {@code n} runs of {@code start/end/kind} are used. */
    static LesionMap of(int[] start, int[] end, byte[] kind, int n) {
        return new LesionMap(Arrays.copyOf(start, n), Arrays.copyOf(end, n), Arrays.copyOf(kind, n));
    }
}
