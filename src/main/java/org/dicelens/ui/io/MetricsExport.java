package org.dicelens.ui.io;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.dicelens.app.report.ReportFormat;
import org.dicelens.app.report.Reporter;
import org.dicelens.common.InputException;
import org.dicelens.metrics.CaseMetrics;

/**
 * The viewer's "Export metrics": the text of the application's one {@link Reporter}, the same bytes {@code evaluate}
 * writes for the same case and settings, written atomically and never over an input.
 */
public final class MetricsExport {
    private MetricsExport() {
    }

    /** With several raters ({@code raters} not null) the rater keys follow, as {@code evaluate --raters} writes them. */
    public static void writeJson(CaseMetrics m, org.dicelens.metrics.raters.RaterMetrics raters, Path target,
            Collection<Path> inputs) throws InputException {
        Reporter.write(reporter(m, raters).text(ReportFormat.JSON, m), target, inputs, null);
    }

    public static void writeCsv(CaseMetrics m, org.dicelens.metrics.raters.RaterMetrics raters, Path target,
            Collection<Path> inputs) throws InputException {
        Reporter.write(reporter(m, raters).text(ReportFormat.CSV, List.of(m)), target, inputs, null);
    }

    private static Reporter reporter(CaseMetrics m, org.dicelens.metrics.raters.RaterMetrics raters) {
        return raters == null ? Reporter.standard() : Reporter.with(List.of(
                new org.dicelens.app.report.RaterReportSection(java.util.Map.of(m.caseName(), raters))));
    }

    public static void writeJson(CaseMetrics m, Path target, Collection<Path> inputs) throws InputException {
        Reporter.write(Reporter.standard().text(ReportFormat.JSON, m), target, inputs, null);
    }

    public static void writeCsv(CaseMetrics m, Path target, Collection<Path> inputs) throws InputException {
        Reporter.write(Reporter.standard().text(ReportFormat.CSV, List.of(m)), target, inputs, null);
    }
}
