package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.junit.jupiter.api.Test;

/**
 * The log pass counts voxels with p exactly 0 where r = 0 and exactly 1 where r = 1 and adds their constant terms
 * afterwards; here maps that are mostly such voxels (as real softmax maps are) against sums taken voxel by voxel with
 * Math.log and Math.pow, for focal γ = 0 (where 0^γ = 1 keeps a term), 2 and 1.5, at every margin level.
 */
class LogStatisticsSaturatedTest {
    private static final double FLOOR = 1e-7;

    @Test
    void mostlySaturatedMapsMatchVoxelByVoxelSums() {
        // 80 % saturated the way the reference agrees, 10 % either way (0 and 1 disagreeing too), the rest anything
        SaturatedMaps m = SaturatedMaps.of(20, 13, 11, 9, 8, 1, false);
        Case cs = m.asCase();
        byte[] ref = m.ref();
        float[][] p = m.p();
        int n = ref.length;
        int nc = SaturatedMaps.CLASSES;
        EvaluationRegion region = EvaluationRegion.of(cs);
        for (double gamma : new double[] {0, 2, 1.5}) {
            double expGamma = 0.3;
            LogStatistics s = LogStatistics.compute(cs, region, true, gamma, expGamma, Progress.NONE, 0, 1);
            for (int lv = 0; lv < region.levelCount(); lv++) {
                for (int c = 0; c < nc; c++) {
                    double[] ln = new double[2];
                    double[] d2 = new double[2];
                    double[] focal = new double[2];
                    double expLog = 0;
                    for (int i = 0; i < n; i++) {
                        if (region.level(i) > lv) {
                            continue;
                        }
                        int r = ref[i] == c ? 1 : 0;
                        double pv = p[c][i];
                        double q = Math.min(Math.max(pv, FLOOR), 1 - FLOOR);
                        double pt = r == 1 ? pv : 1 - pv;
                        double lnqt = Math.log(r == 1 ? q : 1 - q);
                        ln[r] += lnqt;
                        d2[r] += (pv - r) * (pv - r);
                        focal[r] += Math.pow(1 - pt, gamma) * lnqt;
                        if (r == 1) {
                            expLog += Math.pow(-Math.log(q), expGamma);
                        }
                    }
                    for (int r = 0; r < 2; r++) {
                        String at = "γ " + gamma + " level " + lv + " class " + c + " r " + r;
                        assertEquals(ln[r], s.ln(c, lv, r), 1e-12 * Math.abs(ln[r]), "Σ ln " + at);
                        assertEquals(d2[r], s.d2(c, lv, r), 1e-12 * Math.abs(d2[r]) + 1e-300, "Σ d² " + at);
                        assertEquals(focal[r], s.focal(c, lv, r), 1e-12 * Math.abs(focal[r]), "focal " + at);
                    }
                    assertEquals(expLog, s.expLog(c, lv), 1e-12 * expLog, "exp-log γ " + gamma + " level " + lv + " class " + c);
                }
            }
        }
    }
}
