package org.dicelens.phantom;

import java.util.SplittableRandom;

/**
 * A closed, star-shaped surface around a centre: an ellipsoid with semi-axes a whose radius is modulated by a
 * few smooth waves (gyri-like folds). Distances are measured along the ray from the centre, which is exact
 * for a sphere and smooth everywhere else, and that is all the phantom needs: a smooth signed distance whose
 * zero set is the surface. All lengths in mm.
 */
final class PhantomSurface {
    private final double[] centre;
    private final double[] axes;
    private final double[] amp;
    private final double[] freq;
    private final double[][] dir;
    private final double[] phase;
    private final boolean inwardOnly;

    /** @param inwardOnly folds only go inwards (radius factor at most 1), keeping a shell outside the surface */
    PhantomSurface(double[] centre, double[] axes, int waves, double amplitude, int minFreq, int maxFreq, boolean inwardOnly,
            SplittableRandom rnd) {
        this.inwardOnly = inwardOnly;
        this.centre = centre.clone();
        this.axes = axes.clone();
        amp = new double[waves];
        freq = new double[waves];
        dir = new double[waves][];
        phase = new double[waves];
        for (int k = 0; k < waves; k++) {
            amp[k] = amplitude * (0.5 + 0.5 * rnd.nextDouble()) / Math.sqrt(waves);
            freq[k] = minFreq + (maxFreq - minFreq) * rnd.nextDouble();
            // a uniformly random unit vector: plane waves along it are smooth on the whole sphere (no poles)
            double z = 2 * rnd.nextDouble() - 1;
            double a = 2 * Math.PI * rnd.nextDouble();
            double r = Math.sqrt(1 - z * z);
            dir[k] = new double[] {r * StrictMath.cos(a), r * StrictMath.sin(a), z};
            phase[k] = 2 * Math.PI * rnd.nextDouble();
        }
    }

    /** Signed distance along the ray from the centre: negative inside, 0 on the surface. */
    double signedDistance(double x, double y, double z) {
        double vx = x - centre[0];
        double vy = y - centre[1];
        double vz = z - centre[2];
        double ex = vx / axes[0];
        double ey = vy / axes[1];
        double ez = vz / axes[2];
        double rho = Math.sqrt(ex * ex + ey * ey + ez * ez);
        if (rho < 1e-12) {
            return -Math.min(axes[0], Math.min(axes[1], axes[2])) * radiusFactor(0, 0, 1);
        }
        double f = radiusFactor(ex / rho, ey / rho, ez / rho);
        double len = Math.sqrt(vx * vx + vy * vy + vz * vz);
        return len * (1 - f / rho);
    }

    /** The surface's radius relative to the plain ellipsoid in direction (dx, dy, dz) (unit, ellipsoidal coordinates). */
    private double radiusFactor(double dx, double dy, double dz) {
        double f = 1;
        for (int k = 0; k < amp.length; k++) {
            double[] v = dir[k];
            f += amp[k] * StrictMath.sin(freq[k] * (dx * v[0] + dy * v[1] + dz * v[2]) + phase[k]);
        }
        return inwardOnly ? Math.min(1, f) : f;
    }
}
