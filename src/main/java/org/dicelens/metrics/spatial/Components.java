package org.dicelens.metrics.spatial;

/**
 * Connected components of a mask (6-, 18- or 26-connected), labelled run by run with union-find: two runs in
 * neighbouring rows join when some voxel of one is a neighbour of some voxel of the other. Components are numbered
 * 0..count−1 in the order of their first voxel (voxel-index order). Each has its voxel count and its centre: the voxel
 * of the component nearest (in mm) to its centroid, ties to the smallest voxel index, so the centre always lies in
 * the component (a click on it lands on the lesion even when the lesion is curved).
 */
final class Components {
    final Runs runs;
    /** Component of each run. */
    final int[] label;
    final int count;
    final long[] voxels;
    /** Centre voxel (x, y, z) per component. */
    final int[] cx;
    final int[] cy;
    final int[] cz;

    private Components(Runs runs, int[] label, int count, Grid g) {
        this.runs = runs;
        this.label = label;
        this.count = count;
        voxels = new long[count];
        long[] sx = new long[count];
        long[] sy = new long[count];
        long[] sz = new long[count];
        int ny = g.ny();
        for (int i = 0; i < runs.count; i++) {
            int c = label[i];
            long len = runs.length(i);
            int y = runs.row[i] % ny;
            int z = runs.row[i] / ny;
            voxels[c] += len;
            sx[c] += (long) (runs.x0[i] + runs.x1[i] - 1) * len / 2; // Σ x over the run, exact (sum of ends × len even)
            sy[c] += y * len;
            sz[c] += z * len;
        }
        cx = new int[count];
        cy = new int[count];
        cz = new int[count];
        double[] best = new double[count];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int i = 0; i < runs.count; i++) {
            int c = label[i];
            double mx = (double) sx[c] / voxels[c];
            double my = (double) sy[c] / voxels[c];
            double mz = (double) sz[c] / voxels[c];
            int y = runs.row[i] % ny;
            int z = runs.row[i] / ny;
            // nearest x of the run to the centroid's x: floor or ceil of mx clamped to the run, lower x on ties
            int lo = runs.x0[i];
            int hi = runs.x1[i] - 1;
            int a = (int) Math.max(lo, Math.min(hi, Math.floor(mx)));
            int b = (int) Math.max(lo, Math.min(hi, Math.ceil(mx)));
            double d = centreDist2(a, y, z, mx, my, mz, g);
            if (b != a) {
                double db = centreDist2(b, y, z, mx, my, mz, g);
                if (db < d) {
                    a = b;
                    d = db;
                }
            }
            if (d < best[c]) { // runs come in voxel-index order: strict < keeps the smallest index on ties
                best[c] = d;
                cx[c] = a;
                cy[c] = y;
                cz[c] = z;
            }
        }
    }

    /** Squared distance in mm² from voxel (x, y, z) to the point (mx, my, mz). */
    static double centreDist2(int x, int y, int z, double mx, double my, double mz, Grid g) {
        double a = (x - mx) * g.sx();
        double b = (y - my) * g.sy();
        double c = (z - mz) * g.sz();
        return a * a + b * b + c * c;
    }

    static Components of(Runs runs, Grid g, Connectivity conn) {
        int[] parent = new int[runs.count];
        for (int i = 0; i < runs.count; i++) {
            parent[i] = i;
        }
        int ny = g.ny();
        int rows = ny * g.nz();
        int side = conn == Connectivity.SIX ? 0 : 1; // x extension for rows sharing a face (dy or dz = ±1 alone)
        for (int r = 0; r < rows; r++) {
            if (runs.rowStart[r] == runs.rowStart[r + 1]) {
                continue;
            }
            int y = r % ny;
            int z = r / ny;
            if (y > 0) {
                join(runs, parent, r, r - 1, side);
            }
            if (z > 0) {
                join(runs, parent, r, r - ny, side);
                if (conn != Connectivity.SIX) {
                    int diag = conn == Connectivity.TWENTY_SIX ? 1 : 0;
                    if (y > 0) {
                        join(runs, parent, r, r - ny - 1, diag);
                    }
                    if (y < ny - 1) {
                        join(runs, parent, r, r - ny + 1, diag);
                    }
                }
            }
        }
        int[] label = new int[runs.count];
        int[] id = new int[runs.count];
        java.util.Arrays.fill(id, -1);
        int count = 0;
        for (int i = 0; i < runs.count; i++) {
            int root = find(parent, i);
            if (id[root] < 0) {
                id[root] = count++;
            }
            label[i] = id[root];
        }
        return new Components(runs, label, count, g);
    }

    /** Unions the runs of rows a and b that touch when b's runs are widened by ext voxels on each side. */
    private static void join(Runs runs, int[] parent, int a, int b, int ext) {
        int i = runs.rowStart[a];
        int iEnd = runs.rowStart[a + 1];
        int j = runs.rowStart[b];
        int jEnd = runs.rowStart[b + 1];
        while (i < iEnd && j < jEnd) {
            int bLo = runs.x0[j] - ext;
            int bHi = runs.x1[j] + ext;
            if (runs.x0[i] < bHi && bLo < runs.x1[i]) {
                union(parent, i, j);
            }
            if (runs.x1[i] < bHi) {
                i++;
            } else {
                j++;
            }
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
