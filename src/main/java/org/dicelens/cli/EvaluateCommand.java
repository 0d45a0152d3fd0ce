package org.dicelens.cli;

import org.dicelens.app.cases.BatchPairing;
import org.dicelens.app.cases.CaseAdmission;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.CaseOpener;
import org.dicelens.app.report.ReportFormat;
import org.dicelens.app.report.Reporter;
import org.dicelens.app.report.SpatialSection;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Case;
import org.dicelens.volume.PredictionKind;
import org.dicelens.volume.formats.InputFormats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code evaluate}: every number of the formula sheet for one case or a folder of cases, as JSON or CSV. Batch cases run
 * in parallel; a case that fails is reported on stderr with its reason while the others go on.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate predictions against a reference: soft and hard Dice, volumes and volume bias, losses, "
            + "GDL weights, calibration and special thresholds, per class.",
            "One case: --reference and --prediction. A batch: --reference-dir and --prediction-dir, paired by name "
                + "(case.nii.gz with case.nii.gz, or with per-class files case_0000.nii.gz, case_0001.nii.gz …).",
            "JSON: one object per case (a list for a batch), undefined numbers as null. "
                + "CSV: one row per case and class, the same keys as columns."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every case evaluated", "1:internal error", "2:bad input or usage (one line on stderr)",
            "3:a batch in which at least one case failed (the others are still reported)"})
public final class EvaluateCommand implements java.util.concurrent.Callable<Integer> {
    static final int SOME_CASES_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CaseFileOptions files = new CaseFileOptions();

    @Parameters(arity = "0..1", paramLabel = "FOLDER", description = "Instead of --reference/--prediction: a case folder, "
            + "its files given their roles by name as the viewer does (reference *seg*/*label*/*ref*/*gt*, prediction "
            + "*prob*/*pred*/*softmax*, a class table, the image).")
    Path caseFolder;

    @Mixin
    BatchOptions batch = new BatchOptions();

    @Option(names = "--name", paramLabel = "NAME", description = "Case name in the report (default: the reference's file name).")
    String name;

    @Mixin
    SettingsOptions settings = new SettingsOptions();

    @Mixin
    RaterOptions raters = new RaterOptions();

    @Mixin
    SpatialCliOptions spatial = new SpatialCliOptions();

    /** Where --spatial results go (null without --spatial). */
    private SpatialSection spatialSection;

    @Mixin
    ReportOutputOptions output = new ReportOutputOptions();

