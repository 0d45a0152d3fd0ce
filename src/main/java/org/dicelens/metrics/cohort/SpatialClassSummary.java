package org.dicelens.metrics.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.dicelens.metrics.spatial.LesionMetrics;
import org.dicelens.metrics.spatial.SpatialResult;
import org.dicelens.metrics.spatial.Status;
import org.dicelens.metrics.spatial.SurfaceMetrics;

/**
 * The boundary and lesion-wise keys of one class in a cohort summary ({@code cohort --spatial}). Component names are
 * the JSON/CSV keys. Means and medians (numpy's: the mean of the two middle values for an even count) are over the
 * cases where the value is defined and the class is present: a case whose two masks are both empty inside the
 * evaluation region (flagged "empty") is left out, as the other cohort means leave out absent classes, and so is a case
 * with exactly one empty mask (boundary metrics undefined; counted in {@code spatialUndefined}). Lesion totals add the
 * counts of every case. Undefined means (no case) are NaN.
 *
 * @param spatialCases     cases with defined boundary metrics (the n behind the hd95, assd and nsd columns)
 * @param spatialUndefined cases where exactly one mask is empty (boundary metrics undefined)
 * @param lesionF1Cases    cases with at least one lesion on either side (the n behind the lesionF1 columns)
 */
public record SpatialClassSummary(int label, int spatialCases, int spatialUndefined, double meanHd95,
        double medianHd95, double meanAssd, double medianAssd, double meanNsd, double medianNsd, int lesionF1Cases,
        double meanLesionF1, double medianLesionF1, long totalLesionsRef, long totalLesionsDetected,
        long totalLesionsMissed, long totalLesionsFalsePositive) {

    /** The summary of class {@code label} from its per-case results (null entries: no result for that case). */
    public static SpatialClassSummary of(int label, List<SpatialResult> perCase) {
        List<SurfaceMetrics> surfaces = new ArrayList<>();
        List<Double> f1 = new ArrayList<>();
        int undefined = 0;
        long ref = 0;
        long det = 0;
        long missed = 0;
        long fp = 0;
        for (SpatialResult r : perCase) {
            if (r == null) {
                continue;
            }
            SurfaceMetrics s = r.surface();
            if (s != null && s.status() == Status.DEFINED) {
                surfaces.add(s);
            } else if (s != null && s.status() == Status.UNDEFINED) {
                undefined++;
            }
            LesionMetrics l = r.lesions();
            if (l != null) {
                if (l.status() == Status.DEFINED) {
                    f1.add(l.f1());
                }
                ref += l.referenceLesions();
                det += l.detected();
                missed += l.missed();
                fp += l.falsePositive();
            }
        }
        double[] hd95 = values(surfaces, SurfaceMetrics::hd95);
        double[] assd = values(surfaces, SurfaceMetrics::assd);
        double[] nsd = values(surfaces, SurfaceMetrics::nsd);
        double[] f = f1.stream().mapToDouble(Double::doubleValue).toArray();
        return new SpatialClassSummary(label, surfaces.size(), undefined, mean(hd95), median(hd95), mean(assd),
                median(assd), mean(nsd), median(nsd), f.length, mean(f), median(f), ref, det, missed, fp);
    }

    private static double[] values(List<SurfaceMetrics> s, Function<SurfaceMetrics, Double> key) {
        return s.stream().map(key).mapToDouble(Double::doubleValue).toArray();
    }

    static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
