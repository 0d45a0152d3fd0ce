package org.dicelens.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dicelens.volume.Geometry;

/**
 * Builds a {@link Phantom} from a {@link PhantomSpec}: a brain-like head (a folded grey-matter shell around a
 * folded white-matter core), spherical lesions inside the white matter, the true posterior q, and an image
 * whose intensity follows q (a mix of the class intensities) times a smooth bias field, plus Gaussian noise.
 * Deterministic: the same spec always gives the same phantom.
 */
public final class PhantomGenerator {
    /** Mean intensities of background, white matter, grey matter and lesion (FLAIR-like: lesions brightest). */
    static final double[] INTENSITY = {0.0, 0.75, 0.5, 1.0};
    static final double IMAGE_SCALE = 1000;

    private PhantomGenerator() {
    }

    public static Phantom generate(PhantomSpec spec) {
        double[] s = {spec.sx(), spec.sy(), spec.sz()};
        int[] n = {spec.nx(), spec.ny(), spec.nz()};
        double[] centre = new double[3];
        double[] extent = new double[3];
        for (int k = 0; k < 3; k++) {
            centre[k] = (n[k] - 1) * s[k] / 2;
            extent[k] = n[k] * s[k];
        }
        // RAS, with the head's centre at world (0, 0, 0)
        Geometry g = new Geometry(n[0], n[1], n[2], new double[] {s[0], 0, 0, -centre[0], 0, s[1], 0, -centre[1], 0, 0, s[2],
            -centre[2], 0, 0, 0, 1});
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        double[] headAxes = {0.40 * extent[0], 0.44 * extent[1], 0.40 * extent[2]};
        double[] whiteAxes = {0.75 * headAxes[0], 0.75 * headAxes[1], 0.72 * headAxes[2]};
        PhantomSurface head = new PhantomSurface(centre, headAxes, 6, 0.05, 1, 3, false, rnd);
        // white matter folds inwards only, so the grey-matter shell never thins below 1/4 of the head's radius
        PhantomSurface white = new PhantomSurface(centre, whiteAxes, 16, 0.35, 3, 8, true, rnd);

        int voxels = g.voxelCount();
        float[] headSigma = new float[voxels];
        float[] whiteSigma = new float[voxels];
        double w = spec.widthMm();
        // independent per voxel, so planes run in parallel with the same result
        java.util.stream.IntStream.range(0, n[2]).parallel().forEach(z -> {
            int i = z * n[0] * n[1];
            for (int y = 0; y < n[1]; y++) {
                for (int x = 0; x < n[0]; x++, i++) {
                    double px = x * s[0];
                    double py = y * s[1];
                    double pz = z * s[2];
                    headSigma[i] = (float) PhantomStructures.sigma(head.signedDistance(px, py, pz), w);
                    whiteSigma[i] = (float) PhantomStructures.sigma(white.signedDistance(px, py, pz), w);
                }
            }
        });
        List<PhantomLesion> lesions = placeLesions(spec, white, centre, whiteAxes, rnd);
        PhantomStructures st = new PhantomStructures(g, s, w, headSigma, whiteSigma, lesions);
        double[] lesion = st.lesionProbability();
        float[][] q4 = st.posterior(lesion);
        float[] image = image(spec, q4, n, new SplittableRandom(spec.seed() ^ 0xD1B54A32D192ED03L));
        float[][] q = spec.kind() == PhantomKind.BRAIN ? q4 : new float[][] {lesionComplement(q4[3]), q4[3]};
        return new Phantom(spec, g, st, q, image);
    }

    private static float[] lesionComplement(float[] l) {
        float[] bg = new float[l.length];
        for (int i = 0; i < l.length; i++) {
            bg[i] = 1 - l[i];
        }
        return bg;
    }

    /**
     * Rejection sampling: centres inside the white matter, at least radius + 2·width + 2 mm from its surface,
     * and lesions at least 2·width + 2 mm apart; gives up on a lesion after 5,000 tries.
     */
    private static List<PhantomLesion> placeLesions(PhantomSpec spec, PhantomSurface white, double[] centre, double[] axes,
            SplittableRandom rnd) {
        List<PhantomLesion> out = new ArrayList<>();
        double gap = 2 * spec.widthMm() + 2;
        for (int j = 0; j < spec.lesions(); j++) {
            double r = spec.lesionRadiusMm() * (0.7 + 0.6 * rnd.nextDouble());
            for (int attempt = 0; attempt < 5000; attempt++) {
                double x = centre[0] + axes[0] * (2 * rnd.nextDouble() - 1);
                double y = centre[1] + axes[1] * (2 * rnd.nextDouble() - 1);
                double z = centre[2] + axes[2] * (2 * rnd.nextDouble() - 1);
                if (white.signedDistance(x, y, z) > -(r + gap)) {
                    continue;
                }
                boolean clear = true;
                for (PhantomLesion o : out) {
                    if (o.signedDistance(x, y, z) < r + gap) {
                        clear = false;
                        break;
                    }
                }
                if (clear) {
                    out.add(new PhantomLesion(x, y, z, r));
                    break;
                }
            }
        }
        return out;
    }

    /** round(1000 · (Σ_c q_c μ_c · (1 + bias·B(x)) + noise·μ_WM·N(0,1))), B a product of slow cosines in [-1, 1]. */
    private static float[] image(PhantomSpec spec, float[][] q4, int[] n, SplittableRandom rnd) {
        double fx = 0.5 + 0.5 * rnd.nextDouble();
        double fy = 0.5 + 0.5 * rnd.nextDouble();
        double fz = 0.5 + 0.5 * rnd.nextDouble();
        double ax = Math.PI * rnd.nextDouble();
        double ay = Math.PI * rnd.nextDouble();
        double az = Math.PI * rnd.nextDouble();
        double sd = spec.noise() * INTENSITY[1];
        float[] img = new float[q4[0].length];
        for (int z = 0, i = 0; z < n[2]; z++) {
            double bz = StrictMath.cos(Math.PI * fz * z / n[2] + az);
            for (int y = 0; y < n[1]; y++) {
                double by = StrictMath.cos(Math.PI * fy * y / n[1] + ay);
                for (int x = 0; x < n[0]; x++, i++) {
                    double b = 1 + spec.bias() * StrictMath.cos(Math.PI * fx * x / n[0] + ax) * by * bz;
                    double mu = 0;
                    for (int c = 0; c < 4; c++) {
                        mu += q4[c][i] * INTENSITY[c];
                    }
                    // whole numbers, so the image is stored exactly as int16 (and compresses)
                    img[i] = (float) Math.rint(IMAGE_SCALE * (mu * b + sd * rnd.nextGaussian())) + 0f; // + 0 turns -0 into 0
                }
            }
        }
        return img;
    }
}
