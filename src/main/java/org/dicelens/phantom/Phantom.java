package org.dicelens.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassInfo;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ImageVolume;
import org.dicelens.volume.ProbabilityMaps;

/**
 * A generated case whose true posterior q is known per voxel (see {@link PhantomGenerator}): q, the image,
 * the raters' samples (the reference is rater 0), the predictions made from q, its geometry and class table.
 * Arrays returned are the phantom's own (no copy): do not modify them.
 */
public final class Phantom {
    private final PhantomSpec spec;
    private final Geometry geometry;
    private final PhantomStructures structures;
    private final float[][] q;
    private final float[] image;
    private final ClassTable classes;
    private byte[] reference;

    Phantom(PhantomSpec spec, Geometry geometry, PhantomStructures structures, float[][] q, float[] image) {
        this.spec = spec;
        this.geometry = geometry;
        this.structures = structures;
        this.q = q;
        this.image = image;
        this.classes = spec.kind() == PhantomKind.BRAIN
                ? new ClassTable(List.of(new ClassInfo(0, "background", 0xFF000000), new ClassInfo(1, "white matter", 0xFF4363D8),
                        new ClassInfo(2, "grey matter", 0xFF3CB44B), new ClassInfo(3, "lesion", 0xFFE6194B)))
                : new ClassTable(List.of(new ClassInfo(0, "background", 0xFF000000), new ClassInfo(1, "lesion", 0xFFE6194B)));
    }

    public PhantomSpec spec() {
        return spec;
    }

    public Geometry geometry() {
        return geometry;
    }

    /** Channel c is label c: background, white matter, grey matter, lesion (brain) or background, lesion. */
    public ClassTable classes() {
        return classes;
    }

    /** The true posterior q[channel][voxel]; channels sum to 1 at every voxel. */
    public float[][] q() {
        return q;
    }

    public float[] image() {
        return image;
    }

    /** The lesions actually placed (can be fewer than asked when they did not fit). */
    public List<PhantomLesion> lesions() {
        return structures.lesions;
    }

    /** Rater 0's labels (channel index per voxel). */
    public synchronized byte[] reference() {
        if (reference == null) {
            reference = rater(0);
        }
        return reference;
    }

    /** Rater r's labels: one uniform per structure from the rater's own seeded stream, so P(label = c) = q_c. */
    public byte[] rater(int r) {
        if (r < 0) {
            throw new IllegalArgumentException("rater index must be >= 0: " + r);
        }
        long s = spec.seed() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L * (r + 1L);
        return structures.sample(new SplittableRandom(s), spec.kind() == PhantomKind.LESION);
    }

    /** The spec's raters: rater 0 (the reference) to raters − 1. */
    public List<byte[]> raters() {
        List<byte[]> out = new ArrayList<>();
        for (int r = 0; r < spec.raters(); r++) {
            out.add(r == 0 ? reference() : rater(r));
        }
        return out;
    }

    /** Σ_x q_c(x) · voxel volume: the expected reference volume of channel c in mL. */
    public double expectedVolumeMl(int channel) {
        double s = 0;
        for (float v : q[channel]) {
            s += v;
        }
        return s * geometry.voxelMl();
    }

    /** A new array of per-channel probabilities for the kind (CALIBRATED is a copy of q). */
    public float[][] prediction(PhantomPrediction kind) {
        return switch (kind) {
            case CALIBRATED -> copy(q);
            case OVERCONFIDENT -> power(q, spec.sharpness());
            case UNDERCONFIDENT -> power(q, 1 / spec.sharpness());
            case DICE_OPTIMAL -> diceOptimal(q);
        };
    }

    /** The phantom as an in-memory case: image, rater 0 as reference, and the chosen prediction. */
    public Case toCase(PhantomPrediction kind) {
        String name = "phantom-" + spec.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + kind.fileTag();
        return new Case(name, geometry, new ImageVolume(geometry, image, null), reference(),
                new ProbabilityMaps(geometry, prediction(kind), 0, List.of(name)), classes, List.of());
    }

    private static float[][] copy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int k = 0; k < a.length; k++) {
            c[k] = a[k].clone();
        }
        return c;
    }

    /** p_c = q_c^e / Σ_k q_k^e: temperature scaling of the log-probabilities by e. */
    static float[][] power(float[][] q, double e) {
        int channels = q.length;
        int n = q[0].length;
        float[][] p = new float[channels][n];
        double[] v = new double[channels];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                v[c] = q[c][i] > 0 ? StrictMath.pow(q[c][i], e) : 0;
                sum += v[c];
            }
            for (int c = 0; c < channels; c++) {
                p[c][i] = (float) (v[c] / sum);
            }
        }
        return p;
    }

    /**
     * One-hot: each foreground channel's Dice-optimal set of q; a voxel claimed by several goes to the rarest
     * of them (smallest Σq, so a lesion keeps its whole Dice-optimal set inside the white matter that claims it
     * too), a voxel claimed by none to the background (channel 0).
     */
    static float[][] diceOptimal(float[][] q) {
        int channels = q.length;
        int n = q[0].length;
        byte[][] sets = new byte[channels][];
        double[] expected = new double[channels];
        for (int c = 1; c < channels; c++) {
            PhantomDiceOptimal.Result r = PhantomDiceOptimal.of(q[c]);
            sets[c] = PhantomDiceOptimal.mask(q[c], r);
            expected[c] = r.expectedCount();
        }
        Integer[] order = new Integer[channels - 1];
        for (int c = 1; c < channels; c++) {
            order[c - 1] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(expected[a], expected[b]));
        float[][] p = new float[channels][n];
        for (int i = 0; i < n; i++) {
            int owner = 0;
            for (int c : order) {
                if (sets[c][i] != 0) {
                    owner = c;
                    break;
                }
            }
            p[owner][i] = 1;
        }
        return p;
    }
}