    @Override
    public Integer call() throws InputException {
        boolean isBatch = batch.given();
        checkUsage(isBatch);
        ReportFormat fmt = output.reportFormat();
        settings.validate(); // a typo in an option fails before any loading
        spatial.validate();
        if (spatial.spatial && (raters.any() || batch.raters())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--spatial does not go with --raters or "
                    + "--soft-reference (yet)");
        }
        spatialSection = spatial.spatial ? SpatialSection.forFormat(fmt) : null;
        // built on its own thread while the case loads: its start (Jackson, the catalogue) is otherwise serial work
        java.util.concurrent.FutureTask<Reporter> reporterTask = new java.util.concurrent.FutureTask<>(
                () -> spatialSection == null ? Reporter.standard() : Reporter.with(List.of(spatialSection)));
        Thread reporterThread = new Thread(reporterTask, "dicelens-reporter");
        reporterThread.setDaemon(true);
        reporterThread.start();
        PredictionKind pk = files.reading.predictionKind();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = ProgressBar.forErr(err, output.quiet);
        if (!isBatch) {
            CaseFiles in = singleCase(pk);
            if (output.out != null) {
                List<Path> inputs = new ArrayList<>(in.inputs());
                inputs.addAll(raters.raters);
                if (raters.softReference != null) {
                    inputs.add(raters.softReference);
                }
                AtomicOutput.checkNotInput(output.out, inputs);
            }
            if (raters.any()) {
                try {
                    emit(RaterEvaluation.report(in, raters, settings, fmt, bar));
                } finally {
                    bar.finish();
                }
                return 0;
            }
            List<CaseMetrics> m;
            try {
                m = evaluate(in, bar, bar);
            } finally {
                bar.finish();
            }
            Reporter reporter = built(reporterTask);
            emit(m.size() == 1 ? reporter.text(fmt, m.get(0)) : reporter.text(fmt, m));
            return 0;
        }
        BatchPairing.Result pairing = batch.pair(output.out, files.reading.labels, bar);
        List<?> ok;
        if (batch.raters()) {
            List<RaterEvaluation.Evaluated> rated = runBatch(pairing.pairs(), batch.jobs, bar, p -> RaterEvaluation.evaluate(
                    files.reading.batchCase(p, pk), batch.raters(p), batch.soft(p), settings, Progress.NONE, false), null);
            ok = rated;
            emit(RaterEvaluation.report(rated, fmt));
        } else {
            List<List<CaseMetrics>> evaluated = runBatch(pairing.pairs(), batch.jobs, bar, p -> evaluate(files.reading.batchCase(p, pk),
                    Progress.NONE, bar), null);
            ok = evaluated;
            List<CaseMetrics> done = new ArrayList<>();
            evaluated.forEach(done::addAll); // a region model gives one report per region
            emit(built(reporterTask).text(fmt, done));
        }
        int failed = pairing.pairs().size() - ok.size();
        if (failed > 0) {
            err.println("error: " + failed + " of " + pairing.pairs().size() + " cases failed (reported above); the report "
                    + "holds the other " + ok.size());
            err.flush();
            return SOME_CASES_FAILED;
        }
        return 0;
    }

    private void checkUsage(boolean isBatch) {
        CommandLine cl = spec.commandLine();
        if (raters.given() && (isBatch || files.reference != null || !files.masks.isEmpty() || files.predictions.isEmpty()
                || raters.softReference != null)) {
            throw new CommandLine.ParameterException(cl, "--raters replaces --reference for one case: give --raters and "
                    + "--prediction (no batch, no masks, no --soft-reference)");
        }
        if (raters.softReference != null && (isBatch || files.reference == null && files.masks.isEmpty())) {
            throw new CommandLine.ParameterException(cl, "--soft-reference goes with --reference (or --reference-masks) and "
                    + "--prediction, for one case");
        }
        if (isBatch) {
            batch.requireBoth(cl);
            if (files.image != null) {
                throw new CommandLine.ParameterException(cl, "--image names one scan; a batch has one per case (leave it out)");
            }
            if (files.reference != null || !files.masks.isEmpty() || !files.predictions.isEmpty() || name != null || caseFolder != null) {
                throw new CommandLine.ParameterException(cl,
                        "give either --reference/--prediction (one case) or --reference-dir/--prediction-dir (a batch)");
            }
        } else if (caseFolder != null) {
            if (files.reference != null || !files.masks.isEmpty() || !files.predictions.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "give either a case FOLDER or --reference/--prediction, not both");
            }
        } else if ((files.reference == null && files.masks.isEmpty() && !raters.given()) || files.predictions.isEmpty()) {
            throw new CommandLine.ParameterException(cl,
                    "give --reference and --prediction (one case), or --reference-dir and --prediction-dir (a batch)");
        } else if (files.reference != null && !files.masks.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "give either --reference or --reference-masks, not both");
        }
        batch.checkJobs(cl);
    }

    /** The one case the options name: a label map or masks, prediction file(s), optional scan and class table. */
    private CaseFiles singleCase(PredictionKind pk) throws InputException {
        if (caseFolder != null) {
            CaseFiles f = CaseOpener.resolve(CaseFiles.ofFolder(caseFolder).withPredictionKind(pk));
            f = files.image != null ? f.withImage(files.image) : f;
            f = files.reading.applyTo(f, pk);
            return name != null ? f.withName(name) : f;
        }
        // with --raters and no --reference, the first rater fixes the grid and the classes
        Path ref = files.reference != null ? files.reference : files.masks.isEmpty() && raters.given() ? raters.raters.get(0) : null;
        Path first = ref != null ? ref : files.masks.get(0);
        CaseFiles f = ref != null ? CaseFiles.of(ref, files.predictions) : CaseFiles.ofMasks(files.masks, files.predictions);
        return files.reading.applyTo(f.withImage(files.image), pk).withName(name != null ? name : InputFormats.stem(first));
    }

    private static Reporter built(java.util.concurrent.FutureTask<Reporter> task) {
        try {
            return task.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        }
    }

    /** One case's report, or one per region for a region model (named "case: region", in threshold mode). */
    private List<CaseMetrics> evaluate(CaseFiles in, Progress progress, ProgressBar messages) throws InputException {
        org.dicelens.app.cases.DatasetCases.Opened opened = Backend.loadAll(in, progress);
        List<Case> cases = opened.cases();
        boolean regions = opened.regions();
        List<CaseMetrics> out = new ArrayList<>();
        for (Case c : cases) {
            String caseName = regions ? c.name() : in.displayName();
            for (String w : Backend.warnings(c)) {
                messages.message("warning: " + caseName + ": " + w);
            }
            Settings s = settings.toSettings(c.classes());
            // region channels are independent sigmoids: each is judged by its own threshold, never by argmax
            s = regions ? s.withMode(org.dicelens.metrics.HardMode.THRESHOLD, 0) : s;
            Engine e = Backend.engine(c, progress);
            CaseMetrics m = Backend.named(Backend.evaluate(e, s, progress), caseName);
            if (spatialSection != null) {
                spatialSection.put(m.caseName(), spatial.compute(c, e.region(), s, Progress.NONE));
            }
            out.add(m);
        }
        return out;
    }


    /** The work of one batch case; its {@link InputException} is that case's failure (the others go on). */
    interface BatchTask<T> {
        T run(BatchPairing.Pair pair) throws InputException;
    }

    /**
     * Runs the task on every pair on {@code jobs} threads; returns the successes in name order. Failures are reported
     * on the bar as they happen and, when {@code failures} is not null, put there (case name → reason).
     */
    static <T> List<T> runBatch(List<BatchPairing.Pair> pairs, int jobs, ProgressBar bar, BatchTask<T> task,
            Map<String, String> failures) {
        return runBatch(pairs, jobs, bar, task, failures, null);
    }

    /**
     * As {@link #runBatch(List, int, ProgressBar, BatchTask, Map)}; a case starts only when its estimated memory fits
     * beside the cases in flight ({@link CaseAdmission}), and {@code kept} (may be null) says how many bytes of a
     * result stay until the end.
     */
    static <T> List<T> runBatch(List<BatchPairing.Pair> pairs, int jobs, ProgressBar bar, BatchTask<T> task,
            Map<String, String> failures, java.util.function.ToLongFunction<T> kept) {
        CaseAdmission admission = CaseAdmission.ofHeap();
        int n = pairs.size();
        Object[] results = new Object[n];
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, n), r -> {
            Thread t = new Thread(r, "dicelens-case");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            bar.update(0, "cases 0/" + n);
            for (int i = 0; i < n; i++) {
                final int k = i;
                BatchPairing.Pair p = pairs.get(i);
                futures.add(pool.submit(() -> {
                    String problem = p.error();
                    if (problem == null) {
                        try {
                            results[k] = admission.load(p, Progress.NONE, () -> task.run(p), kept);
                        } catch (InputException e) {
                            problem = OneLineErrors.oneLine(e.getMessage());
                        } catch (OutOfMemoryError e) {
                            problem = "not enough memory for this case (try --jobs 1 or a larger -Xmx)";
                        } catch (RuntimeException | Error e) {
                            problem = "internal error: " + OneLineErrors.oneLine(String.valueOf(e));
                        }
                    }
                    synchronized (bar) { // count and draw together, so the bar never steps back
                        if (problem != null) {
                            failed.incrementAndGet();
                            bar.message("error: case " + p.name() + ": " + problem);
                            if (failures != null) {
                                failures.put(p.name(), problem);
                            }
                        }
                        int f = finished.incrementAndGet();
                        bar.update(f / (double) n, "cases " + f + "/" + n + (failed.get() > 0 ? " (" + failed.get()
                                + " failed)" : ""));
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    // every task catches its own failures; nothing reaches here
                }
            }
        } finally {
            pool.shutdownNow();
            for (String why : admission.reruns()) {
                bar.message("note: refused for memory beside another case, so run again alone: " + OneLineErrors.oneLine(why));
            }
            bar.finish();
        }
        List<T> ok = new ArrayList<>();
        for (Object m : results) {
            if (m != null) {
                @SuppressWarnings("unchecked") // results[k] only ever holds task.run's T
                T t = (T) m;
                ok.add(t);
            }
        }
        return ok;
    }

    private void emit(String text) throws InputException {
        output.emit(text, spec.commandLine().getOut());
    }
}
