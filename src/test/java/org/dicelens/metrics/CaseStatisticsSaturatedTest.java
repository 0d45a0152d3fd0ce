package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.junit.jupiter.api.Test;

/**
 * The histogram pass counts voxels with p exactly 0 or exactly 1 per plane and adds them to bins 0 and 1000 afterwards;
 * here maps that are mostly such voxels (as real softmax maps are) against histograms and argmax counts taken voxel
 * by voxel, at every margin level. Bins 0 and 1000 must match exactly (their Σp is 0, or a count of ones).
 */
class CaseStatisticsSaturatedTest {
    private static final int B = Bins.COUNT;

    @Test
    void mostlySaturatedMapsMatchVoxelByVoxelHistograms() {
        // 70 % saturated the way the reference agrees, 20 % saturated either way (ties at 0 and at 1), the rest anything,
        // bins 0 and 1000 included
        SaturatedMaps m = SaturatedMaps.of(21, 17, 12, 10, 7, 2, true);
        Case cs = m.asCase();
        byte[] ref = m.ref();
        float[][] p = m.p();
        int n = ref.length;
        int nc = SaturatedMaps.CLASSES;
        EvaluationRegion region = EvaluationRegion.of(cs);
        CaseStatistics s = CaseStatistics.compute(cs, region, Progress.NONE, 0, 1);
        for (int lv = 0; lv < region.levelCount(); lv++) {
            long[][][] count = new long[nc][2][B];
            double[][][] sum = new double[nc][2][B];
            long[][] amAll = new long[nc][B];
            long[][] amRef = new long[nc][B];
            long[][] amBg = new long[nc][B];
            for (int i = 0; i < n; i++) {
                if (region.level(i) > lv) {
                    continue;
                }
                int best = 0;
                for (int c = 0; c < nc; c++) {
                    int r = ref[i] == c ? 1 : 0;
                    int bin = (int) (p[c][i] * 1000.0);
                    count[c][r][bin]++;
                    sum[c][r][bin] += p[c][i];
                    best = p[c][i] > p[best][i] ? c : best;
                }
                int bin = (int) (p[best][i] * 1000.0);
                amAll[best][bin]++;
                amRef[best][bin] += ref[i] == best ? 1 : 0;
                amBg[best][bin] += ref[i] == 0 ? 1 : 0;
            }
            for (int c = 0; c < nc; c++) {
                for (int r = 0; r < 2; r++) {
                    long atLeast = 0;
                    long all = 0;
                    long refd = 0;
                    long bg = 0;
                    for (int k = B - 1; k >= 0; k--) {
                        String at = "level " + lv + " class " + c + " r " + r + " bin " + k;
                        atLeast += count[c][r][k];
                        assertEquals(atLeast, s.count(c, lv, r, k), "count " + at);
                        double tol = k == 0 || k == B - 1 ? 0 : 1e-12 * sum[c][r][k];
                        assertEquals(sum[c][r][k], s.sumInBin(c, lv, r, k), tol, "Σp " + at);
                        all += amAll[c][k];
                        refd += amRef[c][k];
                        bg += amBg[c][k];
                        if (r == 0) {
                            assertEquals(all, s.argmaxAll(c, lv, k), "argmax " + at);
                            assertEquals(refd, s.argmaxRef(c, lv, k), "argmax, reference " + at);
                            assertEquals(bg, s.argmaxBg(c, lv, k), "argmax, background " + at);
                        }
                    }
                }
            }
        }
    }
}
