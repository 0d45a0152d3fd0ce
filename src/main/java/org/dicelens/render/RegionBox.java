package org.dicelens.render;

import java.util.function.IntPredicate;
import org.dicelens.volume.Geometry;

/**
 * An axis-aligned voxel box [x0..x1] × [y0..y1] × [z0..z1] (inclusive), for drawing the evaluation region
 * Ω_m: the bounding box of the reference foreground grown by the margin m (Chebyshev distance) and
 * clipped to the volume (formula sheet, "Evaluation region").
 */
public record RegionBox(int x0, int y0, int z0, int x1, int y1, int z1) {

    /** The bounding box of voxels whose reference channel is not {@code background}; null when there are none. */
    public static RegionBox foreground(byte[] referenceClass, Geometry g, int background) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int x0 = nx;
        int y0 = ny;
        int z0 = nz;
        int x1 = -1;
        int y1 = -1;
        int z1 = -1;
        int i = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    if ((referenceClass[i] & 0xFF) != background) {
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                        z0 = Math.min(z0, z);
                        z1 = Math.max(z1, z);
                    }
                }
            }
        }
        return x1 < 0 ? null : new RegionBox(x0, y0, z0, x1, y1, z1);
    }

    /** The box grown by m voxels on every side and clipped to the grid. */
    public RegionBox grow(int m, Geometry g) {
        return new RegionBox(Math.max(0, x0 - m), Math.max(0, y0 - m), Math.max(0, z0 - m), Math.min(g.nx() - 1, x1 + m),
                Math.min(g.ny() - 1, y1 + m), Math.min(g.nz() - 1, z1 + m));
    }

    public boolean contains(int x, int y, int z) {
        return x >= x0 && x <= x1 && y >= y0 && y <= y1 && z >= z0 && z <= z1;
    }

    /** Lower bound along voxel axis a (0 = x, 1 = y, 2 = z). */
    public int low(int a) {
        return a == 0 ? x0 : a == 1 ? y0 : z0;
    }

    /** Upper bound (inclusive) along voxel axis a. */
    public int high(int a) {
        return a == 0 ? x1 : a == 1 ? y1 : z1;
    }

    /**
     * Membership by flat voxel index on grid g. The renderer recognises this predicate and draws the box from
     * its bounds (no per-voxel test).
     */
    public IntPredicate asPredicate(Geometry g) {
        return new Membership(this, g.nx(), g.nx() * g.ny());
    }

    /** The box behind a predicate made by {@link #asPredicate}, or null for any other region. */
    public static RegionBox of(IntPredicate region) {
        return region instanceof Membership m ? m.box() : null;
    }

    /** The predicate of {@link #asPredicate}: a box on a grid. */
    record Membership(RegionBox box, int nx, int nxy) implements IntPredicate {
        @Override
        public boolean test(int i) {
            int z = i / nxy;
            int r = i - z * nxy;
            int y = r / nx;
            return box.contains(r - y * nx, y, z);
        }
    }
}
