package org.dicelens.cli;

import java.util.Map;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.EvaluationRegion;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.spatial.Connectivity;
import org.dicelens.metrics.spatial.SpatialOptions;
import org.dicelens.metrics.spatial.SpatialResult;
import org.dicelens.metrics.voxel.SpatialClassMetric;
import org.dicelens.metrics.voxel.VoxelMetrics;
import org.dicelens.metrics.voxel.VoxelRequest;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import picocli.CommandLine.Option;

/**
 * {@code evaluate --spatial} and its options: boundary and lesion-wise metrics per foreground class, computed through
 * the voxel-metrics tier (the same {@link SpatialClassMetric} the viewer's "Boundary &amp; lesions" panel shows).
 */
public final class SpatialCliOptions {
    @Option(names = "--spatial", description = "Add boundary and lesion-wise metrics per foreground class: hd, hd95, "
            + "assd, masd, nsd, nsdTolerance, lesionsRef, lesionsPred, lesionsDetected, lesionsMissed, "
            + "lesionsFalsePositive, lesionF1 and (JSON) a lesions list. Distances in mm; null when one mask is empty.")
    boolean spatial;

    @Option(names = "--nsd-tolerance", paramLabel = "MM",
            description = "NSD tolerance τ in mm for every class (default: 1).")
    String nsdTolerance;

    @Option(names = "--nsd-tolerances", paramLabel = "LABEL=MM[,LABEL=MM…]",
            description = "Per-class NSD tolerances by label value, e.g. 1=1,2=2.5 (others: 1 mm). Not with --nsd-tolerance.")
    String nsdTolerances;

    @Option(names = "--connectivity", paramLabel = "6|18|26",
            description = "Lesion connectivity: face, face+edge, or full 26-neighbourhood (default: 26).")
    String connectivity;

    @Option(names = "--min-lesion-voxels", paramLabel = "N",
            description = "Components smaller than N voxels are dropped from both masks before lesion matching (default: 0).")
    String minLesionVoxels;

    /** Checks the options without a case; the per-label tolerances are checked against the class table later. */
    void validate() throws InputException {
        if (!spatial && (nsdTolerance != null || nsdTolerances != null || connectivity != null || minLesionVoxels != null)) {
            String which = nsdTolerance != null ? "--nsd-tolerance" : nsdTolerances != null ? "--nsd-tolerances"
                    : connectivity != null ? "--connectivity" : "--min-lesion-voxels";
            throw new InputException(null, which, "goes with --spatial");
        }
        if (nsdTolerance != null && nsdTolerances != null) {
            throw new InputException(null, "--nsd-tolerances", "give either --nsd-tolerance or --nsd-tolerances, not both");
        }
        base();
        if (nsdTolerances != null) {
            for (Map.Entry<Integer, String> e : SettingsOptions.pairs("--nsd-tolerances", nsdTolerances).entrySet()) {
                millimetres("--nsd-tolerances", e.getKey() + "=" + e.getValue(), e.getValue());
            }
        }
    }

    /** The options every class shares (τ from --nsd-tolerance or 1 mm). */
    SpatialOptions base() throws InputException {
        SpatialOptions o = SpatialOptions.defaults();
        if (nsdTolerance != null) {
            o = o.withNsdTolerance(millimetres("--nsd-tolerance", nsdTolerance, nsdTolerance));
        }
        if (connectivity != null) {
            try {
                o = o.withConnectivity(Connectivity.of(Integer.parseInt(connectivity.trim())));
            } catch (IllegalArgumentException e) { // also NumberFormatException
                throw SettingsOptions.bad("--connectivity", connectivity, "expected 6, 18 or 26");
            }
        }
        if (minLesionVoxels != null) {
            int n;
            try {
                n = Integer.parseInt(minLesionVoxels.trim());
            } catch (NumberFormatException e) {
                throw SettingsOptions.bad("--min-lesion-voxels", minLesionVoxels, "expected a whole number ≥ 0");
            }
            if (n < 0) {
                throw SettingsOptions.bad("--min-lesion-voxels", minLesionVoxels, "must be ≥ 0");
            }
            o = o.withMinLesion(n, 0);
        }
        return o;
    }

    /** The options of each channel (null for the background, which has no boundary or lesions of interest). */
    SpatialOptions[] perChannel(ClassTable table) throws InputException {
        SpatialOptions base = base();
        SpatialOptions[] out = new SpatialOptions[table.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = c == table.backgroundChannel() ? null : base;
        }
        if (nsdTolerances != null) {
            for (Map.Entry<Integer, String> e : SettingsOptions.pairs("--nsd-tolerances", nsdTolerances).entrySet()) {
                String given = e.getKey() + "=" + e.getValue();
                int c = table.channelOf(e.getKey());
                if (c < 0 || c == table.backgroundChannel()) {
                    throw SettingsOptions.bad("--nsd-tolerances", given, c < 0 ? "no class has label " + e.getKey()
                            : "the background has no spatial metrics");
                }
                out[c] = base.withNsdTolerance(millimetres("--nsd-tolerances", given, e.getValue()));
            }
        }
        return out;
    }

    /** Every foreground class's result through the case's voxel-metrics tier; null for the background. */
    SpatialResult[] compute(Case c, EvaluationRegion region, Settings s, Progress progress) throws InputException {
        SpatialOptions[] opts = perChannel(c.classes());
        VoxelMetrics tier = new VoxelMetrics(c, region);
        SpatialResult[] out = new SpatialResult[opts.length];
        for (int ch = 0; ch < opts.length; ch++) {
            if (opts[ch] != null) {
                out[ch] = tier.get(SpatialClassMetric.INSTANCE, VoxelRequest.of(s, ch, opts[ch]), progress);
            }
        }
        return out;
    }

    private static double millimetres(String option, String shown, String text) throws InputException {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw SettingsOptions.bad(option, shown, "expected a number of mm");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw SettingsOptions.bad(option, shown, "must be a finite number of mm ≥ 0");
        }
        return v;
    }
}
