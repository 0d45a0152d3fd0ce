package org.dicelens.metrics.spatial;

import java.util.Arrays;

/**
 * The border voxels of one mask and each one's distance in mm to the other mask's border (for a histogram of
 * boundary distances or a colouring of the border). Immutable: accessors return copies or single values.
 */
public final class BorderDistances {
    private final int[] voxels;
    private final double[] distances;

    BorderDistances(int[] voxels, double[] distances) {
        if (voxels.length != distances.length) {
            throw new IllegalArgumentException("voxels and distances differ in length");
        }
        this.voxels = voxels;
        this.distances = distances;
    }

    static BorderDistances of(VoxelMask border, double[] distances) {
        int[] v = new int[distances.length];
        int k = 0;
        for (int i = border.nextSet(0); i >= 0; i = border.nextSet(i + 1)) {
            v[k++] = i;
        }
        return new BorderDistances(v, distances);
    }

    public int count() {
        return voxels.length;
    }

    /** Voxel index of the i-th border voxel (voxel-index order). */
    public int voxel(int i) {
        return voxels[i];
    }

    /** Its distance in mm to the other border. */
    public double distance(int i) {
        return distances[i];
    }

    /**
     * The distance of border voxel {@code voxel} (flat index), or NaN when it is not on this border (binary search:
     * the voxels are in index order).
     */
    public double distanceAt(int voxel) {
        int k = Arrays.binarySearch(voxels, voxel);
        return k >= 0 ? distances[k] : Double.NaN;
    }

    public int[] voxels() {
        return voxels.clone();
    }

    public double[] distances() {
        return distances.clone();
    }

    @Override
    public String toString() {
        return "BorderDistances[" + voxels.length + " voxels, max "
                + Arrays.stream(distances).max().orElse(0) + " mm]";
    }
}
