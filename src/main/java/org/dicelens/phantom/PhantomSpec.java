package org.dicelens.phantom;

/**
 * Parameters of a phantom. Lengths are in mm; the grid may be anisotropic.
 *
 * @param kind            brain (4 classes) or binary lesion
 * @param nx              grid size along x (likewise ny, nz)
 * @param sx              voxel spacing along x in mm (likewise sy, sz)
 * @param lesions         number of lesions (fewer are placed if they do not fit; see Phantom.lesions())
 * @param lesionRadiusMm  mean lesion radius; each lesion's radius is drawn in [0.7, 1.3] × this
 * @param widthMm         boundary uncertainty: q = 1 / (1 + exp(d / width)) with d the signed distance to a
 *                        structure's surface (positive outside); 0 gives a sharp boundary
 * @param noise           image noise standard deviation, as a fraction of the white-matter intensity
 * @param bias            bias-field amplitude: intensities are multiplied by 1 + bias·B(x), B smooth in [-1, 1]
 * @param sharpness       exponent k of the over-confident prediction p ∝ q^k (under-confident uses 1/k); ≥ 1
 * @param raters          how many raters' samples to make (the reference is rater 0)
 * @param seed            everything is a deterministic function of the spec, seed included
 */
public record PhantomSpec(PhantomKind kind, int nx, int ny, int nz, double sx, double sy, double sz, int lesions,
        double lesionRadiusMm, double widthMm, double noise, double bias, double sharpness, int raters, long seed) {

    public PhantomSpec {
        if (nx < 4 || ny < 4 || nz < 4) {
            throw new IllegalArgumentException("phantom grid must be at least 4 voxels each way: " + nx + "x" + ny + "x" + nz);
        }
        if ((long) nx * ny * nz > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("phantom grid too large: " + nx + "x" + ny + "x" + nz);
        }
        if (!(sx > 0 && sy > 0 && sz > 0)) {
            throw new IllegalArgumentException("spacing must be positive: " + sx + "," + sy + "," + sz);
        }
        if (lesions < 0 || !(lesionRadiusMm > 0)) {
            throw new IllegalArgumentException("lesions must be >= 0 with a positive radius: " + lesions + ", " + lesionRadiusMm);
        }
        if (!(widthMm >= 0) || !(noise >= 0) || !(bias >= 0 && bias < 1)) {
            throw new IllegalArgumentException("need width >= 0, noise >= 0, 0 <= bias < 1: " + widthMm + ", " + noise + ", "
                    + bias);
        }
        if (!(sharpness >= 1) || raters < 1) {
            throw new IllegalArgumentException("need sharpness >= 1 and raters >= 1: " + sharpness + ", " + raters);
        }
    }

    /** A multi-class brain: 96×96×64 at 1.5×1.5×2.5 mm, 6 lesions of 4 mm, width 1 mm, noise 0.08, bias 0.15, seed 1. */
    public static PhantomSpec brain() {
        return new PhantomSpec(PhantomKind.BRAIN, 96, 96, 64, 1.5, 1.5, 2.5, 6, 4, 1.0, 0.08, 0.15, 4, 1, 1);
    }

    /**
     * A binary small-lesion case with wide uncertainty: 96×96×48 at 1.5×1.5×3 mm, 12 lesions of 3.5 mm, width 1.5 mm,
     * seed 2.
     */
    public static PhantomSpec lesion() {
        return new PhantomSpec(PhantomKind.LESION, 96, 96, 48, 1.5, 1.5, 3, 12, 3.5, 1.5, 0.08, 0.15, 4, 1, 2);
    }

    public PhantomSpec withKind(PhantomKind k) {
        return new PhantomSpec(k, nx, ny, nz, sx, sy, sz, lesions, lesionRadiusMm, widthMm, noise, bias, sharpness, raters, seed);
    }

    public PhantomSpec withSize(int x, int y, int z) {
        return new PhantomSpec(kind, x, y, z, sx, sy, sz, lesions, lesionRadiusMm, widthMm, noise, bias, sharpness, raters,
                seed);
    }

    public PhantomSpec withSpacing(double x, double y, double z) {
        return new PhantomSpec(kind, nx, ny, nz, x, y, z, lesions, lesionRadiusMm, widthMm, noise, bias, sharpness, raters,
                seed);
    }

    public PhantomSpec withLesions(int count, double radiusMm) {
        return new PhantomSpec(kind, nx, ny, nz, sx, sy, sz, count, radiusMm, widthMm, noise, bias, sharpness, raters, seed);
    }

    public PhantomSpec withWidth(double mm) {
        return new PhantomSpec(kind, nx, ny, nz, sx, sy, sz, lesions, lesionRadiusMm, mm, noise, bias, sharpness, raters, seed);
    }

    public PhantomSpec withImage(double noiseSd, double biasAmplitude) {
        return new PhantomSpec(kind, nx, ny, nz, sx, sy, sz, lesions, lesionRadiusMm, widthMm, noiseSd, biasAmplitude,
                sharpness, raters, seed);
    }

    public PhantomSpec withSharpness(double k) {
        return new PhantomSpec(kind, nx, ny, nz, sx, sy, sz, lesions, lesionRadiusMm, widthMm, noise, bias, k, raters, seed);
    }

    public PhantomSpec withRaters(int n) {
        return new PhantomSpec(kind, nx, ny, nz, sx, sy, sz, lesions, lesionRadiusMm, widthMm, noise, bias, sharpness, n, seed);
    }

    public PhantomSpec withSeed(long s) {
        return new PhantomSpec(kind, nx, ny, nz, sx, sy, sz, lesions, lesionRadiusMm, widthMm, noise, bias, sharpness, raters,
                s);
    }
}
