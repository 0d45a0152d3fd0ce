package org.dicelens.ui.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;

/**
 * The metrics table's rows, taken as they are from the engine's {@link CaseMetrics}: one row per class and a mean row
 * holding the engine's mean soft and hard Dice (other mean cells are left blank: the UI averages nothing). Also the
 * tab-separated text a spreadsheet pastes.
 */
public final class MetricsRows {
    public static final List<String> HEADERS = List.of("class", "soft Dice", "hard Dice", "soft Jaccard", "hard Jaccard",
            "precision", "recall", "V_ref mL", "V_soft mL", "V_hard mL", "ΔV_soft mL", "ΔV_hard mL");
    /** Column index of ΔV_soft / ΔV_hard within {@link Row#values()} (coloured by sign). */
    public static final int DELTA_SOFT = 9;
    public static final int DELTA_HARD = 10;
    public static final int HARD_DICE = 1;

    /** @param channel the class's channel, or -1 for the mean row */
    public record Row(int channel, String name, double[] values) {
    }

    private MetricsRows() {
    }

    public static List<Row> rows(CaseMetrics m) {
        List<Row> out = new ArrayList<>();
        List<ClassMetrics> cls = m.classes();
        for (int c = 0; c < cls.size(); c++) {
            ClassMetrics k = cls.get(c);
            out.add(new Row(c, k.name(), new double[] {k.softDice(), k.hardDice(), k.softJaccard(), k.hardJaccard(),
                k.precision(), k.recall(), k.refMl(), k.softMl(), k.hardMl(), k.deltaSoftMl(), k.deltaHardMl()}));
        }
        double[] mean = new double[HEADERS.size() - 1];
        Arrays.fill(mean, Double.NaN);
        mean[0] = m.meanSoftDice();
        mean[1] = m.meanHardDice();
        out.add(new Row(-1, "mean", mean));
        return out;
    }

    /** Header line and rows, tab-separated, full precision, NaN as an empty cell. */
    public static String tsv(List<Row> rows) {
        StringBuilder sb = new StringBuilder(String.join("\t", HEADERS)).append('\n');
        for (Row r : rows) {
            sb.append(r.name());
            for (double v : r.values()) {
                sb.append('\t');
                if (!Double.isNaN(v)) {
                    sb.append(v);
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
