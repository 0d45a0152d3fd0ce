package org.dicelens.metrics;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;

/**
 * Generated benchmark data: an n³ case with 4 classes (nested spheres as reference, softmax of noisy logits that
 * favour the reference class as probabilities), float32 like loaded data. Seeded per z plane, so reproducible.
 */
public final class GradientBenchData {
    private GradientBenchData() {
    }

    public static Case spheres(int n, int classes) {
        Geometry g = Geometry.ofSpacing(n, n, n, 1, 1, 1);
        int voxels = g.voxelCount();
        float[][] p = new float[classes][voxels];
        byte[] ref = new byte[voxels];
        double c = (n - 1) / 2.0;
        IntStream.range(0, n).parallel().forEach(z -> {
            SplittableRandom rnd = new SplittableRandom(1000 + z);
            double[] logit = new double[classes];
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int i = x + n * (y + n * z);
                    double d = Math.sqrt((x - c) * (x - c) + (y - c) * (y - c) + (z - c) * (z - c)) / (n / 2.0);
                    int label = d < 0.15 ? 3 % classes : d < 0.3 ? 2 % classes : d < 0.45 ? 1 : 0;
                    ref[i] = (byte) label;
                    double sum = 0;
                    for (int k = 0; k < classes; k++) {
                        logit[k] = Math.exp(rnd.nextGaussian() + (k == label ? 2.0 : 0.0));
                        sum += logit[k];
                    }
                    for (int k = 0; k < classes; k++) {
                        p[k][i] = (float) (logit[k] / sum);
                    }
                }
            }
        });
        int[] labels = IntStream.range(0, classes).toArray();
        return new Case("spheres" + n, g, null, ref, new ProbabilityMaps(g, p, 0, List.of()), ClassTable.forLabels(labels),
                List.of());
    }

    /** A box region (as an evaluation region with a margin gives): voxels with every coordinate in [lo, hi). */
    public static IntPredicate box(Geometry g, int lo, int hi) {
        int nx = g.nx();
        int ny = g.ny();
        return i -> {
            int x = i % nx;
            int y = (i / nx) % ny;
            int z = i / (nx * ny);
            return x >= lo && x < hi && y >= lo && y < hi && z >= lo && z < hi;
        };
    }
}
