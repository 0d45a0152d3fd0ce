package org.dicelens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.RaterFiles;
import org.dicelens.app.report.RaterReportSection;
import org.dicelens.app.report.ReportFormat;
import org.dicelens.app.report.Reporter;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.cohort.CohortCase;
import org.dicelens.metrics.raters.RaterMetrics;
import org.dicelens.metrics.raters.RaterStatistics;
import org.dicelens.volume.Case;

/**
 * {@code evaluate --raters} (and a batch's raters): the case is loaded with the first rater as its reference (which
 * fixes the grid and the classes), every rater is read onto it (label maps, per-class masks or a soft map:
 * {@link RaterFiles}), the reference becomes the raters' majority vote, and the report is the usual one plus the
 * raters' keys ({@link RaterReportSection}). A soft reference keeps the case's reference for the usual keys and
 * computes the section against q̂.
 */
final class RaterEvaluation {
    private RaterEvaluation() {
    }

    /** One case's report and rater numbers; its cohort statistics when asked for (the volumes are not kept). */
    record Evaluated(CaseMetrics metrics, RaterMetrics raters, CohortCase cohort) {
    }

    /** The report of one case with the raters' section, in {@code format} (JSON object or CSV rows). */
    static String report(CaseFiles in, RaterOptions opts, SettingsOptions options, ReportFormat format, Progress progress)
            throws InputException {
        Evaluated e = evaluate(in, opts.raters, opts.softReference, options, progress, false);
        return reporter(List.of(e)).text(format, e.metrics());
    }

    /** The report of a batch (JSON list or CSV rows), the cases in the order given. */
    static String report(List<Evaluated> cases, ReportFormat format) {
        return reporter(cases).text(format, cases.stream().map(Evaluated::metrics).toList());
    }

    /** The reporter with the raters' section of these cases. */
    static Reporter reporter(List<Evaluated> cases) {
        Map<String, RaterMetrics> byCase = new TreeMap<>();
        cases.forEach(e -> byCase.put(e.metrics().caseName(), e.raters()));
        return Reporter.with(List.of(new RaterReportSection(byCase)));
    }

    /**
     * Evaluates one case against {@code raters} (label maps, masks or one soft map; the majority vote replaces the
     * reference) or, when that is empty, against the soft reference {@code soft} (the reference stays).
     */
    static Evaluated evaluate(CaseFiles in, List<Path> raters, Path soft, SettingsOptions options, Progress progress,
            boolean forCohort) throws InputException {
        Case loaded = Backend.load(in, progress);
        RaterFiles.Read read = raters.isEmpty() ? new RaterFiles.Read(RaterFiles.soft(soft, loaded), List.of())
                : RaterFiles.read(raters, loaded, progress);
        Case c = RaterFiles.withReference(loaded, read, 0);
        Settings s = options.toSettings(c.classes());
        Engine e = Backend.engine(c, progress);
        CaseMetrics m = Backend.named(Backend.evaluate(e, s, progress), in.displayName());
        RaterMetrics rm = RaterStatistics.compute(read.reference(), c.prediction().channels(), c.classes(), e.voxelMl(), s,
                e.region());
        CohortCase cohort = forCohort ? CohortCase.of(m.caseName(), e).atMargin(s.margin()) : null;
        return new Evaluated(m, rm, cohort);
    }
}
