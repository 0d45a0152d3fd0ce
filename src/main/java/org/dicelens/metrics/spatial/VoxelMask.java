package org.dicelens.metrics.spatial;

import java.util.BitSet;

/**
 * An immutable binary mask over the voxels of a volume, one bit per voxel (a 256³ mask takes 2 MB). Bit i is voxel i
 * (index x + nx·(y + ny·z)). Bits beyond {@link #size()} are always clear, which the word-parallel border code relies
 * on.
 */
public final class VoxelMask {
    private final long[] words;
    private final int size;

    private VoxelMask(long[] words, int size) {
        this.words = words;
        this.size = size;
    }

    static int wordCount(int size) {
        return (size + 63) >>> 6;
    }

    /** An all-clear mask; package code fills it before handing it out. */
    static VoxelMask empty(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        return new VoxelMask(new long[wordCount(size)], size);
    }

    /** Set where {@code values[i]} is true. */
    public static VoxelMask ofBooleans(boolean[] values) {
        VoxelMask m = empty(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i]) {
                m.words[i >>> 6] |= 1L << i;
            }
        }
        return m;
    }

    /** Set where the unsigned byte label equals {@code label} (the project's reference maps hold one byte per voxel). */
    public static VoxelMask ofLabel(byte[] labels, int label) {
        VoxelMask m = empty(labels.length);
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xFF) == label) {
                m.words[i >>> 6] |= 1L << i;
            }
        }
        return m;
    }

    /** Set where the byte is non-zero (a 0/1 hard mask stored one byte per voxel). */
    public static VoxelMask ofNonZero(byte[] values) {
        VoxelMask m = empty(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                m.words[i >>> 6] |= 1L << i;
            }
        }
        return m;
    }

    /** A copy of the first {@code size} bits of a BitSet. */
    public static VoxelMask ofBitSet(BitSet bits, int size) {
        VoxelMask m = empty(size);
        long[] src = bits.toLongArray();
        System.arraycopy(src, 0, m.words, 0, Math.min(src.length, m.words.length));
        m.clearTail();
        return m;
    }

    /** A copy of packed words (bit i of word k is voxel 64k + i, as {@link BitSet#toLongArray()}). */
    public static VoxelMask ofWords(long[] packed, int size) {
        VoxelMask m = empty(size);
        System.arraycopy(packed, 0, m.words, 0, Math.min(packed.length, m.words.length));
        m.clearTail();
        return m;
    }

    private void clearTail() {
        int rem = size & 63;
        if (rem != 0) {
            words[words.length - 1] &= (1L << rem) - 1;
        }
    }

    /** Number of voxels (bits) the mask covers. */
    public int size() {
        return size;
    }

    public boolean get(int voxel) {
        if (voxel < 0 || voxel >= size) {
            throw new IndexOutOfBoundsException("voxel " + voxel + " of " + size);
        }
        return (words[voxel >>> 6] & (1L << voxel)) != 0;
    }

    /** Number of set voxels. */
    public int count() {
        long c = 0;
        for (long w : words) {
            c += Long.bitCount(w);
        }
        return (int) c;
    }

    public boolean isEmpty() {
        for (long w : words) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    /** The voxels set in both masks. */
    public VoxelMask and(VoxelMask other) {
        requireSameSize(other);
        VoxelMask m = empty(size);
        for (int k = 0; k < words.length; k++) {
            m.words[k] = words[k] & other.words[k];
        }
        return m;
    }

    /** A copy as a BitSet. */
    public BitSet toBitSet() {
        return BitSet.valueOf(words);
    }

    void requireSameSize(VoxelMask other) {
        if (other.size != size) {
            throw new IllegalArgumentException("masks of different sizes: " + size + " and " + other.size);
        }
    }

    /** The backing words, shared: package code reads them and fills masks it has just created. */
    long[] words() {
        return words;
    }

    /** Number of set bits in [from, to). */
    int count(int from, int to) {
        if (from >= to) {
            return 0;
        }
        int k0 = from >>> 6;
        int k1 = (to - 1) >>> 6;
        long first = -1L << from;
        long last = -1L >>> (63 - ((to - 1) & 63));
        if (k0 == k1) {
            return Long.bitCount(words[k0] & first & last);
        }
        int c = Long.bitCount(words[k0] & first) + Long.bitCount(words[k1] & last);
        for (int k = k0 + 1; k < k1; k++) {
            c += Long.bitCount(words[k]);
        }
        return c;
    }

    /** The first set bit at or after {@code from}, or −1. */
    int nextSet(int from) {
        if (from >= size) {
            return -1;
        }
        int k = from >>> 6;
        long w = words[k] & (-1L << from);
        while (true) {
            if (w != 0) {
                return (k << 6) + Long.numberOfTrailingZeros(w);
            }
            if (++k == words.length) {
                return -1;
            }
            w = words[k];
        }
    }

    /** The first clear bit at or after {@code from} (may be {@code size} or beyond the last word's end). */
    int nextClear(int from) {
        int k = from >>> 6;
        if (k >= words.length) {
            return from;
        }
        long w = ~words[k] & (-1L << from);
        while (true) {
            if (w != 0) {
                return (k << 6) + Long.numberOfTrailingZeros(w);
            }
            if (++k == words.length) {
                return k << 6;
            }
            w = ~words[k];
        }
    }
}
