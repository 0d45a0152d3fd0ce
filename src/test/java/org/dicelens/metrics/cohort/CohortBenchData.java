package org.dicelens.metrics.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dicelens.common.Progress;
import org.dicelens.metrics.CaseStatistics;
import org.dicelens.metrics.EvaluationRegion;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;

/**
 * A generated cohort for the benchmarks: per case nested ellipsoids (labels 0 … classes−1, the box of the
 * foreground well inside the grid so margins matter) with a random centre and size, and softmax probabilities of
 * noisy logits, so every bin of every shell near the structures is populated. Only the statistics are kept.
 */
final class CohortBenchData {
    private CohortBenchData() {
    }

    static Case randomCase(Random rnd, String name, int nx, int ny, int nz, int classes, double noise) {
        Geometry g = Geometry.ofSpacing(nx, ny, nz, 1, 1, 1);
        int n = nx * ny * nz;
        byte[] ref = new byte[n];
        float[][] p = new float[classes][n];
        double cx = nx * (0.4 + 0.2 * rnd.nextDouble());
        double cy = ny * (0.4 + 0.2 * rnd.nextDouble());
        double cz = nz * (0.4 + 0.2 * rnd.nextDouble());
        double size = 0.25 + 0.1 * rnd.nextDouble();
        double[] logit = new double[classes];
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    double d = Math.sqrt(Math.pow((x - cx) / nx, 2) + Math.pow((y - cy) / ny, 2)
                            + Math.pow((z - cz) / nz, 2)) / size; // 0 at the centre, 1 on the outer shell
                    int label = d >= 1 ? 0 : Math.min(classes - 1, 1 + (int) ((1 - d) * (classes - 1)));
                    ref[i] = (byte) label;
                    double sum = 0;
                    for (int k = 0; k < classes; k++) {
                        logit[k] = (k == label ? 3 : 0) + noise * rnd.nextGaussian();
                        sum += Math.exp(logit[k]);
                    }
                    for (int k = 0; k < classes; k++) {
                        p[k][i] = (float) (Math.exp(logit[k]) / sum);
                    }
                }
            }
        }
        int[] labels = new int[classes];
        for (int k = 0; k < classes; k++) {
            labels[k] = k;
        }
        return new Case(name, g, null, ref, new ProbabilityMaps(g, p, 0, List.of("bench")), ClassTable.forLabels(labels),
                List.of());
    }

    static Cohort cohort(int cases, int nx, int ny, int nz, int classes, long seed, double noise) {
        Random rnd = new Random(seed);
        List<CohortCase> out = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            Case c = randomCase(rnd, "case" + i, nx, ny, nz, classes, noise);
            EvaluationRegion region = EvaluationRegion.of(c);
            CaseStatistics st = CaseStatistics.compute(c, region, Progress.NONE, 0, 1);
            out.add(CohortCase.of(c.name(), st, c.geometry().voxelMl(), c.classes().all()));
        }
        return new Cohort(out);
    }
}
