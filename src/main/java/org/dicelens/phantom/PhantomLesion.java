package org.dicelens.phantom;

/** A spherical lesion: centre in mm from voxel (0,0,0) along the voxel axes (x·sx, y·sy, z·sz), radius in mm. */
public record PhantomLesion(double cx, double cy, double cz, double radiusMm) {
    /** Signed distance in mm from a point to the lesion's surface (negative inside). */
    public double signedDistance(double x, double y, double z) {
        double dx = x - cx;
        double dy = y - cy;
        double dz = z - cz;
        return Math.sqrt(dx * dx + dy * dy + dz * dz) - radiusMm;
    }
}
