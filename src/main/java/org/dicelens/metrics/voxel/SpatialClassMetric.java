package org.dicelens.metrics.voxel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicelens.common.Progress;
import org.dicelens.metrics.spatial.Grid;
import org.dicelens.metrics.spatial.LesionMetrics;
import org.dicelens.metrics.spatial.SpatialMetrics;
import org.dicelens.metrics.spatial.SpatialOptions;
import org.dicelens.metrics.spatial.SpatialResult;
import org.dicelens.metrics.spatial.SurfaceMetrics;
import org.dicelens.metrics.spatial.VoxelMask;

/**
 * Boundary and lesion-wise metrics of one class (issue 17) as a voxel metric: the class's hard mask under the one hard
 * rule and its reference, both clipped to Ω_margin by {@link VoxelInput}, handed to {@link SpatialMetrics}. The
 * request's {@code extra} holds the {@link SpatialOptions} (τ, connectivity, minimum lesion size, ...), so two option
 * sets never share a cached result.
 */
public final class SpatialClassMetric implements VoxelMetric<SpatialResult> {
    public static final SpatialClassMetric INSTANCE = new SpatialClassMetric();

    /** The scalar report keys, in order (the JSON report adds {@code lesions} after them). */
    public static final List<String> SCALAR_KEYS = List.of("hd", "hd95", "assd", "masd", "nsd", "nsdTolerance",
            "lesionsRef", "lesionsPred", "lesionsDetected", "lesionsMissed", "lesionsFalsePositive", "lesionF1");

    private SpatialClassMetric() {
    }

    @Override
    public String key() {
        return "spatial";
    }

    /** The options a request carries (the first {@code extra} that is one), else the defaults. */
    public static SpatialOptions options(VoxelRequest r) {
        for (Object o : r.extra()) {
            if (o instanceof SpatialOptions s) {
                return s;
            }
        }
        return SpatialOptions.defaults();
    }

    @Override
    public SpatialResult compute(VoxelInput in, VoxelRequest r, Progress progress) {
        VoxelMask pred = VoxelMask.ofNonZero(in.hardMask(r, progress));
        progress.checkCancelled();
        VoxelMask ref = VoxelMask.ofNonZero(in.referenceMask(r));
        // the masks are already clipped to Ω_margin, so no region mask is passed on
        return SpatialMetrics.compute(pred, ref, null, Grid.of(in.data().geometry()), options(r), progress);
    }

    @Override
    public Map<String, Object> reportFields(SpatialResult res) {
        Map<String, Object> f = new LinkedHashMap<>();
        SurfaceMetrics s = res.surface();
        LesionMetrics l = res.lesions();
        f.put("hd", s == null ? null : s.hd());
        f.put("hd95", s == null ? null : s.hd95());
        f.put("assd", s == null ? null : s.assd());
        f.put("masd", s == null ? null : s.masd());
        f.put("nsd", s == null ? null : s.nsd());
        f.put("nsdTolerance", s == null ? null : s.nsdToleranceMm());
        f.put("lesionsRef", l == null ? null : l.referenceLesions());
        f.put("lesionsPred", l == null ? null : l.predictedLesions());
        f.put("lesionsDetected", l == null ? null : l.detected());
        f.put("lesionsMissed", l == null ? null : l.missed());
        f.put("lesionsFalsePositive", l == null ? null : l.falsePositive());
        f.put("lesionF1", l == null ? null : l.f1());
        return f;
    }
}
