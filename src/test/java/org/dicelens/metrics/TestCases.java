package org.dicelens.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;

/** Small random cases and settings for the oracle comparisons (seeded, so failures reproduce). */
final class TestCases {
    static final int[] BIN_DIVISORS = {1, 2, 4, 5, 8, 10, 20, 25, 40, 50, 100, 125, 200, 250, 500, 1000};
    /** Probabilities that sit exactly on (or one float away from) threshold steps. */
    static final float[] EDGE_VALUES = {0f, 1f, 0.3f, 0.5f, 0.001f, 0.999f, 0.1f, 0.7f, Math.nextDown(0.3f),
        Math.nextUp(0.3f), 0.25f, 0.125f, 0.9f, 0.2f};

    private TestCases() {
    }

    static Case of(String name, Geometry g, byte[] ref, float[][] p, int... labels) {
        return new Case(name, g, null, ref, new ProbabilityMaps(g, p, 0, List.of("test")), ClassTable.forLabels(labels),
                List.of());
    }

    /** A random small case; variant picks the flavour of probabilities and reference. */
    static Case random(Random rnd, int variant) {
        int nx = 1 + rnd.nextInt(7);
        int ny = 1 + rnd.nextInt(6);
        int nz = 1 + rnd.nextInt(5);
        int n = nx * ny * nz;
        int nc = 1 + rnd.nextInt(4);
        // labels: usually a background 0, not always first; sometimes none
        List<Integer> labels = new ArrayList<>(List.of(1, 2, 4, 7).subList(0, nc));
        if (rnd.nextInt(5) != 0) {
            labels.set(rnd.nextInt(nc), 0);
        }
        int bg = labels.indexOf(0);
        byte[] ref = new byte[n];
        boolean allBackground = variant % 7 == 3 && bg >= 0;
        int absent = rnd.nextInt(3) == 0 ? rnd.nextInt(nc) : -1;
        // foreground drawn inside a random sub-box so that margins cut something
        int bx0 = rnd.nextInt(nx);
        int by0 = rnd.nextInt(ny);
        int bz0 = rnd.nextInt(nz);
        int bx1 = bx0 + rnd.nextInt(nx - bx0);
        int by1 = by0 + rnd.nextInt(ny - by0);
        int bz1 = bz0 + rnd.nextInt(nz - bz0);
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    boolean inBox = x >= bx0 && x <= bx1 && y >= by0 && y <= by1 && z >= bz0 && z <= bz1;
                    int c;
                    if (allBackground || (!inBox && bg >= 0)) {
                        c = bg;
                    } else {
                        c = rnd.nextInt(nc);
                        if (c == absent) {
                            c = bg >= 0 ? bg : (c + 1) % nc;
                        }
                    }
                    ref[i] = (byte) c;
                }
            }
        }
        float[][] p = new float[nc][n];
        int flavour = variant % 6;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < nc; c++) {
                float v = switch (flavour) {
                    case 0 -> rnd.nextFloat();
                    case 1 -> (float) Math.exp(3 * rnd.nextGaussian());
                    case 2 -> EDGE_VALUES[rnd.nextInt(EDGE_VALUES.length)];
                    case 3 -> (float) (rnd.nextDouble() * 1.6 - 0.3); // some below 0, some above 1
                    case 4 -> rnd.nextInt(3) == 0 ? 0f : rnd.nextFloat() * rnd.nextFloat();
                    default -> (float) Math.round(rnd.nextDouble() * 4) / 4f; // ties for argmax
                };
                p[c][i] = v;
                sum += v;
            }
            if (flavour == 1) { // softmax-like: normalised
                for (int c = 0; c < nc; c++) {
                    p[c][i] = (float) (p[c][i] / sum);
                }
            }
        }
        if (flavour == 4 && nc > 1) {
            java.util.Arrays.fill(p[rnd.nextInt(nc)], 0f); // a class predicted nowhere
        }
        double sx = 0.5 + rnd.nextInt(4) * 0.25;
        Geometry g = Geometry.ofSpacing(nx, ny, nz, sx, 1.5, 2.0);
        int[] lab = labels.stream().mapToInt(Integer::intValue).toArray();
        return of("random-" + variant, g, ref, p, lab);
    }

    /** Random settings exercising every control. */
    static Settings settings(Random rnd, int nc, Case c) {
        int[] steps = new int[nc];
        for (int k = 0; k < nc; k++) {
            steps[k] = switch (rnd.nextInt(5)) {
                case 0 -> 300;
                case 1 -> 500;
                case 2 -> rnd.nextBoolean() ? 0 : 1000;
                default -> rnd.nextInt(1001);
            };
        }
        int floor = switch (rnd.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 300;
            case 2 -> 500;
            default -> rnd.nextInt(1001);
        };
        int margin = switch (rnd.nextInt(5)) {
            case 0 -> Settings.WHOLE_VOLUME;
            case 1 -> 0;
            case 2 -> 1;
            case 3 -> 2;
            default -> 10;
        };
        WeightScheme scheme = WeightScheme.values()[rnd.nextInt(4)];
        double[] custom = null;
        if (scheme == WeightScheme.CUSTOM) {
            custom = new double[nc];
            for (int k = 0; k < nc; k++) {
                custom[k] = rnd.nextDouble() * 3;
            }
        }
        double[] smooth = {1e-5, 0, 1, 0.5};
        LossParams lp = new LossParams(smooth[rnd.nextInt(4)], smooth[rnd.nextInt(4)], rnd.nextDouble(), rnd.nextDouble(),
                1 + 2 * rnd.nextDouble(), rnd.nextBoolean() ? WceWeightSource.REFERENCE : WceWeightSource.PREDICTION,
                rnd.nextDouble(), new double[] {2, 0, 0.5, 3, 1.7}[rnd.nextInt(5)],
                new double[] {0.3, 1, 0.5, 2}[rnd.nextInt(4)], rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble(),
                rnd.nextDouble());
        if (rnd.nextInt(4) == 0) {
            lp = LossParams.defaults();
        }
        return new Settings(rnd.nextBoolean() ? HardMode.THRESHOLD : HardMode.ARGMAX, steps, floor, margin, scheme, custom,
                rnd.nextBoolean() ? EmptyRule.MAX : EmptyRule.ZERO, rnd.nextBoolean(), lp,
                BIN_DIVISORS[rnd.nextInt(BIN_DIVISORS.length)]);
    }
}
