package org.dicelens.metrics.spatial;

/** A voxel of a lesion (its centre voxel): coordinates and voxel index x + nx·(y + ny·z). */
public record Centre(int x, int y, int z, int index) {
    static Centre of(int x, int y, int z, Grid g) {
        return new Centre(x, y, z, x + g.nx() * (y + g.ny() * z));
    }
}
