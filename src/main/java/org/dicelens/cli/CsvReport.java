package org.dicelens.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;

/**
 * CSV of the command line: one row per case and class; the columns are the case-level keys followed by the class
 * keys of the JSON (same names), so {@code pandas.read_csv(file)} gives a tidy table as it is.
 */
public final class CsvReport {
    private CsvReport() {
    }

    public static List<String> header() {
        List<String> h = new ArrayList<>(ReportKeys.caseKeys());
        h.addAll(ReportKeys.classKeys());
        return h;
    }

    public static String of(List<CaseMetrics> cases) {
        Csv csv = new Csv(header());
        for (CaseMetrics m : cases) {
            Map<String, Object> caseValues = ReportKeys.caseValues(m);
            for (ClassMetrics c : m.classes()) {
                List<Object> row = new ArrayList<>(caseValues.values());
                row.addAll(ReportKeys.classValues(c).values());
                csv.row(row.toArray());
            }
        }
        return csv.toString();
    }
}
