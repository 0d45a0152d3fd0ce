package org.dicelens.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dicelens.volume.Geometry;

/**
 * The lab's own small-lesion cases with known uncertainty: spherical lesions in a uniform tissue whose true
 * posterior q falls linearly from 1 to 0 across a boundary band of width w (q = 0.5 at the lesion radius), an
 * image that follows q plus Gaussian noise and a smooth multiplicative bias field, and a reference drawn as one
 * rater's sample: the rater marks the voxels where q ≥ u, u a smooth random field with uniform marginals
 * (u = Φ(z), z box-smoothed Gaussian noise of the given grain), so P(r = 1) = q at every voxel while the drawn
 * boundary wobbles in patches of about the grain's size rather than voxel by voxel. Deterministic for a seed.
 */
public final class SyntheticLesions {

    /**
     * @param radiusMm   radius of the q = 0.5 surface
     * @param widthMm    width of the band where q falls from 1 to 0 (0: a sharp, certain boundary)
     * @param contrast   intensity of q = 1 above the tissue's 100
     * @param noiseSd    standard deviation of the Gaussian noise
     * @param biasAmplitude amplitude of the multiplicative bias field (0.1 = ±10 %)
     * @param raterGrainMm half-width of the box that smooths the rater's noise (0: every voxel drawn alone)
     */
    public record Spec(int nx, int ny, int nz, double sx, double sy, double sz, int lesionCount, double radiusMm,
            double widthMm, double contrast, double noiseSd, double biasAmplitude, double raterGrainMm) implements LabCaseSource {
        public Spec {
            if (nx <= 0 || ny <= 0 || nz <= 0 || !(sx > 0) || !(sy > 0) || !(sz > 0)) {
                throw new IllegalArgumentException("dims and spacing must be positive");
            }
            if (lesionCount < 0 || !(radiusMm > 0) || !(widthMm >= 0) || !(noiseSd >= 0) || !(biasAmplitude >= 0)
                    || biasAmplitude >= 1 || !(raterGrainMm >= 0)) {
                throw new IllegalArgumentException("lesion count ≥ 0, radius > 0, width ≥ 0, noise ≥ 0, bias in [0,1), "
                        + "rater grain ≥ 0");
            }
        }

        @Override
        public LabCase generate(long seed, String name) {
            return SyntheticLesions.generate(this, seed, name);
        }

        @Override
        public LabCase generateForCurve(long seed, String name, double placementBandMm) {
            return SyntheticLesions.generate(this, seed, name, placementBandMm);
        }

        @Override
        public double lesionRadiusMm() {
            return radiusMm;
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT, "synthetic lesions: %dx%dx%d voxels of %sx%sx%s mm; %d lesions of "
                    + "radius %s mm, linear uncertain band %s mm wide; contrast %s over tissue 100, noise sd %s, bias field "
                    + "±%s; rater grain %s mm", nx, ny, nz, LabCaseSource.plain(sx), LabCaseSource.plain(sy), LabCaseSource.plain(sz), lesionCount,
                    LabCaseSource.plain(radiusMm), LabCaseSource.plain(widthMm), LabCaseSource.plain(contrast), LabCaseSource.plain(noiseSd),
                    LabCaseSource.plain(biasAmplitude), LabCaseSource.plain(raterGrainMm));
        }

        @Override
        public String kind() {
            return "synthetic";
        }

        @Override
        public Spec withWidth(double w) {
            return new Spec(nx, ny, nz, sx, sy, sz, lesionCount, radiusMm, w, contrast, noiseSd, biasAmplitude, raterGrainMm);
        }

        @Override
        public Spec withLesions(int count, double radius) {
            return new Spec(nx, ny, nz, sx, sy, sz, count, radius, widthMm, contrast, noiseSd, biasAmplitude, raterGrainMm);
        }

        @Override
        public Spec withNoise(double sd) {
            return new Spec(nx, ny, nz, sx, sy, sz, lesionCount, radiusMm, widthMm, contrast, sd, biasAmplitude, raterGrainMm);
        }

