package org.dicelens.metrics.raters;

import java.util.List;

/**
 * The reference of several raters, or a soft reference, on one grid of n voxels and C classes (channels). Raters come
 * as K label maps (channel index per voxel, the engine's reference encoding; a value that is no channel counts for no
 * class) or as K binary masks per class; a soft reference is q̂ ∈ [0, 1] per class and voxel, with no raters (K = 0).
 * Arrays are kept, not copied: do not modify them afterwards.
 */
public final class RaterReference {
    /** Most raters a reference may hold (their votes on a voxel are one bit each in a long). */
    public static final int MAX_RATERS = 63;

    private final int classes;
    private final int voxels;
    private final int raters;
    private final byte[][] labels; // [rater][voxel], or null
    private final byte[][][] masks; // [class][rater][voxel] 0/1, or null
    private final float[][] soft; // [class][voxel], or null

    private RaterReference(int classes, int voxels, int raters, byte[][] labels, byte[][][] masks, float[][] soft) {
        this.classes = classes;
        this.voxels = voxels;
        this.raters = raters;
        this.labels = labels;
        this.masks = masks;
        this.soft = soft;
    }

    /** K label maps of channel indices (K = 1..63), all of one length, for {@code classes} channels. */
    public static RaterReference ofLabelMaps(List<byte[]> maps, int classes) {
        checkRaters(maps.size());
        if (classes < 1) {
            throw new IllegalArgumentException("need at least one class, got " + classes);
        }
        int n = maps.get(0).length;
        for (int k = 1; k < maps.size(); k++) {
            if (maps.get(k).length != n) {
                throw new IllegalArgumentException("rater " + (k + 1) + " has " + maps.get(k).length + " voxels, rater 1 has " + n);
            }
        }
        return new RaterReference(classes, n, maps.size(), maps.toArray(new byte[0][]), null, null);
    }

    /**
     * Binary masks: masks[c][k][i] ≠ 0 when rater k marks voxel i as class c; the same K raters for every class. A
     * rater's masks may overlap or leave voxels unmarked (each class is judged one against the rest).
     */
    public static RaterReference ofClassMasks(byte[][][] masks) {
        if (masks.length < 1) {
            throw new IllegalArgumentException("need at least one class");
        }
        int k = masks[0].length;
        checkRaters(k);
        int n = masks[0][0].length;
        for (int c = 0; c < masks.length; c++) {
            if (masks[c].length != k) {
                throw new IllegalArgumentException("class " + c + " has " + masks[c].length + " raters' masks, class 0 has " + k);
            }
            for (byte[] m : masks[c]) {
                if (m.length != n) {
                    throw new IllegalArgumentException("a mask of class " + c + " has " + m.length + " voxels, not " + n);
                }
            }
        }
        return new RaterReference(masks.length, n, k, null, masks, null);
    }

    /** A soft reference q̂[c][i] in [0, 1] (NaN and values outside are rejected: the caller names the file). */
    public static RaterReference ofSoft(float[][] qHat) {
        if (qHat.length < 1) {
            throw new IllegalArgumentException("need at least one class");
        }
        int n = qHat[0].length;
        for (int c = 0; c < qHat.length; c++) {
            if (qHat[c].length != n) {
                throw new IllegalArgumentException("class " + c + " has " + qHat[c].length + " voxels, not " + n);
            }
            for (int i = 0; i < n; i++) {
                float v = qHat[c][i];
                if (!(v >= 0f && v <= 1f)) {
                    throw new IllegalArgumentException("soft reference value " + v + " of class " + c + " at voxel " + i
                            + " is outside [0, 1]");
                }
            }
        }
        return new RaterReference(qHat.length, n, 0, null, null, qHat);
    }

    private static void checkRaters(int k) {
        if (k < 1 || k > MAX_RATERS) {
            throw new IllegalArgumentException("need 1 to " + MAX_RATERS + " raters, got " + k);
        }
    }

    public int classCount() {
        return classes;
    }

    public int voxelCount() {
        return voxels;
    }

    /** K; 0 for a soft reference. */
    public int raterCount() {
        return raters;
    }

    public boolean isSoft() {
        return soft != null;
    }

    /** Bit k set when rater k marks voxel i as class c (0 for a soft reference). */
    public long votes(int c, int i) {
        long bits = 0;
        if (labels != null) {
            for (int k = 0; k < raters; k++) {
                if ((labels[k][i] & 0xFF) == c) {
                    bits |= 1L << k;
                }
            }
        } else if (masks != null) {
            byte[][] m = masks[c];
            for (int k = 0; k < raters; k++) {
                if (m[k][i] != 0) {
                    bits |= 1L << k;
                }
            }
        }
        return bits;
    }

    /** q̂: the fraction of raters marking voxel i as class c, or the soft reference's value. */
    public double qHat(int c, int i) {
        return soft != null ? soft[c][i] : Long.bitCount(votes(c, i)) / (double) raters;
    }

    /**
     * The majority vote as a label map (channel per voxel): the class most raters chose (largest q̂); a tie goes to a
     * class other than {@code background} (the lowest such channel), so [q̂_c ≥ 1/2] wins over the background.
     * A voxel nobody marks goes to {@code background}, or to 0xFF (no class) when background &lt; 0.
     */
    public byte[] majorityLabels(int background) {
        byte[] out = new byte[voxels];
        for (int i = 0; i < voxels; i++) {
            int best = -1;
            double top = 0;
            for (int c = 0; c < classes; c++) {
                double q = qHat(c, i);
                boolean better = q > top || q == top && q > 0 && best == background && c != background;
                if (better) {
                    top = q;
                    best = c;
                }
            }
            out[i] = (byte) (best >= 0 ? best : background >= 0 ? background : 0xFF);
        }
        return out;
    }

    /** Voxel i is in the consensus when every class's q̂ is 0 or 1 there (all raters agree; a certain soft voxel). */
    public boolean consensus(int i) {
        for (int c = 0; c < classes; c++) {
            double q = qHat(c, i);
            if (q != 0 && q != 1) {
                return false;
            }
        }
        return true;
    }
}
