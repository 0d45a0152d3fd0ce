package org.dicelens.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dicelens.volume.Geometry;

/**
 * A phantom on real anatomy: the posterior q is a resampled tissue template's (background = 1 − gm − wm, white
 * matter, grey matter) with synthetic white-matter lesions added as {@link PhantomGenerator} adds them (spheres, logistic
 * boundary, one rater level per lesion). Raters mark white matter iff ω ≥ u_W(x), else grey matter iff η ≥ u_G(x), with
 * ω = wm, η = gm / (1 − wm) and u smooth random fields with uniform marginals (grain {@link #RATER_GRAIN_MM}), so
 * P(white) = wm and P(grey) = gm exactly (up to float rounding of η) while one rater's volumes stay near Σq·v;
 * lesions on top, one uniform level per lesion as in the generator. The tissue maps are rounded to multiples of 1/2048
 * (far finer than the template's own 1/255 steps; the files compress far better), keeping gm + wm ≤ 1.
 * The image is the template's T1 (×4, whole numbers) with the lesions drawn hypointense (0.6 × the white matter's mean).
 */
public final class TemplateBrain {
    /** T1 intensity of a lesion relative to the mean of voxels with ω ≥ 0.99 (T1: lesions darker than white matter). */
    static final double LESION_CONTRAST = 0.6;
    static final double IMAGE_SCALE = 4;
    /** A lesion's centre needs ω ≥ this everywhere within radius + gap (the phantom's gap rule). */
    static final double WHITE_MIN = 0.5;
    /** Grain of the raters' smooth level fields for white and grey matter (see {@link PhantomStructures#tissueGrainMm}). */
    static final double RATER_GRAIN_MM = 4;

    private TemplateBrain() {
    }

    /**
     * @param spec lesions, lesion radius, boundary width, sharpness, raters and seed are used; its grid, noise and bias
     *             are replaced by the template's (see {@link #specFor})
     */
    public static Phantom generate(TemplateMaps maps, PhantomSpec spec) {
        Geometry g = maps.geometry();
        PhantomSpec s = specFor(maps, spec);
        int n = g.voxelCount();
        float[] white = new float[n];
        float[] eta = new float[n];
        double[] omega = new double[n];
        double[] tissue = new double[n];
        for (int i = 0; i < n; i++) {
            double w = Math.rint(maps.wm()[i] * PhantomStructures.LEVELS) / PhantomStructures.LEVELS;
            double t = Math.rint(Math.min(1, maps.wm()[i] + maps.gm()[i]) * PhantomStructures.LEVELS) / PhantomStructures.LEVELS;
            omega[i] = w;
            tissue[i] = t;
            white[i] = (float) w;
            eta[i] = w >= 1 ? 0f : (float) ((t - w) / (1 - w));
        }
        double[] spacing = g.spacing();
        List<PhantomLesion> lesions = placeLesions(s, g, spacing, omega, new SplittableRandom(s.seed()));
        PhantomStructures st = new PhantomStructures(g, spacing, s.widthMm(), eta, white, lesions, RATER_GRAIN_MM);
        double[] lambda = st.lesionProbability();
        float[][] q = new float[4][n];
        double lesionT1 = LESION_CONTRAST * meanWhiteT1(maps.t1(), omega);
        float[] image = new float[n];
        for (int i = 0; i < n; i++) {
            double l = lambda[i];
            q[3][i] = (float) l;
            q[1][i] = (float) ((1 - l) * omega[i]);
            q[2][i] = (float) ((1 - l) * (tissue[i] - omega[i]));
            q[0][i] = (float) ((1 - l) * (1 - tissue[i]));
            image[i] = (float) Math.rint(IMAGE_SCALE * ((1 - l) * maps.t1()[i] + l * lesionT1)) + 0f;
        }
        return new Phantom(s, g, st, q, image);
    }

    /** The phantom spec describing a template case: the template's grid and spacing, no noise, no bias field. */
    public static PhantomSpec specFor(TemplateMaps maps, PhantomSpec spec) {
        Geometry g = maps.geometry();
        double[] sp = g.spacing();
        return spec.withKind(PhantomKind.BRAIN).withSize(g.nx(), g.ny(), g.nz()).withSpacing(sp[0], sp[1], sp[2])
                .withImage(0, 0);
    }

    private static double meanWhiteT1(double[] t1, double[] omega) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < t1.length; i++) {
            if (omega[i] >= 0.99) {
                sum += t1[i];
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /**
     * Rejection sampling as in the generator: a centre is kept when ω ≥ {@link #WHITE_MIN} at every voxel within
     * radius + 2·width + 2 mm of it and it is at least that far (plus the other's radius) from earlier lesions;
     * gives up on a lesion after 5,000 tries.
     */
    private static List<PhantomLesion> placeLesions(PhantomSpec s, Geometry g, double[] sp, double[] omega,
            SplittableRandom rnd) {
        List<PhantomLesion> out = new ArrayList<>();
        double gap = 2 * s.widthMm() + 2;
        double[] extent = {g.nx() * sp[0], g.ny() * sp[1], g.nz() * sp[2]};
        for (int j = 0; j < s.lesions(); j++) {
            double r = s.lesionRadiusMm() * (0.7 + 0.6 * rnd.nextDouble());
            for (int attempt = 0; attempt < 5000; attempt++) {
                double x = extent[0] * rnd.nextDouble();
                double y = extent[1] * rnd.nextDouble();
                double z = extent[2] * rnd.nextDouble();
                boolean clear = true;
                for (PhantomLesion o : out) {
                    if (o.signedDistance(x, y, z) < r + gap) {
                        clear = false;
                        break;
                    }
                }
                if (clear && insideWhite(g, sp, omega, x, y, z, r + gap)) {
                    out.add(new PhantomLesion(x, y, z, r));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean insideWhite(Geometry g, double[] sp, double[] omega, double x, double y, double z, double reach) {
        int[] lo = new int[3];
        int[] hi = new int[3];
        double[] c = {x, y, z};
        int[] n = g.dims();
        for (int k = 0; k < 3; k++) {
            lo[k] = (int) Math.floor((c[k] - reach) / sp[k]);
            hi[k] = (int) Math.ceil((c[k] + reach) / sp[k]);
            if (lo[k] < 0 || hi[k] >= n[k]) {
                return false;
            }
        }
        for (int k = lo[2]; k <= hi[2]; k++) {
            for (int j = lo[1]; j <= hi[1]; j++) {
                for (int i = lo[0]; i <= hi[0]; i++) {
                    double dx = i * sp[0] - x;
                    double dy = j * sp[1] - y;
                    double dz = k * sp[2] - z;
                    if (dx * dx + dy * dy + dz * dz <= reach * reach && omega[g.index(i, j, k)] < WHITE_MIN) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
