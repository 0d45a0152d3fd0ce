package org.dicelens.metrics.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dicelens.common.Progress;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;
import org.junit.jupiter.api.Test;

/** Every summary number, curve and cohort threshold against {@link BruteCohort} on generated cohorts. */
class CohortBruteForceTest {
    private static final float[] EDGES = {0f, 1f, 0.5f, 0.3f, 0.001f, 0.999f, Math.nextDown(0.3f), Math.nextUp(0.5f),
        0.25f, 0.7f};

    static Case randomCase(Random rnd, String name) {
        int nx = 2 + rnd.nextInt(5);
        int ny = 2 + rnd.nextInt(5);
        int nz = 1 + rnd.nextInt(4);
        int n = nx * ny * nz;
        List<Integer> labels = new ArrayList<>(List.of(0, 1, 2, 3));
        if (rnd.nextInt(4) == 0) {
            labels.remove(Integer.valueOf(3)); // a case whose class table lacks a cohort class
        }
        if (rnd.nextInt(6) == 0) {
            labels.remove(Integer.valueOf(0)); // no background channel
        }
        int nc = labels.size();
        int absent = rnd.nextInt(3) == 0 ? rnd.nextInt(nc) : -1; // a class with no reference voxel
        int x0 = rnd.nextInt(nx);
        int y0 = rnd.nextInt(ny);
        int x1 = x0 + rnd.nextInt(nx - x0);
        int y1 = y0 + rnd.nextInt(ny - y0);
        byte[] ref = new byte[n];
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    int bg = labels.indexOf(0);
                    boolean in = x >= x0 && x <= x1 && y >= y0 && y <= y1;
                    int c = !in && bg >= 0 ? bg : rnd.nextInt(nc);
                    if (c == absent) {
                        c = bg >= 0 ? bg : (c + 1) % nc;
                    }
                    ref[i] = (byte) c;
                }
            }
        }
        float[][] p = new float[nc][n];
        int flavour = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < nc; c++) {
                p[c][i] = switch (flavour) {
                    case 0 -> rnd.nextFloat();
                    case 1 -> EDGES[rnd.nextInt(EDGES.length)];
                    case 2 -> ref[i] == c ? 0.4f + 0.6f * rnd.nextFloat() : 0.5f * rnd.nextFloat() * rnd.nextFloat();
                    default -> rnd.nextInt(3) == 0 ? 0f : rnd.nextFloat() * rnd.nextFloat();
                };
            }
        }
        if (absent >= 0 && rnd.nextBoolean()) {
            java.util.Arrays.fill(p[absent], 0f); // absent from reference and prediction
        }
        Geometry g = Geometry.ofSpacing(nx, ny, nz, 0.5 + rnd.nextInt(3) * 0.25, 1.0, 2.0);
        return new Case(name, g, null, ref, new ProbabilityMaps(g, p, 0, List.of("test")),
                ClassTable.forLabels(labels.stream().mapToInt(Integer::intValue).toArray()), List.of());
    }

    static Settings randomSettings(Random rnd, int nc) {
        int[] steps = new int[nc];
        int[] special = {0, 1, 300, 500, 999, 1000};
        for (int k = 0; k < nc; k++) {
            steps[k] = rnd.nextBoolean() ? special[rnd.nextInt(special.length)] : rnd.nextInt(1001);
        }
        int[] margins = {Settings.WHOLE_VOLUME, 0, 1, 2, 7};
        Settings s = Settings.defaults(nc).withThresholdSteps(steps).withMargin(margins[rnd.nextInt(margins.length)]);
        if (rnd.nextInt(3) == 0) {
            s = s.withMode(HardMode.ARGMAX, rnd.nextBoolean() ? 0 : rnd.nextInt(1001));
        }
        return s;
    }

    static CohortCase statistics(Case c) {
        return CohortCase.of(c.name(), Engine.build(c, Progress.NONE));
    }

    @Test
    void everySummaryNumberMatchesTheVoxels() {
        for (int seed = 0; seed < 12; seed++) {
            Random rnd = new Random(1000 + seed);
            List<Case> cases = new ArrayList<>();
            int size = 1 + rnd.nextInt(7);
            for (int i = 0; i < size; i++) {
                cases.add(randomCase(rnd, "case" + i));
            }
            List<int[]> levels = cases.stream().map(BruteCohort::levels).toList();
            Cohort cohort = new Cohort(cases.stream().map(CohortBruteForceTest::statistics).toList());
            for (int trial = 0; trial < 4; trial++) {
                Settings s = randomSettings(rnd, cohort.classTable().size());
                CohortSummary sum = cohort.summarise(s);
                check(sum, cases, levels, s, cohort, "seed " + seed + " trial " + trial);
                // statistics kept for this margin only give the same summary, and refuse another margin
                Cohort one = new Cohort(cohort.cases().stream().map(c -> c.atMargin(s.margin())).toList());
                assertEquals(sum.summaries(), one.summarise(s).summaries());
                assertThrows(IllegalArgumentException.class, () -> one.summarise(s.withMargin(s.margin() + 2)));
            }
        }
    }

    private static void check(CohortSummary sum, List<Case> cases, List<int[]> levels, Settings s, Cohort cohort,
            String where) {
        for (int j = 0; j < cohort.classTable().size(); j++) {
            int label = cohort.classTable().get(j).label();
            String at = where + " label " + label + " " + s.mode() + " margin " + s.margin();
            ClassSummary got = sum.classes().get(j).summary();
            List<double[]> rows = BruteCohort.table(cases, levels, s, label, j);
            assertEquals(label, got.label(), at);
            assertEquals(rows.size(), got.cases(), at + " cases");
            assertEquals(rows.size(), sum.classes().get(j).points().size(), at + " points");
            double[] soft = BruteCohort.column(rows, 0);
            double[] hard = BruteCohort.column(rows, 1);
            double[] ds = BruteCohort.column(rows, 2);
            double[] dh = BruteCohort.column(rows, 3);
            double[] vr = BruteCohort.column(rows, 4);
            double[] vs = BruteCohort.column(rows, 5);
            double[] vh = BruteCohort.column(rows, 6);
            close(BruteCohort.mean(soft), got.meanSoftDice(), at + " meanSoftDice");
            close(BruteCohort.mean(hard), got.meanHardDice(), at + " meanHardDice");
            close(BruteCohort.sd(hard), got.sdHardDice(), at + " sdHardDice");
            close(BruteCohort.median(hard), got.medianHardDice(), at + " medianHardDice");
            close(BruteCohort.mean(ds), got.meanDeltaSoftMl(), at + " meanDeltaSoftMl");
            close(BruteCohort.mean(dh), got.meanDeltaHardMl(), at + " meanDeltaHardMl");
            close(BruteCohort.sd(dh), got.sdDeltaHardMl(), at + " sdDeltaHardMl");
            close(BruteCohort.mean(dh) - 1.96 * BruteCohort.sd(dh), got.loaLowHardMl(), at + " loaLowHardMl");
            close(BruteCohort.mean(dh) + 1.96 * BruteCohort.sd(dh), got.loaHighHardMl(), at + " loaHighHardMl");
            close(BruteCohort.sd(ds), got.sdDeltaSoftMl(), at + " sdDeltaSoftMl");
            close(BruteCohort.mean(ds) - 1.96 * BruteCohort.sd(ds), got.loaLowSoftMl(), at + " loaLowSoftMl");
            close(BruteCohort.mean(ds) + 1.96 * BruteCohort.sd(ds), got.loaHighSoftMl(), at + " loaHighSoftMl");
            close(BruteCohort.pearson(vs, vr), got.correlationSoftRef(), at + " correlationSoftRef");
            close(BruteCohort.pearson(vh, vr), got.correlationHardRef(), at + " correlationHardRef");
            for (int r = 0; r < rows.size(); r++) {
                CasePoint pt = sum.classes().get(j).points().get(r);
                close(rows.get(r)[3], pt.deltaHardMl(), at + " point " + r);
                close((rows.get(r)[5] + rows.get(r)[4]) / 2, pt.meanSoftRefMl(), at + " point mean " + r);
            }
            // the grid, scanned from the voxels: curves, then the cohort thresholds
            ClassCurves curves = sum.classes().get(j).curves();
            int best = -1;
            int zero = -1;
            double[] bestMean = {Double.NaN};
            double[][] brute = new double[1001][];
            for (int k = 0; k <= 1000; k++) {
                brute[k] = BruteCohort.sweepAt(cases, levels, s, label, k);
                assertEquals((int) brute[k][2], curves.cases()[k], at + " count at " + k);
                assertEquals(brute[k][0], curves.meanHardDice()[k], at + " mean Dice at " + k);
                assertEquals(brute[k][1], curves.meanDeltaHardMl()[k], at + " mean ΔV at " + k);
                if (brute[k][2] > 0) {
                    if (best < 0 || brute[k][0] > brute[best][0]) {
                        best = k;
                        bestMean[0] = brute[k][0];
                    }
                    if (zero < 0 || Math.abs(brute[k][1]) < Math.abs(brute[zero][1])) {
                        zero = k;
                    }
                }
            }
            assertEquals(best < 0 ? Double.NaN : best / 1000.0, got.cohortBestThreshold(), at + " cohortBestThreshold");
            assertEquals(bestMean[0], got.cohortBestMeanHardDice(), at + " cohortBestMeanHardDice");
            assertEquals(zero < 0 ? Double.NaN : zero / 1000.0, got.cohortZeroBiasThreshold(), at + " zero bias");
        }
    }

    static void close(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        double tol = Math.max(1e-12, 1e-9 * Math.abs(expected));
        assertEquals(expected, actual, tol, what);
    }
}
