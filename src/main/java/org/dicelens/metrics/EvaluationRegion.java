package org.dicelens.metrics;

import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;

/**
 * The class-imbalance control of the formula sheet: Ω_m = voxels within Chebyshev distance m of the bounding box of all
 * reference voxels whose label is not 0, clipped to the volume; m = {@link Settings#WHOLE_VOLUME} is the whole volume.
 * Each voxel has a margin level, its Chebyshev distance to the box (0 inside); Ω_m = {level &le; m}.
 * <p>
 * When the reference has no foreground voxel there is no box to grow: every voxel then has level 0 and every margin
 * gives the whole volume ({@link #hasForeground()} is false), rather than an empty region where nothing is defined.
 * A reference value that is not a channel of the class table counts as foreground (its label is unknown, hence not 0).
 */
public final class EvaluationRegion {
    private final int nx;
    private final int ny;
    private final int nz;
    private final boolean hasForeground;
    /** Box, inclusive: x0..x1, y0..y1, z0..z1 (the whole volume when there is no foreground). */
    private final int x0;
    private final int x1;
    private final int y0;
    private final int y1;
    private final int z0;
    private final int z1;
    private final int levelCount;
    private final long foregroundVoxels;

    private EvaluationRegion(int nx, int ny, int nz, int[] box, long foregroundVoxels) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.hasForeground = box != null;
        int[] b = box != null ? box : new int[] {0, 0, 0, nx - 1, ny - 1, nz - 1};
        x0 = b[0];
        y0 = b[1];
        z0 = b[2];
        x1 = b[3];
        y1 = b[4];
        z1 = b[5];
        int far = Math.max(Math.max(Math.max(x0, nx - 1 - x1), Math.max(y0, ny - 1 - y1)), Math.max(z0, nz - 1 - z1));
        levelCount = far + 1;
        this.foregroundVoxels = foregroundVoxels;
    }

    /** The region of a case: the bounding box of its reference voxels whose class label is not 0. */
    public static EvaluationRegion of(Case c) {
        return of(c.geometry(), c.referenceClass(), c.classes());
    }

    public static EvaluationRegion of(Geometry g, byte[] referenceClass, ClassTable classes) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        boolean[] isForeground = new boolean[256];
        for (int v = 0; v < 256; v++) {
            isForeground[v] = v >= classes.size() || classes.get(v).label() != 0;
        }
        int bx0 = Integer.MAX_VALUE;
        int by0 = Integer.MAX_VALUE;
        int bz0 = Integer.MAX_VALUE;
        int bx1 = -1;
        int by1 = -1;
        int bz1 = -1;
        long fg = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                // per row: the first and last foreground x, so the box bookkeeping runs once per row, not per voxel
                int base = nx * (y + ny * z);
                int first = -1;
                int last = -1;
                for (int x = 0; x < nx; x++) {
                    if (isForeground[referenceClass[base + x] & 0xFF]) {
                        if (first < 0) {
                            first = x;
                        }
                        last = x;
                        fg++;
                    }
                }
                if (first >= 0) {
                    bx0 = Math.min(bx0, first);
                    bx1 = Math.max(bx1, last);
                    by0 = Math.min(by0, y);
                    by1 = Math.max(by1, y);
                    bz0 = Math.min(bz0, z);
                    bz1 = Math.max(bz1, z);
                }
            }
        }
        int[] box = fg == 0 ? null : new int[] {bx0, by0, bz0, bx1, by1, bz1};
        return new EvaluationRegion(nx, ny, nz, box, fg);
    }

    /** False when the reference has no voxel with a label other than 0 (every margin is then the whole volume). */
    public boolean hasForeground() {
        return hasForeground;
    }

    /** The bounding box {x0, y0, z0, x1, y1, z1} (inclusive) of the reference foreground, or null when there is none. */
    public int[] box() {
        return hasForeground ? new int[] {x0, y0, z0, x1, y1, z1} : null;
    }

    /** Number of margin levels: levels run 0 … levelCount()−1; any margin &ge; levelCount()−1 is the whole volume. */
    public int levelCount() {
        return levelCount;
    }

    /** The smallest margin whose region is the whole volume. */
    public int wholeVolumeMargin() {
        return levelCount - 1;
    }

    /** The level index that stands for a margin: min(m, levelCount−1); {@link Settings#WHOLE_VOLUME} gives the last. */
    public int levelIndex(int margin) {
        if (margin == Settings.WHOLE_VOLUME) {
            return levelCount - 1;
        }
        if (margin < 0) {
            throw new IllegalArgumentException("margin must be >= 0 or Settings.WHOLE_VOLUME, got " + margin);
        }
        return Math.min(margin, levelCount - 1);
    }

    /** Chebyshev distance of voxel (x, y, z) to the box, 0 inside. */
    public int level(int x, int y, int z) {
        if (!hasForeground) {
            return 0;
        }
        return Math.max(Math.max(dist(x, x0, x1), dist(y, y0, y1)), dist(z, z0, z1));
    }

    /** Level of a voxel index (x + nx·(y + ny·z)). */
    public int level(int voxelIndex) {
        int x = voxelIndex % nx;
        int rest = voxelIndex / nx;
        return level(x, rest % ny, rest / ny);
    }

    /** Whether the voxel lies in Ω_m (m = {@link Settings#WHOLE_VOLUME} for the whole volume). */
    public boolean contains(int voxelIndex, int margin) {
        return margin == Settings.WHOLE_VOLUME || level(voxelIndex) <= levelIndex(margin);
    }

    public boolean contains(int x, int y, int z, int margin) {
        return margin == Settings.WHOLE_VOLUME || level(x, y, z) <= levelIndex(margin);
    }

    /** The clipped extent of Ω_m: {xlo, ylo, zlo, xhi, yhi, zhi}, inclusive (Ω_m is exactly this box). */
    public int[] bounds(int margin) {
        int m = levelIndex(margin);
        if (!hasForeground) {
            return new int[] {0, 0, 0, nx - 1, ny - 1, nz - 1};
        }
        return new int[] {Math.max(x0 - m, 0), Math.max(y0 - m, 0), Math.max(z0 - m, 0), Math.min(x1 + m, nx - 1),
            Math.min(y1 + m, ny - 1), Math.min(z1 + m, nz - 1)};
    }

    /** |Ω_m|. */
    public long voxelCount(int margin) {
        int[] b = bounds(margin);
        return (long) (b[3] - b[0] + 1) * (b[4] - b[1] + 1) * (b[5] - b[2] + 1);
    }

    /** Reference voxels whose label is not 0 (all lie inside the box, hence inside every Ω_m). */
    public long foregroundVoxels() {
        return foregroundVoxels;
    }

    /** Σ_{l≠0} R_l / |Ω_m|. */
    public double foregroundFraction(int margin) {
        return foregroundVoxels / (double) voxelCount(margin);
    }

    /** Fills out[x] with the level of voxel (x, y, z) for every x of the row: the passes' per-row lookup. */
    public void rowLevels(int y, int z, int[] out) {
        if (!hasForeground) {
            java.util.Arrays.fill(out, 0, nx, 0);
            return;
        }
        int dyz = Math.max(dist(y, y0, y1), dist(z, z0, z1));
        for (int x = 0; x < nx; x++) {
            out[x] = Math.max(dist(x, x0, x1), dyz);
        }
    }

    private static int dist(int v, int lo, int hi) {
        return v < lo ? lo - v : v > hi ? v - hi : 0;
    }

    @Override
    public String toString() {
        return hasForeground ? "box [" + x0 + ".." + x1 + "]x[" + y0 + ".." + y1 + "]x[" + z0 + ".." + z1 + "], "
                + levelCount + " levels" : "no reference foreground: whole volume";
    }
}
