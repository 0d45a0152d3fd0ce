package org.dicelens.metrics.spatial;

import java.util.Arrays;
import org.dicelens.common.Progress;

/**
 * Exact Euclidean distances in mm from each voxel of a query set to the nearest voxel of a source set, with
 * anisotropic spacing: a separable feature transform (Felzenszwalb &amp; Huttenlocher's lower envelope of parabolas, one
 * pass per axis: z, then y, then x). The buffer holds, per voxel of the bounding box, where the nearest source found so
 * far lies (its z after the first pass, its y and z after the second), never a rounded distance; the last pass runs
 * only on rows holding queries and computes each query's distance from the integer offsets to its nearest source, so
 * every distance is the exact Euclidean distance to an actual nearest source voxel (in double).
 */
final class NearestDistances {
    private final Grid g;
    private final Box box;
    private final int[] buf;
    private final int workers;
    private final int shift;
    private final int lowMask;

    /**
     * @param box holds every query and source voxel
     * @param buf scratch of at least box.voxelCount() ints, reused across calls
     */
    NearestDistances(Grid g, Box box, int[] buf, int workers) {
        this.g = g;
        this.box = box;
        this.buf = buf;
        this.workers = workers;
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(0, box.bz() - 1));
        boolean fits = ((long) box.by() << bits) <= Integer.MAX_VALUE;
        this.shift = fits ? bits : -1;
        this.lowMask = fits ? (1 << bits) - 1 : 0;
    }

    private int pack(int fy, int fz) {
        return shift >= 0 ? (fy << shift) | fz : fy * box.bz() + fz;
    }

    private int fyOf(int p) {
        return shift >= 0 ? p >>> shift : p / box.bz();
    }

    private int fzOf(int p) {
        return shift >= 0 ? p & lowMask : p % box.bz();
    }

    /** Per-worker scratch lines. */
    private static final class Scratch {
        final int[] pos;
        final int[] aux;
        final int[] stack;
        final double[] f;
        final double[] zs;
        final double[] top;
        final int[] block;

        Scratch(int len, int blockLen) {
            block = new int[blockLen];
            top = new double[len];
            pos = new int[len];
            aux = new int[len];
            stack = new int[len];
            f = new double[len];
            zs = new double[len + 1];
        }
    }

    /**
     * Distances from every voxel of {@code queries}, in voxel-index order, to the nearest voxel of {@code sources}
     * (which must not be empty).
     */
    double[] compute(VoxelMask queries, VoxelMask sources, Progress progress) {
        int bx = box.bx();
        int by = box.by();
        int bz = box.bz();
        int rows = by * bz;
        int[] rowRank = new int[rows + 1];
        boolean[] planeHasQuery = new boolean[bz];
        for (int r = 0; r < rows; r++) {
            int start = globalRowStart(r % by, r / by);
            int c = queries.count(start, start + bx);
            rowRank[r + 1] = rowRank[r] + c;
            if (c > 0) {
                planeHasQuery[r / by] = true;
            }
        }
        double[] out = new double[rowRank[rows]];
        int len = Math.max(bx, Math.max(by, bz));
        int w = Math.max(1, workers);
        Scratch[] s = new Scratch[w];
        for (int i = 0; i < w; i++) {
            s[i] = new Scratch(len, BLOCK * by);
        }
        long[] src = sources.words();
        ChunkedWork.run(by, w, (worker, from, to) -> {
            for (int y = from; y < to; y++) {
                passZ(src, y, s[worker].pos, s[worker].aux);
            }
        }, progress);
        ChunkedWork.run(bz, w, (worker, from, to) -> {
            for (int z = from; z < to; z++) {
                if (planeHasQuery[z]) {
                    passY(z, s[worker]);
                }
            }
        }, progress);
        long[] q = queries.words();
        ChunkedWork.run(rows, w, (worker, from, to) -> {
            for (int r = from; r < to; r++) {
                if (rowRank[r + 1] > rowRank[r]) {
                    passX(q, r % by, r / by, rowRank[r], out, s[worker]);
                }
            }
        }, progress);
        return out;
    }

    private int globalRowStart(int y, int z) {
        return box.x0() + g.nx() * ((box.y0() + y) + g.ny() * (box.z0() + z));
    }

    /** Column by column along z: the z of the nearest source in the same column, or −1. */
    private void passZ(long[] src, int y, int[] last, int[] next) {
        int bx = box.bx();
        int by = box.by();
        int bz = box.bz();
        Arrays.fill(last, 0, bx, -1);
        for (int z = 0; z < bz; z++) {
            int gi = globalRowStart(y, z);
            int bi = bx * (y + by * z);
            for (int x = 0; x < bx; x++, gi++, bi++) {
                if ((src[gi >>> 6] & (1L << gi)) != 0) {
                    last[x] = z;
                }
                buf[bi] = last[x];
            }
        }
        Arrays.fill(next, 0, bx, -1);
        for (int z = bz - 1; z >= 0; z--) {
            int gi = globalRowStart(y, z);
            int bi = bx * (y + by * z);
            for (int x = 0; x < bx; x++, gi++, bi++) {
                if ((src[gi >>> 6] & (1L << gi)) != 0) {
                    next[x] = z;
                }
                int n = next[x];
                if (n >= 0) {
                    int b = buf[bi];
                    if (b < 0 || n - z < z - b) {
                        buf[bi] = n;
                    }
                }
            }
        }
    }

    /** x-lines handled together in the y pass, so its strided reads and writes touch whole cache lines. */
    private static final int BLOCK = 16;

    /** Lines along y in plane z: where the nearest source of the slice x = const lies, (y, z) packed, or −1. */
    private void passY(int z, Scratch s) {
        int bx = box.bx();
        int by = box.by();
        int base = bx * by * z;
        double hz = g.sz();
        int[] col = s.block;
        for (int x0 = 0; x0 < bx; x0 += BLOCK) {
            int w = Math.min(BLOCK, bx - x0);
            for (int j = 0; j < by; j++) {
                int row = base + x0 + bx * j;
                for (int t = 0; t < w; t++) {
                    col[t * by + j] = buf[row + t];
                }
            }
            for (int t = 0; t < w; t++) {
                int off = t * by;
                int m = 0;
                for (int j = 0; j < by; j++) {
                    int fz = col[off + j];
                    if (fz >= 0) {
                        double d = (fz - z) * hz;
                        s.pos[m] = j;
                        s.aux[m] = fz;
                        s.f[m] = d * d;
                        m++;
                    }
                }
                if (m == 0) {
                    continue; // no source in this slice: the whole line stays −1
                }
                envelope(s, m, g.sy());
                int e = 0;
                for (int i = 0; i < by; i++) {
                    while (s.zs[e + 1] < i) {
                        e++;
                    }
                    int v = s.stack[e];
                    col[off + i] = pack(s.pos[v], s.aux[v]);
                }
            }
            for (int j = 0; j < by; j++) {
                int row = base + x0 + bx * j;
                for (int t = 0; t < w; t++) {
                    buf[row + t] = col[t * by + j];
                }
            }
        }
    }

    /**
     * Row (y, z) along x: each query's distance to its nearest source, into out from index rank on. A query near a
     * source (the usual case for two borders) scans outwards from its own x and stops once the x offset alone exceeds
     * the best distance found, reading only a few entries; when a row's scans grow beyond a few times the row's
     * length (sources far away), the row falls back to the lower envelope over the whole row. Either way the result
     * is the minimum over actual sources of the exactly computed distance.
     */
    private void passX(long[] q, int y, int z, int rank, double[] out, Scratch s) {
        int bx = box.bx();
        int base = bx * (y + box.by() * z);
        int gi = globalRowStart(y, z);
        int budget = 4 * bx + 64;
        int work = 0;
        int r0 = rank;
        double hx2 = g.sx() * g.sx();
        for (int x = 0; x < bx && work <= budget; x++) {
            int bit = gi + x;
            if ((q[bit >>> 6] & (1L << bit)) == 0) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int r = 0; work <= budget; r++, work++) {
                if ((double) r * r * hx2 > best || (x - r < 0 && x + r >= bx)) {
                    break;
                }
                if (x - r >= 0) {
                    best = Math.min(best, candidate(buf[base + x - r], -r, y, z));
                }
                if (r > 0 && x + r < bx) {
                    best = Math.min(best, candidate(buf[base + x + r], r, y, z));
                }
            }
            out[rank++] = Math.sqrt(best);
        }
        if (work > budget) {
            passXEnvelope(q, y, z, r0, out, s);
        }
    }

    /** Squared distance from the query to the source recorded dx voxels away along x (+∞ when there is none). */
    private double candidate(int p, int dx, int y, int z) {
        return p < 0 ? Double.POSITIVE_INFINITY : g.dist2(dx, fyOf(p) - y, fzOf(p) - z);
    }

    /** The whole row at once through the lower envelope (sources far from the row's queries). */
    private void passXEnvelope(long[] q, int y, int z, int rank, double[] out, Scratch s) {
        int bx = box.bx();
        int base = bx * (y + box.by() * z);
        int m = 0;
        for (int j = 0; j < bx; j++) {
            int p = buf[base + j];
            if (p >= 0) {
                s.pos[m] = j;
                s.aux[m] = p;
                s.f[m] = g.dist2(0, fyOf(p) - y, fzOf(p) - z);
                m++;
            }
        }
        envelope(s, m, g.sx());
        int gi = globalRowStart(y, z);
        int e = 0;
        for (int x = 0; x < bx; x++) {
            int bit = gi + x;
            if ((q[bit >>> 6] & (1L << bit)) == 0) {
                continue;
            }
            while (s.zs[e + 1] < x) {
                e++;
            }
            int v = s.stack[e];
            int p = s.aux[v];
            out[rank++] = Math.sqrt(g.dist2(x - s.pos[v], fyOf(p) - y, fzOf(p) - z));
        }
    }

    /**
     * Lower envelope of the parabolas t ↦ f[i] + (h·(t − pos[i]))² for i &lt; m (pos increasing, m ≥ 1): on return
     * stack[0..k] are the indices of the parabolas that form it, parabola stack[e] lowest on [zs[e], zs[e+1]].
     * Returns k.
     */
    static int envelope(Scratch s, int m, double h) {
        int[] pos = s.pos;
        double[] f = s.f;
        int[] v = s.stack;
        double[] zs = s.zs;
        double[] top = s.top; // f + (h·pos)² of each stacked parabola, so the pops need no recomputation
        double h2 = h * h;
        int k = 0;
        v[0] = 0;
        top[0] = f[0] + h2 * ((double) pos[0] * pos[0]);
        zs[0] = Double.NEGATIVE_INFINITY;
        zs[1] = Double.POSITIVE_INFINITY;
        for (int qi = 1; qi < m; qi++) {
            int pq = pos[qi];
            double fq = f[qi] + h2 * ((double) pq * pq);
            double t = (fq - top[k]) / (2 * h2 * (pq - pos[v[k]]));
            while (k > 0 && t <= zs[k]) {
                k--;
                t = (fq - top[k]) / (2 * h2 * (pq - pos[v[k]]));
            }
            k++;
            v[k] = qi;
            top[k] = fq;
            zs[k] = t;
            zs[k + 1] = Double.POSITIVE_INFINITY;
        }
        return k;
    }
}
