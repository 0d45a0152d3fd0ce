package org.dicelens.cli;

import org.dicelens.app.cases.BatchPairing;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.cohort.Cohort;
import org.dicelens.metrics.cohort.CohortCase;
import org.dicelens.metrics.cohort.CohortSummary;
import org.dicelens.metrics.cohort.SpatialClassSummary;
import org.dicelens.metrics.spatial.SpatialResult;
import org.dicelens.app.report.SpatialSection;
import org.dicelens.volume.Case;
import org.dicelens.volume.PredictionKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cohort}: the batch evaluate plus a per-class summary over the cases (volume bias, Bland–Altman limits, Dice
 * distribution, cohort thresholds). Each case keeps only its report and its statistics once evaluated, so memory does
 * not grow with the cases' size; pairing, parallelism and failures are the batch evaluate's.
 */
@Command(name = "cohort", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Summarise a validation set: per class the mean and sd of soft and hard Dice and of the volume "
            + "bias ΔV (Bland–Altman limits mean ± 1.96 sd), the median hard Dice, the threshold maximising the mean "
            + "hard Dice over cases and the one whose mean ΔV_hard is nearest 0, and the correlation of V_soft and "
            + "V_hard with V_ref.",
            "Cases are paired as in evaluate's batch (case.nii.gz with case.nii.gz, or per-class files case_0000 …). "
                + "A class with neither a reference voxel nor a predicted voxel in a case is left out of that case's "
                + "means (the 'cases' column counts the rest).",
            "JSON: {\"cases\": [...as evaluate writes...], \"failed\": [{\"case\", \"error\"}], \"summary\": [...]}. "
                + "CSV: the summary rows.",
            "--spatial adds per class the mean and median of hd95, assd, nsd and lesionF1 over the cases where they "
                + "are defined (spatialCases, lesionF1Cases; spatialUndefined counts cases with one empty mask) and the "
                + "totals of lesionsRef, lesionsDetected, lesionsMissed and lesionsFalsePositive; each case's report "
                + "gets evaluate --spatial's keys."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every case evaluated", "1:internal error", "2:bad input or usage (one line on stderr)",
            "3:at least one case failed (listed in 'failed'; the others are summarised)"})
