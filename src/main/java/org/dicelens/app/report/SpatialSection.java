package org.dicelens.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.spatial.Centre;
import org.dicelens.metrics.spatial.LesionMetrics;
import org.dicelens.metrics.spatial.PredictedLesion;
import org.dicelens.metrics.spatial.ReferenceLesion;
import org.dicelens.metrics.spatial.SpatialResult;
import org.dicelens.metrics.voxel.SpatialClassMetric;

/**
 * The boundary and lesion-wise keys of issue 17 ({@link SpatialClassMetric#SCALAR_KEYS}) per class, from results
 * computed through the voxel-metrics tier and added here by case name. The JSON form adds {@code lesions}: one object
 * per kept reference lesion ({@code kind: "reference"}, centre voxel, volume, predicted volume touching it, Dice,
 * detected) and per false-positive component ({@code kind: "falsePositive"}, centre, volume); CSV keeps the scalars.
 * A class without a result (the background, a case that failed) has null values.
 */
public final class SpatialSection implements ReportSection {
    private final boolean withLesions;
    private final Map<String, SpatialResult[]> byCase = new ConcurrentHashMap<>();

    private SpatialSection(boolean withLesions) {
        this.withLesions = withLesions;
    }

    /** The section for a report format: JSON gets the nested {@code lesions} list, CSV the scalar keys only. */
    public static SpatialSection forFormat(ReportFormat format) {
        return new SpatialSection(format == ReportFormat.JSON);
    }

    /** Records a case's results, indexed by channel (null entries: no result for that class). Thread-safe. */
    public void put(String caseName, SpatialResult[] perChannel) {
        byCase.put(caseName, perChannel.clone());
    }

    @Override
    public List<String> classKeys() {
        List<String> keys = new ArrayList<>(SpatialClassMetric.SCALAR_KEYS);
        if (withLesions) {
            keys.add("lesions");
        }
        return keys;
    }

    @Override
    public Object classValue(CaseMetrics m, int channel, String key) {
        SpatialResult[] rs = byCase.get(m.caseName());
        SpatialResult r = rs == null || channel >= rs.length ? null : rs[channel];
        if (r == null) {
            return null;
        }
        if (key.equals("lesions")) {
            return r.lesions() == null ? null : lesions(r.lesions());
        }
        return SpatialClassMetric.INSTANCE.reportFields(r).get(key);
    }

    private static List<Object> lesions(LesionMetrics l) {
        List<Object> out = new ArrayList<>();
        for (ReferenceLesion r : l.lesions()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", "reference");
            o.put("id", r.id());
            o.put("centre", centre(r.centre()));
            o.put("voxels", r.voxels());
            o.put("volumeMl", r.volumeMl());
            o.put("predictedMl", r.predictedMl());
            o.put("dice", r.dice());
            o.put("detected", r.detected());
            out.add(o);
        }
        for (PredictedLesion p : l.falsePositives()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", "falsePositive");
            o.put("id", p.id());
            o.put("centre", centre(p.centre()));
            o.put("voxels", p.voxels());
            o.put("volumeMl", p.volumeMl());
            out.add(o);
        }
        return out;
    }

    private static List<Object> centre(Centre c) {
        return List.of(c.x(), c.y(), c.z());
    }
}
