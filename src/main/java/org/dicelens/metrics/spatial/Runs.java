package org.dicelens.metrics.spatial;

/**
 * A mask as runs of consecutive set voxels along x, row by row (row = y + ny·z), in voxel-index order. Components and
 * lesion matching work on runs, not voxels: a 256³ structure has a few ten thousand runs for millions of voxels.
 */
final class Runs {
    /** Row of each run, its first x and its end x (exclusive). */
    final int[] row;
    final int[] x0;
    final int[] x1;
    /** Runs of row r are [rowStart[r], rowStart[r+1]). */
    final int[] rowStart;
    final int count;

    private Runs(int[] row, int[] x0, int[] x1, int count, int rows) {
        this.row = row;
        this.x0 = x0;
        this.x1 = x1;
        this.count = count;
        this.rowStart = new int[rows + 1];
        for (int i = 0; i < count; i++) {
            rowStart[row[i] + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            rowStart[r + 1] += rowStart[r];
        }
    }

    static Runs of(VoxelMask m, Grid g) {
        int nx = g.nx();
        int cap = 1024;
        int[] row = new int[cap];
        int[] x0 = new int[cap];
        int[] x1 = new int[cap];
        int n = 0;
        int i = m.nextSet(0);
        while (i >= 0) {
            int r = i / nx;
            int rowEnd = (r + 1) * nx;
            int e = Math.min(m.nextClear(i), rowEnd);
            if (n == cap) {
                cap = cap + (cap >> 1);
                row = java.util.Arrays.copyOf(row, cap);
                x0 = java.util.Arrays.copyOf(x0, cap);
                x1 = java.util.Arrays.copyOf(x1, cap);
            }
            row[n] = r;
            x0[n] = i - r * nx;
            x1[n] = e - r * nx;
            n++;
            i = m.nextSet(e);
        }
        return new Runs(row, x0, x1, n, g.ny() * g.nz());
    }

    int length(int run) {
        return x1[run] - x0[run];
    }
}
