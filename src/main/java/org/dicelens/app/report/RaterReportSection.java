package org.dicelens.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.raters.RaterClassMetrics;
import org.dicelens.metrics.raters.RaterMetrics;

/**
 * The report section of several raters or a soft reference (issue 18): per class the keys of
 * {@link RaterClassMetrics} (lists as JSON arrays and space-separated CSV fields), per case how many raters, whether the
 * reference is soft, which reference the usual keys use, and the voxel counts. A case without raters gets nulls.
 */
public final class RaterReportSection implements ReportSection {
    private static final List<String> CASE_KEYS = List.of("raterCount", "raterSoft", "raterReference",
            "raterRegionVoxels", "raterConsensusVoxels");
    private static final List<String> CLASS_KEYS = List.of("expectedMl", "raterMl", "raterMlMin", "raterMlMax",
            "raterMlSd", "semimetricDice", "semimetricLoss", "softDiceVsMean", "softEmpty", "raterDice", "raterSoftDice",
            "interRaterDice", "qubiq", "qubiqEmpty", "consensusDice", "consensusVoxels", "deltaSoftVsExpectedMl",
            "deltaHardVsExpectedMl", "eceVsMean", "raterEce");

    private final Map<String, RaterMetrics> byCase;

    /** @param byCase the rater numbers of each case, by {@link CaseMetrics#caseName()} */
    public RaterReportSection(Map<String, RaterMetrics> byCase) {
        this.byCase = Map.copyOf(byCase);
    }

    @Override
    public List<String> caseKeys() {
        return CASE_KEYS;
    }

    @Override
    public List<String> classKeys() {
        return CLASS_KEYS;
    }

    @Override
    public Object caseValue(CaseMetrics m, String key) {
        RaterMetrics r = byCase.get(m.caseName());
        if (r == null) {
            return null;
        }
        return switch (key) {
            case "raterCount" -> r.raters();
            case "raterSoft" -> r.soft();
            case "raterReference" -> r.soft() ? "the usual keys use --reference; the rater keys the soft reference q̂"
                    : "the usual keys use the raters' majority vote as the reference";
            case "raterRegionVoxels" -> r.regionVoxels();
            case "raterConsensusVoxels" -> r.consensusVoxels();
            default -> null;
        };
    }

    @Override
    public Object classValue(CaseMetrics m, int channel, String key) {
        RaterMetrics r = byCase.get(m.caseName());
        if (r == null || channel >= r.classes().size()) {
            return null;
        }
        RaterClassMetrics c = r.classes().get(channel);
        return switch (key) {
            case "expectedMl" -> c.expectedMl();
            case "raterMl" -> list(c.raterMl());
            case "raterMlMin" -> c.raterMlMin();
            case "raterMlMax" -> c.raterMlMax();
            case "raterMlSd" -> c.raterMlSd();
            case "semimetricDice" -> c.semimetricDice();
            case "semimetricLoss" -> c.semimetricLoss();
            case "softDiceVsMean" -> c.softDiceVsMean();
            case "softEmpty" -> c.softEmpty();
            case "raterDice" -> list(c.raterDice());
            case "raterSoftDice" -> list(c.raterSoftDice());
            case "interRaterDice" -> c.interRaterDice();
            case "qubiq" -> c.qubiq();
            case "qubiqEmpty" -> c.qubiqEmpty();
            case "consensusDice" -> c.consensusDice();
            case "consensusVoxels" -> c.consensusVoxels();
            case "deltaSoftVsExpectedMl" -> c.deltaSoftVsExpectedMl();
            case "deltaHardVsExpectedMl" -> c.deltaHardVsExpectedMl();
            case "eceVsMean" -> c.eceVsMean();
            case "raterEce" -> list(c.raterEce());
            default -> null;
        };
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
