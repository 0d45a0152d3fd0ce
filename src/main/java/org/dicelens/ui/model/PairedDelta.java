package org.dicelens.ui.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicelens.metrics.cohort.CasePoint;

/**
 * Two models on the same references: per case of one class the difference ΔV_hard(A) − ΔV_hard(B) (= V_hard(A) −
 * V_hard(B)), over the cases both count; its mean (the paired difference of mean ΔV) and sample sd (n − 1).
 */
public record PairedDelta(int cases, double meanDiffMl, double sdDiffMl) {

    public static PairedDelta of(List<CasePoint> a, List<CasePoint> b) {
        Map<String, CasePoint> byName = new HashMap<>();
        for (CasePoint p : b) {
            byName.put(p.caseName(), p);
        }
        double[] d = new double[a.size()];
        int n = 0;
        for (CasePoint p : a) {
            CasePoint q = byName.get(p.caseName());
            if (q != null) {
                d[n++] = p.deltaHardMl() - q.deltaHardMl();
            }
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += d[i];
        }
        mean = n == 0 ? Double.NaN : mean / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (d[i] - mean) * (d[i] - mean);
        }
        return new PairedDelta(n, mean, n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1)));
    }
}
