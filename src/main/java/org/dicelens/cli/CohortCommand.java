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
                + "CSV: the summary rows."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every case evaluated", "1:internal error", "2:bad input or usage (one line on stderr)",
            "3:at least one case failed (listed in 'failed'; the others are summarised)"})
public final class CohortCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--reference-dir", paramLabel = "DIR", required = true, description = "Folder of reference label maps.")
    Path referenceDir;

    @Option(names = "--prediction-dir", paramLabel = "DIR", required = true,
            description = "Folder of predictions, paired by name.")
    Path predictionDir;

    @Option(names = "--prediction-kind", paramLabel = "KIND", defaultValue = "auto",
            description = "auto, probabilities, logits-sigmoid, logits-softmax or labels (default: ${DEFAULT-VALUE}).")
    String kind = "auto";

    @Option(names = "--dataset-json", paramLabel = "FILE", description = "nnU-Net / Decathlon dataset.json for class "
            + "names (default: a dataset.json beside the predictions).")
    Path datasetJson;

    @Option(names = "--labels", paramLabel = "TABLE", description = "Class table: ITK-SNAP label description, JSON or CSV.")
    Path labels;

    @Mixin
    SettingsOptions settings = new SettingsOptions();

    @Mixin
    ReportOutputOptions output = new ReportOutputOptions();

    @Option(names = "--jobs", paramLabel = "N", description = "Cases loaded at once (default: number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    /** What one case leaves behind: its report and its statistics (no volume). */
    record Loaded(CaseMetrics metrics, CohortCase statistics) {
    }

    @Override
    public Integer call() throws InputException {
        if (jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, not " + jobs);
        }
        org.dicelens.app.report.ReportFormat fmt = output.reportFormat();
        settings.validate();
        PredictionKind pk = Backend.kind(kind);
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = ProgressBar.forErr(err, output.quiet);
        BatchPairing.Result pairing = BatchPairing.pair(referenceDir, predictionDir);
        if (output.out != null) {
            List<Path> inputs = new ArrayList<>();
            inputs.addAll(BatchPairing.volumeFiles(referenceDir, "--reference-dir").values());
            inputs.addAll(BatchPairing.volumeFiles(predictionDir, "--prediction-dir").values());
            inputs.add(labels);
            AtomicOutput.checkNotInput(output.out, inputs);
        }
        if (!pairing.referencesWithoutPrediction().isEmpty()) {
            bar.message("note: " + pairing.referencesWithoutPrediction().size() + " reference(s) in " + referenceDir
                    + " have no prediction and are skipped");
        }
        Map<String, String> failed = new TreeMap<>();
        List<Loaded> done = EvaluateCommand.runBatch(pairing.pairs(), jobs, bar, p -> load(p, pk, bar), failed);
        List<CaseMetrics> reports = done.stream().map(Loaded::metrics).toList();
        Cohort cohort = new Cohort(done.stream().map(Loaded::statistics).toList());
        Settings s = settings.toSettings(cohort.classTable());
        CohortSummary summary = cohort.summarise(s);
        String text = fmt == org.dicelens.app.report.ReportFormat.JSON ? CohortReport.json(reports, failed, summary.summaries())
                : CohortReport.csv(summary.summaries());
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
        org.dicelens.app.cases.DatasetCases.Opened all = Backend.loadAll(org.dicelens.app.cases.CaseFiles.of(p.reference(), p.predictions())
                .withClassTable(labels).withPredictionKind(pk).withName(p.name()).withDatasetJson(datasetJson),
                Progress.NONE);
        if (all.regions()) {
            throw new InputException(p.predictions().get(0), "regions_class_order", "a region model (dataset.json) gives one"
                    + " case per region, which a cohort summary over one class table cannot hold: use evaluate");
        }
        Case c = all.cases().get(0);
        for (String w : Backend.warnings(c)) {
            bar.message("warning: " + p.name() + ": " + w);
        }
        Engine e = Backend.engine(c, Progress.NONE);
        Settings s = settings.toSettings(c.classes());
        CaseMetrics m = Backend.named(Backend.evaluate(e, s, Progress.NONE), p.name());
        // the margin is fixed here: keep one level (at most 1,001 bins per histogram, whatever the case's size)
        return new Loaded(m, CohortCase.of(p.name(), e).atMargin(s.margin()));
    }

    private void emit(String text) throws InputException {
        output.emit(text, spec.commandLine().getOut());
    }
}