        public Spec withRaterGrain(double mm) {
            return new Spec(nx, ny, nz, sx, sy, sz, lesionCount, radiusMm, widthMm, contrast, noiseSd, biasAmplitude, mm);
        }

        @Override
        public Spec withDims(int x, int y, int z) {
            return new Spec(x, y, z, sx, sy, sz, lesionCount, radiusMm, widthMm, contrast, noiseSd, biasAmplitude, raterGrainMm);
        }
    }

    /** Where the lesions sit: centres in mm (voxel coordinates times spacing). */
    record Lesion(double cx, double cy, double cz) {
    }

    private SyntheticLesions() {
    }

    /** The true posterior at distance d (mm) from a lesion centre. */
    public static double q(double d, double radiusMm, double widthMm) {
        if (widthMm == 0) {
            return d <= radiusMm ? 1 : 0;
        }
        return Math.max(0, Math.min(1, 0.5 - (d - radiusMm) / widthMm));
    }

    public static LabCase generate(Spec s, long seed, String name) {
        return generate(s, seed, name, s.widthMm);
    }

    /**
     * As {@link #generate(Spec, long, String)} with the lesions placed as if their band were {@code placementBandMm}
     * wide (≥ the spec's width): with the same seed and placement band, phantoms of different widths have their
     * lesions in the same places, so a curve over widths varies the width alone.
     */
    public static LabCase generate(Spec s, long seed, String name, double placementBandMm) {
        if (!(placementBandMm >= s.widthMm)) {
            throw new IllegalArgumentException("placement band " + placementBandMm + " mm < width " + s.widthMm + " mm");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Geometry g = Geometry.ofSpacing(s.nx, s.ny, s.nz, s.sx, s.sy, s.sz);
        List<Lesion> lesions = place(s, placementBandMm, rnd);
        int n = g.voxelCount();
        float[] q = new float[n];
        byte[] ref = new byte[n];
        double[] u = raterLevels(g, s.raterGrainMm, rnd);
        double outer = s.radiusMm + s.widthMm / 2;
        for (Lesion l : lesions) {
            int x0 = Math.max(0, (int) Math.floor((l.cx - outer) / s.sx));
            int x1 = Math.min(s.nx - 1, (int) Math.ceil((l.cx + outer) / s.sx));
            int y0 = Math.max(0, (int) Math.floor((l.cy - outer) / s.sy));
            int y1 = Math.min(s.ny - 1, (int) Math.ceil((l.cy + outer) / s.sy));
            int z0 = Math.max(0, (int) Math.floor((l.cz - outer) / s.sz));
            int z1 = Math.min(s.nz - 1, (int) Math.ceil((l.cz + outer) / s.sz));
            for (int z = z0; z <= z1; z++) {
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        double d = Math.sqrt(sq(x * s.sx - l.cx) + sq(y * s.sy - l.cy) + sq(z * s.sz - l.cz));
                        double qv = q(d, s.radiusMm, s.widthMm);
                        if (qv > 0) {
                            int i = g.index(x, y, z);
                            q[i] = (float) qv;
                            if (q[i] >= u[i]) {
                                ref[i] = 1;
                            }
                        }
                    }
                }
            }
        }
        float[] image = new float[n];
        double[] phase = {rnd.nextDouble() * 2 * Math.PI, rnd.nextDouble() * 2 * Math.PI, rnd.nextDouble() * 2 * Math.PI};
        for (int z = 0; z < s.nz; z++) {
            for (int y = 0; y < s.ny; y++) {
                for (int x = 0; x < s.nx; x++) {
                    int i = g.index(x, y, z);
                    // one slow period across each axis: smooth enough that local features barely see it
                    double bias = 1 + s.biasAmplitude * (0.5 * Math.sin(2 * Math.PI * x / s.nx + phase[0])
                            + 0.3 * Math.sin(2 * Math.PI * y / s.ny + phase[1]) + 0.2 * Math.sin(2 * Math.PI * z / s.nz + phase[2]));
                    image[i] = (float) (bias * (100 + s.contrast * q[i]) + s.noiseSd * rnd.nextGaussian());
                }
            }
        }
        return new LabCase(name, g, image, q, ref);
    }

    /**
     * The rater's levels u in (0, 1) with uniform marginals: Gaussian noise averaged over a box of half-width grain
     * (mm, per axis rounded to voxels), rescaled to unit variance by the number of voxels averaged, then Φ.
     */
    static double[] raterLevels(Geometry g, double grainMm, SplittableRandom rnd) {
        int n = g.voxelCount();
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) rnd.nextGaussian();
        }
        int[] h = BoxMean.halfWidths(g, grainMm);
        float[] mean = BoxMean.of(g, z, h);
        double[] u = new double[n];
        int[] len = g.dims();
        for (int zz = 0; zz < len[2]; zz++) {
            for (int y = 0; y < len[1]; y++) {
                for (int x = 0; x < len[0]; x++) {
                    long m = (long) span(x, h[0], len[0]) * span(y, h[1], len[1]) * span(zz, h[2], len[2]);
                    int i = g.index(x, y, zz);
                    u[i] = phi(mean[i] * Math.sqrt(m));
                }
            }
        }
        return u;
    }

    private static int span(int t, int h, int len) {
        return Math.min(len - 1, t + h) - Math.max(0, t - h) + 1;
    }

    /** Standard normal CDF, Φ(x) = erfc(−x/√2)/2 (Numerical Recipes' Chebyshev fit erfcc, relative error &lt; 1.2e-7). */
    static double phi(double x) {
        double t = -x / Math.sqrt(2);
        double a = Math.abs(t);
        double k = 1 / (1 + 0.5 * a);
        double erfc = k * Math.exp(-a * a - 1.26551223 + k * (1.00002368 + k * (0.37409196 + k * (0.09678418
                + k * (-0.18628806 + k * (0.27886807 + k * (-1.13520398 + k * (1.48851587 + k * (-0.82215223
                + k * 0.17087277)))))))));
        return 0.5 * (t >= 0 ? erfc : 2 - erfc);
    }

    /** Lesion centres drawn uniformly, inside the volume and never overlapping (rejection, bounded attempts). */
    private static List<Lesion> place(Spec s, double band, SplittableRandom rnd) {
        double outer = s.radiusMm + band / 2;
        double[] lo = {outer, outer, outer};
        double[] hi = {(s.nx - 1) * s.sx - outer, (s.ny - 1) * s.sy - outer, (s.nz - 1) * s.sz - outer};
        if (s.lesionCount > 0 && (hi[0] < lo[0] || hi[1] < lo[1] || hi[2] < lo[2])) {
            throw new IllegalArgumentException("a lesion of radius " + s.radiusMm + " mm with a " + band
                    + " mm band does not fit in " + s.nx + "x" + s.ny + "x" + s.nz + " voxels");
        }
        // rejection sampling; a crowded start that leaves no room is dropped and drawn again
        List<Lesion> out = new ArrayList<>();
        int attempts = 0;
        int restarts = 0;
        while (out.size() < s.lesionCount) {
            if (++attempts > 2_000) {
                if (++restarts > 50) {
                    throw new IllegalArgumentException("cannot place " + s.lesionCount + " separate lesions of radius "
                            + s.radiusMm + " mm (band " + band + " mm) in " + s.nx + "x" + s.ny + "x" + s.nz
                            + " voxels; use fewer or smaller lesions or a larger volume");
                }
                out.clear();
                attempts = 0;
            }
            Lesion c = new Lesion(lo[0] + rnd.nextDouble() * (hi[0] - lo[0]), lo[1] + rnd.nextDouble() * (hi[1] - lo[1]),
                    lo[2] + rnd.nextDouble() * (hi[2] - lo[2]));
            boolean free = true;
            for (Lesion o : out) {
                // one voxel diagonal of clearance so that no voxel is in two bands
                if (Math.sqrt(sq(c.cx - o.cx) + sq(c.cy - o.cy) + sq(c.cz - o.cz)) < 2 * outer + s.sx + s.sy + s.sz) {
                    free = false;
                    break;
                }
            }
            if (free) {
                out.add(c);
            }
        }
        return out;
    }

    private static double sq(double v) {
        return v * v;
    }
}
