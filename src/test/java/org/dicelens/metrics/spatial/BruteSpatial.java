package org.dicelens.metrics.spatial;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Independent, deliberately naive implementations for the tests: borders by checking the six face neighbours of each
 * voxel, directed distances as the minimum over all pairs of border voxels, percentiles by sorting, components by
 * breadth-first flood fill over explicit neighbour offsets, lesion matching voxel by voxel. No code of the package
 * under test is used.
 */
final class BruteSpatial {
    final int nx;
    final int ny;
    final int nz;
    final double sx;
    final double sy;
    final double sz;

    BruteSpatial(int nx, int ny, int nz, double sx, double sy, double sz) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.sx = sx;
        this.sy = sy;
        this.sz = sz;
    }

    boolean at(boolean[] m, int x, int y, int z) {
        return x >= 0 && y >= 0 && z >= 0 && x < nx && y < ny && z < nz && m[x + nx * (y + ny * z)];
    }

    /** Indices of the voxels of m with a face neighbour outside m (or outside the volume). */
    int[] border(boolean[] m) {
        List<Integer> out = new ArrayList<>();
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    if (at(m, x, y, z) && !(at(m, x - 1, y, z) && at(m, x + 1, y, z) && at(m, x, y - 1, z)
                            && at(m, x, y + 1, z) && at(m, x, y, z - 1) && at(m, x, y, z + 1))) {
                        out.add(x + nx * (y + ny * z));
                    }
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** For each voxel of from (in order), the distance in mm to the nearest voxel of to, by trying them all. */
    double[] directed(int[] from, int[] to) {
        double[] d = new double[from.length];
        for (int i = 0; i < from.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int t : to) {
                double dx = (from[i] % nx - t % nx) * sx;
                double dy = ((from[i] / nx) % ny - (t / nx) % ny) * sy;
                double dz = (from[i] / (nx * ny) - t / (nx * ny)) * sz;
                best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
            d[i] = best;
        }
        return d;
    }

    /** np.percentile(v, p) with the default linear method, textbook form on a sorted copy. */
    static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = (s.length - 1) * p / 100.0;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** Component label per voxel (−1 outside m), numbered in order of first voxel; flood fill. */
    int[] label(boolean[] m, int connectivity) {
        int[] lab = new int[m.length];
        Arrays.fill(lab, -1);
        int next = 0;
        List<int[]> offsets = new ArrayList<>();
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int k = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
                    if (k > 0 && (connectivity == 26 || (connectivity == 18 && k <= 2) || k == 1)) {
                        offsets.add(new int[] {dx, dy, dz});
                    }
                }
            }
        }
        for (int i = 0; i < m.length; i++) {
            if (!m[i] || lab[i] >= 0) {
                continue;
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            lab[i] = next;
            queue.add(i);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                int x = v % nx;
                int y = (v / nx) % ny;
                int z = v / (nx * ny);
                for (int[] o : offsets) {
                    int xx = x + o[0];
                    int yy = y + o[1];
                    int zz = z + o[2];
                    if (at(m, xx, yy, zz)) {
                        int w = xx + nx * (yy + ny * zz);
                        if (lab[w] < 0) {
                            lab[w] = next;
                            queue.add(w);
                        }
                    }
                }
            }
            next++;
        }
        return lab;
    }

    static int count(int[] labels) {
        return Arrays.stream(labels).max().orElse(-1) + 1;
    }

    /** Centre voxel of component c: nearest (mm) to the centroid, first in index order on ties. */
    int centre(int[] lab, int c) {
        long n = 0;
        long sumX = 0;
        long sumY = 0;
        long sumZ = 0;
        for (int i = 0; i < lab.length; i++) {
            if (lab[i] == c) {
                n++;
                sumX += i % nx;
                sumY += (i / nx) % ny;
                sumZ += i / (nx * ny);
            }
        }
        double mx = (double) sumX / n;
        double my = (double) sumY / n;
        double mz = (double) sumZ / n;
        double best = Double.POSITIVE_INFINITY;
        int arg = -1;
        for (int i = 0; i < lab.length; i++) {
            if (lab[i] == c) {
                double a = (i % nx - mx) * sx;
                double b = ((i / nx) % ny - my) * sy;
                double d = (i / (nx * ny) - mz) * sz;
                double e = a * a + b * b + d * d;
                if (e < best) {
                    best = e;
                    arg = i;
                }
            }
        }
        return arg;
    }
}
