package org.dicelens.metrics.spatial;

/** An axis-aligned box of voxels [x0, x0+bx) × [y0, y0+by) × [z0, z0+bz) of a grid. */
record Box(int x0, int y0, int z0, int bx, int by, int bz) {
    int voxelCount() {
        return bx * by * bz;
    }

    /** The smallest box holding every set voxel of the masks, or null when all are empty. */
    static Box bounding(Grid g, VoxelMask... masks) {
        int nx = g.nx();
        int ny = g.ny();
        int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] max = {-1, -1, -1};
        for (VoxelMask m : masks) {
            for (int i = m.nextSet(0); i >= 0; ) {
                int r = i / nx;
                int end = Math.min(m.nextClear(i), (r + 1) * nx);
                int y = r % ny;
                int z = r / ny;
                min[0] = Math.min(min[0], i - r * nx);
                max[0] = Math.max(max[0], end - 1 - r * nx);
                min[1] = Math.min(min[1], y);
                max[1] = Math.max(max[1], y);
                min[2] = Math.min(min[2], z);
                max[2] = Math.max(max[2], z);
                i = m.nextSet(end);
            }
        }
        if (max[0] < 0) {
            return null;
        }
        return new Box(min[0], min[1], min[2], max[0] - min[0] + 1, max[1] - min[1] + 1, max[2] - min[2] + 1);
    }
}
