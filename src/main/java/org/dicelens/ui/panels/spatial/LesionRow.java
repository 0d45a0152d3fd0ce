package org.dicelens.ui.panels.spatial;

import java.util.ArrayList;
import java.util.List;
import org.dicelens.metrics.spatial.Centre;
import org.dicelens.metrics.spatial.LesionMetrics;
import org.dicelens.metrics.spatial.PredictedLesion;
import org.dicelens.metrics.spatial.ReferenceLesion;

/**
 * One row of the lesion table: a reference lesion (detected or missed) or a false-positive component.
 *
 * @param status      "detected", "missed" or "false positive"
 * @param volumeMl    the lesion's (or component's) volume
 * @param predictedMl predicted volume touching a reference lesion; NaN for a false positive
 * @param dice        the reference lesion's Dice; NaN for a false positive
 */
public record LesionRow(String status, int id, Centre centre, double volumeMl, double predictedMl, double dice) {
    public static final String DETECTED = "detected";
    public static final String MISSED = "missed";
    public static final String FALSE_POSITIVE = "false positive";

    public String centreText() {
        return centre.x() + ", " + centre.y() + ", " + centre.z();
    }

    /** Reference lesions in id order, then false positives. */
    public static List<LesionRow> of(LesionMetrics l) {
        List<LesionRow> rows = new ArrayList<>();
        if (l == null) {
            return rows;
        }
        for (ReferenceLesion r : l.lesions()) {
            rows.add(new LesionRow(r.detected() ? DETECTED : MISSED, r.id(), r.centre(), r.volumeMl(), r.predictedMl(),
                    r.dice()));
        }
        for (PredictedLesion p : l.falsePositives()) {
            rows.add(new LesionRow(FALSE_POSITIVE, p.id(), p.centre(), p.volumeMl(), Double.NaN, Double.NaN));
        }
        return rows;
    }
}
