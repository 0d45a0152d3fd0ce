package org.dicelens.metrics.spatial;

import org.dicelens.volume.Geometry;

/**
 * The voxel grid the masks live on: dimensions, voxel sizes in mm along each axis (distances are Euclidean in mm with
 * these) and the volume of one voxel in mL (lesion volumes). Voxel index = x + nx·(y + ny·z), as everywhere in the
 * project.
 */
public record Grid(int nx, int ny, int nz, double sx, double sy, double sz, double voxelMl) {
    public Grid {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("grid dimensions must be positive: " + nx + "x" + ny + "x" + nz);
        }
        if ((long) nx * ny * nz > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("grid too large for int voxel indices: " + nx + "x" + ny + "x" + nz);
        }
        for (double s : new double[] {sx, sy, sz}) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("voxel sizes must be positive and finite: " + sx + ", " + sy + ", " + sz);
            }
        }
        if (!(voxelMl > 0) || Double.isInfinite(voxelMl)) {
            throw new IllegalArgumentException("voxel volume must be positive and finite: " + voxelMl);
        }
    }

    /** A grid whose voxel volume is the product of the voxel sizes (mm³ → mL). */
    public static Grid of(int nx, int ny, int nz, double sx, double sy, double sz) {
        return new Grid(nx, ny, nz, sx, sy, sz, sx * sy * sz / 1000.0);
    }

    /** The grid of a volume: spacing from the affine's column norms, voxel volume |det| / 1000 (as the engine). */
    public static Grid of(Geometry g) {
        double[] s = g.spacing();
        return new Grid(g.nx(), g.ny(), g.nz(), s[0], s[1], s[2], g.voxelMl());
    }

    public int voxelCount() {
        return nx * ny * nz;
    }

    /** Squared distance in mm² between two voxel centres given by their coordinate differences. */
    double dist2(int dx, int dy, int dz) {
        double a = dx * sx;
        double b = dy * sy;
        double c = dz * sz;
        return a * a + (b * b + c * c);
    }
}