public final class CohortCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BatchOptions batch = new BatchOptions();

    @Mixin
    CaseReadingOptions reading = new CaseReadingOptions();

    @Mixin
    SettingsOptions settings = new SettingsOptions();

    @Mixin
    ReportOutputOptions output = new ReportOutputOptions();

    @Mixin
    SpatialCliOptions spatial = new SpatialCliOptions();

    /**
     * What one case leaves behind: its report (one per region for a region model), its statistics, its rater numbers
     * (or null) and, with --spatial, its boundary and lesion results per channel and by label (no volume).
     */
    record Loaded(List<CaseMetrics> metrics, CohortCase statistics,
            org.dicelens.metrics.raters.RaterMetrics raters, SpatialResult[] spatial,
            Map<Integer, SpatialResult> spatialByLabel) {
    }

    @Override
    public Integer call() throws InputException {
        batch.requireBoth(spec.commandLine());
        batch.checkJobs(spec.commandLine());
        org.dicelens.app.report.ReportFormat fmt = output.reportFormat();
        settings.validate();
        spatial.validate();
        if (spatial.spatial && batch.raters()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--spatial does not go with --raters-dir or "
                    + "--soft-reference-dir (yet)");
        }
        PredictionKind pk = reading.predictionKind();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = ProgressBar.forErr(err, output.quiet);
        BatchPairing.Result pairing = batch.pair(output.out, reading.labels, bar);
        Map<String, String> failed = new TreeMap<>();
        List<Loaded> done = EvaluateCommand.runBatch(pairing.pairs(), batch.jobs, bar, p -> load(p, pk, bar), failed,
                l -> l.statistics() == null ? 0 : l.statistics().bytes());
        List<CaseMetrics> reports = done.stream().flatMap(l -> l.metrics().stream()).toList();
        Cohort cohort = new Cohort(done.stream().map(Loaded::statistics).toList());
        Settings s = settings.toSettings(cohort.classTable());
        // a region model's classes are its regions, independent sigmoids: judged by their thresholds, never by argmax
        s = cohort.regions() ? s.withMode(org.dicelens.metrics.HardMode.THRESHOLD, 0) : s;
        CohortSummary summary = cohort.summarise(s);
        org.dicelens.app.report.Reporter reporter = org.dicelens.app.report.Reporter.standard();
        List<CohortReport.Columns> extra = new ArrayList<>();
        if (batch.raters()) { // the rater keys: per case in "cases", their means per class in the summary
            List<RaterEvaluation.Evaluated> rated = done.stream().map(l -> new RaterEvaluation.Evaluated(l.metrics().get(0),
                    l.raters(), null)).toList();
            List<org.dicelens.metrics.raters.RaterMetrics> rm = done.stream().map(Loaded::raters).toList();
            extra.add(new CohortReport.Columns(org.dicelens.metrics.raters.RaterCohortClass.class, summary.summaries()
                    .stream().map(cs -> org.dicelens.metrics.raters.RaterCohortClass.of(cs.label(), rm)).toList()));
            reporter = RaterEvaluation.reporter(rated);
        }
        if (spatial.spatial) {
            extra.add(new CohortReport.Columns(SpatialClassSummary.class, summary.summaries().stream()
                    .map(cs -> SpatialClassSummary.of(cs.label(), done.stream().map(l -> l.spatialByLabel().get(cs.label()))
                            .toList())).toList()));
            SpatialSection section = SpatialSection.forFormat(fmt);
            done.forEach(l -> section.put(l.metrics().get(0).caseName(), l.spatial()));
            reporter = org.dicelens.app.report.Reporter.with(List.of(section));
        }
        String text = fmt == org.dicelens.app.report.ReportFormat.JSON
                ? CohortReport.json(reporter, reports, failed, summary.summaries(), extra)
                : CohortReport.csv(summary.summaries(), extra);
        emit(text);
        if (!failed.isEmpty()) {
            err.println("error: " + failed.size() + " of " + pairing.pairs().size() + " cases failed (reported above); "
                    + "the summary is over the other " + done.size());
            err.flush();
            return EvaluateCommand.SOME_CASES_FAILED;
        }
        return 0;
    }

    /** One case: load, evaluate as evaluate does, keep the report and the statistics; the volumes are dropped. */
    Loaded load(BatchPairing.Pair p, PredictionKind pk, ProgressBar bar) throws InputException {
        org.dicelens.app.cases.CaseFiles files = reading.batchCase(p, pk);
        if (batch.raters()) {
            RaterEvaluation.Evaluated e = RaterEvaluation.evaluate(files, batch.raters(p), batch.soft(p), settings,
                    Progress.NONE, true);
            return new Loaded(List.of(e.metrics()), e.cohort(), e.raters(), null, null);
        }
        org.dicelens.app.cases.DatasetCases.Opened all = Backend.loadAll(files, Progress.NONE);
        if (all.regions()) {
            return loadRegions(p, all.cases(), bar);
        }
        Case c = all.cases().get(0);
        for (String w : Backend.warnings(c)) {
            bar.message("warning: " + p.name() + ": " + w);
        }
        Engine e = Backend.engine(c, Progress.NONE);
        Settings s = settings.toSettings(c.classes());
        CaseMetrics m = Backend.named(Backend.evaluate(e, s, Progress.NONE), p.name());
        // the margin is fixed here: keep one level (at most 1,001 bins per histogram, whatever the case's size)
        SpatialResult[] sr = null;
        Map<Integer, SpatialResult> byLabel = null;
        if (spatial.spatial) {
            sr = spatial.compute(c, e.region(), s, Progress.NONE);
            byLabel = new java.util.HashMap<>();
            for (int ch = 0; ch < sr.length; ch++) {
                if (sr[ch] != null) {
                    byLabel.put(c.classes().get(ch).label(), sr[ch]);
                }
            }
        }
        return new Loaded(List.of(m), CohortCase.of(p.name(), e).atMargin(s.margin()), null, sr, byLabel);
    }

    /**
     * A region model's case: each region evaluated as evaluate does (its own binary case, threshold mode, reported as
     * "case: region"), summarised as one cohort case whose classes are the regions.
     */
    private Loaded loadRegions(BatchPairing.Pair p, List<Case> regions, ProgressBar bar) throws InputException {
        if (spatial.spatial) {
            throw new InputException(p.predictions().get(0), "regions_class_order", "--spatial is not available for a "
                    + "region model's cohort (yet): use evaluate --spatial on the case");
        }
        List<CaseMetrics> reports = new ArrayList<>();
        List<CohortCase> stats = new ArrayList<>();
        for (Case c : regions) {
            for (String w : Backend.warnings(c)) {
                bar.message("warning: " + c.name() + ": " + w);
            }
            Engine e = Backend.engine(c, Progress.NONE);
            Settings s = settings.toSettings(c.classes()).withMode(org.dicelens.metrics.HardMode.THRESHOLD, 0);
            reports.add(Backend.named(Backend.evaluate(e, s, Progress.NONE), c.name()));
            stats.add(CohortCase.of(p.name(), e).atMargin(s.margin()));
        }
        return new Loaded(reports, CohortCase.ofRegions(p.name(), stats), null, null, null);
    }

    private void emit(String text) throws InputException {
        output.emit(text, spec.commandLine().getOut());
    }
}
