package org.dicelens.phantom;

import java.util.List;
import java.util.SplittableRandom;
import org.dicelens.volume.Geometry;

/**
 * The phantom's structures and the rater model. Each structure S (head, white matter, each lesion) has a
 * membership probability σ_S(x) = 1 / (1 + exp(d_S(x) / w)), d_S the signed distance to its surface in mm.
 * A rater draws one uniform u_S in (0, 1] per structure and marks x iff σ_S(x) ≥ u_S, so
 * P(x marked) = σ_S(x) exactly, and each rater's outline is a smooth dilation or erosion of the structure
 * (spatially coherent, as real raters disagree). Labels are nested: lesion, else white matter, else grey
 * matter (inside the head), else background; with independent u's this gives the posterior of
 * {@link #posterior}.
 */
final class PhantomStructures {
    /**
     * σ is rounded to a multiple of 1/2048: the files compress far better, q stays exactly the raters' marginal
     * (both use the same rounded values) and the step is half the 0.001 threshold step. Beyond |d / w| = 10 the rounded
     * σ is exactly 0 or 1 (σ(−10) = 4.5e-5 < 1/4096), so loops stop there.
     */
    static final double LEVELS = 2048;
    static final double CUTOFF = 10;

    final Geometry geometry;
    final double[] spacing;
    final double width;
    /** σ of the head (grey-matter outer surface) and of the white matter, per voxel, as floats. */
    final float[] head;
    final float[] white;
    final List<PhantomLesion> lesions;
    /**
     * 0: a rater draws one level per structure (the generator's rater). Above 0: head and white-matter levels are smooth
     * random fields with uniform marginals of this grain in mm (the lab's {@link SyntheticLesions#raterLevels}), so each
     * voxel is still marked with probability σ but a rater's volume stays near Σσ: on a template's blurry tissue maps
     * one level per structure would make one rater's white matter hundreds of mL too large or too small.
     */
    final double tissueGrainMm;

    PhantomStructures(Geometry geometry, double[] spacing, double width, float[] head, float[] white,
            List<PhantomLesion> lesions) {
        this(geometry, spacing, width, head, white, lesions, 0);
    }

    PhantomStructures(Geometry geometry, double[] spacing, double width, float[] head, float[] white,
            List<PhantomLesion> lesions, double tissueGrainMm) {
        this.tissueGrainMm = tissueGrainMm;
        this.geometry = geometry;
        this.spacing = spacing;
        this.width = width;
        this.head = head;
        this.white = white;
        this.lesions = List.copyOf(lesions);
    }

    static double sigma(double d, double w) {
        if (w == 0) {
            return d < 0 ? 1 : d > 0 ? 0 : 0.5;
        }
        double t = d / w;
        if (t >= CUTOFF) {
            return 0;
        }
        if (t <= -CUTOFF) {
            return 1;
        }
        return Math.rint(LEVELS / (1 + StrictMath.exp(t))) / LEVELS;
    }

    interface VoxelSigma {
        void accept(int index, double sigma);
    }

    /** Calls back every voxel where lesion j's σ is non-zero, with that σ. */
    void forEachLesionVoxel(PhantomLesion l, VoxelSigma f) {
        double reach = l.radiusMm() + (width == 0 ? 0 : CUTOFF * width);
        int nx = geometry.nx();
        int ny = geometry.ny();
        int x0 = Math.max(0, (int) Math.floor((l.cx() - reach) / spacing[0]));
        int x1 = Math.min(nx - 1, (int) Math.ceil((l.cx() + reach) / spacing[0]));
        int y0 = Math.max(0, (int) Math.floor((l.cy() - reach) / spacing[1]));
        int y1 = Math.min(ny - 1, (int) Math.ceil((l.cy() + reach) / spacing[1]));
        int z0 = Math.max(0, (int) Math.floor((l.cz() - reach) / spacing[2]));
        int z1 = Math.min(geometry.nz() - 1, (int) Math.ceil((l.cz() + reach) / spacing[2]));
        for (int z = z0; z <= z1; z++) {
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    double s = sigma(l.signedDistance(x * spacing[0], y * spacing[1], z * spacing[2]), width);
                    if (s > 0) {
                        f.accept(x + nx * (y + ny * z), s);
                    }
                }
            }
        }
    }

    /** Probability that a rater marks the voxel as lesion: 1 − Π_j (1 − σ_j). */
    double[] lesionProbability() {
        double[] keep = new double[geometry.voxelCount()];
        java.util.Arrays.fill(keep, 1.0);
        for (PhantomLesion l : lesions) {
            forEachLesionVoxel(l, (i, s) -> keep[i] *= 1 - s);
        }
        for (int i = 0; i < keep.length; i++) {
            keep[i] = 1 - keep[i];
        }
        return keep;
    }

    /**
     * The true posterior of the four nested labels (background, white matter, grey matter, lesion):
     * q3 = λ, q1 = (1−λ)ω, q2 = (1−λ)(1−ω)η, q0 = (1−λ)(1−ω)(1−η), with η the head's σ, ω the white
     * matter's and λ the lesion probability.
     */
    float[][] posterior(double[] lesion) {
        int n = geometry.voxelCount();
        float[][] q = new float[4][n];
        for (int i = 0; i < n; i++) {
            double l = lesion[i];
            double w = white[i];
            double h = head[i];
            q[3][i] = (float) l;
            q[1][i] = (float) ((1 - l) * w);
            q[2][i] = (float) ((1 - l) * (1 - w) * h);
            q[0][i] = (float) ((1 - l) * (1 - w) * (1 - h));
        }
        return q;
    }

    /** One rater's labels (4-class nested, or lesion-only when {@code binary}), from the rater's own stream. */
    byte[] sample(SplittableRandom rnd, boolean binary) {
        double uHead = 1 - rnd.nextDouble();
        double uWhite = 1 - rnd.nextDouble();
        int n = geometry.voxelCount();
        byte[] labels = new byte[n];
        if (!binary && tissueGrainMm > 0) {
            double[] fieldWhite = SyntheticLesions.raterLevels(geometry, tissueGrainMm, rnd);
            double[] fieldHead = SyntheticLesions.raterLevels(geometry, tissueGrainMm, rnd);
            for (int i = 0; i < n; i++) {
                double uw = Math.max(fieldWhite[i], Double.MIN_VALUE); // u in (0, 1]: σ = 0 is never marked
                double uh = Math.max(fieldHead[i], Double.MIN_VALUE);
                labels[i] = white[i] >= uw ? (byte) 1 : head[i] >= uh ? (byte) 2 : 0;
            }
        } else if (!binary) {
            for (int i = 0; i < n; i++) {
                labels[i] = white[i] >= uWhite ? (byte) 1 : head[i] >= uHead ? (byte) 2 : 0;
            }
        }
        byte lesionLabel = binary ? (byte) 1 : (byte) 3;
        for (PhantomLesion l : lesions) {
            double u = 1 - rnd.nextDouble();
            forEachLesionVoxel(l, (i, s) -> {
                if (s >= u) {
                    labels[i] = lesionLabel;
                }
            });
        }
        return labels;
    }
}
