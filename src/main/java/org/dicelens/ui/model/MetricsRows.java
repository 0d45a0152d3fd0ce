package org.dicelens.ui.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dicelens.app.catalogue.Catalogue;
import org.dicelens.app.catalogue.Quantity;
import org.dicelens.metrics.CaseMetrics;

/**
 * The metrics table's rows, taken as they are from the engine's {@link CaseMetrics}: one row per class, then two mean
 * rows holding the engine's mean soft and hard Dice, each named with the labels of the classes it covers (the mean
 * over the classes of the Generalised Dice, background included unless it is left out, and the foreground mean; under
 * "exclude" neither counts a class absent from the reference). Other mean cells are blank: the UI averages nothing.
 * The columns are quantities of the {@link Catalogue}; the tab-separated text a spreadsheet pastes uses their report
 * keys as headers, as the exported CSV does.
 */
public final class MetricsRows {
    /**
     * One column: a catalogue quantity, whether its sign is coloured (volume bias) and the decimals shown.
     */
    public record Column(Quantity quantity, boolean signed, int decimals) {
    }

    public static final List<Column> COLUMNS = columns();

    /** Channel of the mean row over {@code meanClasses} and of the foreground-mean row. */
    public static final int MEAN = -1;
    public static final int FOREGROUND_MEAN = -2;

    /** @param channel the class's channel, or {@link #MEAN} / {@link #FOREGROUND_MEAN} */
    public record Row(int channel, String name, double[] values) {
    }

    private MetricsRows() {
    }

    private static List<Column> columns() {
        List<Column> c = new ArrayList<>();
        for (Quantity q : Catalogue.byKeys("softDice", "hardDice", "softJaccard", "hardJaccard", "precision", "recall",
                "refMl", "softMl", "hardMl", "deltaSoftMl", "deltaHardMl")) {
            boolean volume = q.unit().equals("mL");
            c.add(new Column(q, q.key().startsWith("delta"), volume ? 1 : 3));
        }
        return List.copyOf(c);
    }

    public static List<Row> rows(CaseMetrics m) {
        List<Row> out = new ArrayList<>();
        for (int c = 0; c < m.classes().size(); c++) {
            double[] v = new double[COLUMNS.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = COLUMNS.get(i).quantity().number(m, c);
            }
            out.add(new Row(c, m.classes().get(c).name(), v));
        }
        out.add(new Row(MEAN, meanName("mean", m.meanLabels()), means(m.meanSoftDice(), m.meanHardDice())));
        out.add(new Row(FOREGROUND_MEAN, meanName("fg mean", m.foregroundLabels()),
                means(m.meanSoftDiceForeground(), m.meanHardDiceForeground())));
        return out;
    }

    /** "mean 0,1,2" / "fg mean 1,2": which labels a mean covers ("none" when no class counts). */
    public static String meanName(String what, int[] labels) {
        String covered = labels == null || labels.length == 0 ? "none"
                : IntStream.of(labels).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return what + " " + covered;
    }

    private static double[] means(double soft, double hard) {
        double[] v = new double[COLUMNS.size()];
        Arrays.fill(v, Double.NaN);
        for (int i = 0; i < v.length; i++) {
            String k = COLUMNS.get(i).quantity().key();
            if (k.equals("softDice")) {
                v[i] = soft;
            } else if (k.equals("hardDice")) {
                v[i] = hard;
            }
        }
        return v;
    }

    /** Header line and rows, tab-separated, full precision, NaN as an empty cell. */
    public static String tsv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("name");
        COLUMNS.forEach(c -> sb.append('\t').append(c.quantity().key()));
        sb.append('\n');
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
