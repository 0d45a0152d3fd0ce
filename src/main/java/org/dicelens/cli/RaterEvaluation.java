package org.dicelens.cli;

import java.util.List;
import java.util.Map;
import org.dicelens.app.cases.RaterFiles;
import org.dicelens.app.report.RaterReportSection;
import org.dicelens.app.report.ReportFormat;
import org.dicelens.app.report.Reporter;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.raters.RaterMetrics;
import org.dicelens.metrics.raters.RaterReference;
import org.dicelens.metrics.raters.RaterStatistics;
import org.dicelens.volume.Case;

/**
 * {@code evaluate --raters}: the case is loaded with the first rater as its reference (which fixes the grid and the
 * classes), every rater is read onto it, the reference becomes the raters' majority vote, and the report is the usual
 * one plus the raters' keys ({@link RaterReportSection}). {@code --soft-reference} keeps --reference for the usual keys
 * and computes the section against q̂.
 */
final class RaterEvaluation {
    private RaterEvaluation() {
    }

    /** The report of one case with the raters' section, in {@code format} (JSON object or CSV rows). */
    static String report(org.dicelens.app.cases.CaseFiles in, RaterOptions opts, SettingsOptions options,
            ReportFormat format, Progress progress) throws InputException {
        Case loaded = Backend.load(in, progress);
        Case c = loaded;
        RaterReference ref;
        if (opts.given()) {
            ref = RaterFiles.labelMaps(opts.raters, loaded, progress);
            byte[] majority = ref.majorityLabels(loaded.classes().backgroundChannel());
            c = new Case(loaded.name(), loaded.geometry(), loaded.image(), majority, loaded.prediction(), loaded.classes(),
                    loaded.warnings(), loaded.predictionKind());
        } else {
            ref = RaterFiles.soft(opts.softReference, loaded);
        }
        Settings s = options.toSettings(c.classes());
        Engine e = Backend.engine(c, progress);
        CaseMetrics m = Backend.named(Backend.evaluate(e, s, progress), in.displayName());
        RaterMetrics rm = RaterStatistics.compute(ref, c.prediction().channels(), c.classes(), e.voxelMl(), s, e.region());
        return Reporter.with(List.of(new RaterReportSection(Map.of(m.caseName(), rm)))).text(format, m);
    }
}
