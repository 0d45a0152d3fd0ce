package org.dicelens.metrics.spatial;

/**
 * The face-connected border of a mask: its voxels with at least one of their 6 face neighbours outside it, voxels
 * outside the volume counting as outside (the mask minus its erosion by the 6-connected cross, with the volume padded
 * by background). Computed 64 voxels at a time on the packed words.
 */
final class Borders {
    private Borders() {
    }

    /** ∂m on grid g. */
    static VoxelMask of(VoxelMask m, Grid g) {
        return of(m, g, volumeEdges(g));
    }

    /** ∂m with the volume's x/y edge voxels given (see {@link #volumeEdges}), so several borders share them. */
    static VoxelMask of(VoxelMask m, Grid g, VoxelMask edges) {
        long[] a = m.words();
        int nx = g.nx();
        int plane = nx * g.ny();
        long[] edge = edges.words();
        VoxelMask border = VoxelMask.empty(m.size());
        long[] out = border.words();
        for (int k = 0; k < a.length; k++) {
            long w = a[k];
            if (w == 0) {
                continue;
            }
            // interior: the voxel and all six neighbours set, and not on an x or y face of the volume (the z faces
            // need no mask: shifting past either end of the array reads zeros)
            long interior = w & shifted(a, k, 1) & shifted(a, k, -1) & shifted(a, k, nx) & shifted(a, k, -nx)
                    & shifted(a, k, plane) & shifted(a, k, -plane) & ~edge[k];
            out[k] = w & ~interior;
        }
        return border;
    }

    /** The word whose bit b is bit 64k + b + s of a (0 outside the array). */
    static long shifted(long[] a, int k, int s) {
        int q = Math.floorDiv(s, 64);
        int r = Math.floorMod(s, 64);
        int j = k + q;
        long lo = j >= 0 && j < a.length ? a[j] : 0;
        if (r == 0) {
            return lo;
        }
        long hi = j + 1 >= 0 && j + 1 < a.length ? a[j + 1] : 0;
        return (lo >>> r) | (hi << (64 - r));
    }

    /** Voxels with x = 0, x = nx−1, y = 0 or y = ny−1: their in-plane neighbours there lie outside the volume. */
    static VoxelMask volumeEdges(Grid g) {
        int nx = g.nx();
        int ny = g.ny();
        VoxelMask e = VoxelMask.empty(g.voxelCount());
        long[] w = e.words();
        for (int z = 0; z < g.nz(); z++) {
            int planeStart = nx * ny * z;
            setRange(w, planeStart, planeStart + nx);
            setRange(w, planeStart + nx * (ny - 1), planeStart + nx * ny);
            for (int y = 1; y < ny - 1; y++) {
                int row = planeStart + nx * y;
                w[row >>> 6] |= 1L << row;
                int end = row + nx - 1;
                w[end >>> 6] |= 1L << end;
            }
        }
        return e;
    }

    static void setRange(long[] w, int from, int to) {
        for (int i = from; i < to; ) {
            int k = i >>> 6;
            int hi = Math.min(to, (k + 1) << 6);
            long bits = (-1L << i) & (-1L >>> (63 - ((hi - 1) & 63)));
            w[k] |= bits;
            i = hi;
        }
    }
}
