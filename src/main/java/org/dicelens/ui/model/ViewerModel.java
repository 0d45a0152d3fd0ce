package org.dicelens.ui.model;

import org.dicelens.app.cases.RaterFiles;
import org.dicelens.metrics.raters.RaterMetrics;
import org.dicelens.metrics.raters.RaterReference;

import org.dicelens.app.cases.CaseFiles;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.dicelens.app.tasks.Latest;
import org.dicelens.app.tasks.TaskHandle;
import org.dicelens.app.tasks.TaskListener;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.app.tasks.UiThread;
import org.dicelens.common.InputException;
import org.dicelens.metrics.voxel.VoxelMetric;
import org.dicelens.metrics.voxel.VoxelRequest;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassSums;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassInfo;

/**
 * The root view model: the loaded case, the controls, and the engine's results for them. Loading runs as a
 * cancellable background task; every control change is handed to the engine on a worker thread where a newer request
 * supersedes an older one; results are set on the delivery executor (the FX thread in the app). Plain Java and
 * javafx.beans only, so it is tested without a window.
 */
public final class ViewerModel {
    /** Per-slice strip axis: 0 = x (sagittal), 1 = y (coronal), 2 = z (axial). */
    public static final int AXIAL = 2;
    /** Why a region model is shown in threshold mode only (the mode control says it). */
    public static final String REGION_MODE_LOCK = "Region model: threshold only (independent sigmoids)";

    private record Request(Analysis analysis, Settings settings, int channel, int axis) {
    }

    private final Tasks tasks;
    private final UiThread fx;
    private final CaseReader reader;
    private final AnalysisFactory factory;

    private final ControlsModel controls = new ControlsModel();
    private final ReadOnlyObjectWrapper<LoadedCase> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CaseMetrics> metrics = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ClassSums[]> sums = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RaterMetrics> raterMetrics = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Settings> metricsSettings = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Curves.Sweep> sweep = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<org.dicelens.metrics.Reliability> reliability = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Curves.Histogram> histogram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Curves.PerSlice> perSlice = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty perSliceAxis = new SimpleIntegerProperty(AXIAL);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();

    private final Latest<Request, EngineResult> evaluator;
    private final Latest<Request, RaterMetrics> raterEvaluator;
    private final Latest<Request, Curves.Sweep> sweeper;
    private final Latest<Request, org.dicelens.metrics.Reliability> calibrator;
    private final Latest<Request, Curves.Histogram> histogrammer;
    private final Latest<Request, Curves.PerSlice> slicer;
    private final VoxelChannels voxelChannels;
    private TaskHandle loadTask;
    private List<Object> lastCurveKey;
    /** A new case whose classes were reset: choose its rarest present class once the first metrics arrive. */
    private boolean autoSelect;
    private long loadGeneration;

    /**
     * Background work on daemon threads, results delivered through {@code fx} without a thread check (callers that
     * deliver through {@code Platform::runLater} from a test thread).
     *
     * @param fx      where results are delivered (Platform::runLater in the app, Runnable::run in tests)
     * @param reader  reads what the user chose (the volume loader, or the lab's phantom)
     * @param factory builds the engine's statistics for a case
     */
    public ViewerModel(Executor fx, CaseReader reader, AnalysisFactory factory) {
        this(Tasks.threads(UiThread.unchecked(fx)), reader, factory);
    }

    /**
     * @param tasks   where work runs and results land ({@code FxTasks.create()} in the app, {@code Tasks.direct()}
     *                in tests, which makes every call below synchronous)
     * @param reader  reads what the user chose (the volume loader, or the lab's phantom)
     * @param factory builds the engine's statistics for a case
     */
    public ViewerModel(Tasks tasks, CaseReader reader, AnalysisFactory factory) {
        this.tasks = tasks;
        this.fx = tasks.ui();
        this.reader = reader;
        this.factory = factory;
        voxelChannels = new VoxelChannels(tasks, this);
        evaluator = tasks.latest("metrics", r -> {
            if (r.error() != null) {
                report("Could not compute the metrics", r.error());
            } else if (isCurrent(r.request())) {
                sums.set(r.value().sums());
                metrics.set(r.value().metrics());
                // last: a reader that sees these settings also sees the metrics computed for them (with a direct
                // delivery executor, tests read from another thread)
                metricsSettings.set(r.request().settings());
                if (autoSelect) {
                    autoSelect = false;
                    chooseRarestClass(r.value().metrics());
                }
            }
        });
        raterEvaluator = tasks.latest("metrics", r -> deliver(r, raterMetrics));
        sweeper = tasks.latest("charts", r -> deliver(r, sweep));
        calibrator = tasks.latest("charts", r -> deliver(r, reliability));
        histogrammer = tasks.latest("charts", r -> deliver(r, histogram));
        slicer = tasks.latest("per-slice", r -> deliver(r, perSlice));
        controls.settingsProperty().addListener((o, was, now) -> submitAll());
        controls.selectedClassProperty().addListener(x -> submitCharts());
        perSliceAxis.addListener(x -> submitPerSlice());
    }

    private <O> void deliver(Latest.Result<Request, O> r, ReadOnlyObjectWrapper<O> target) {
        if (r.error() != null) {
            report("Could not compute a chart", r.error());
        } else if (isCurrent(r.request())) {
            target.set(r.value());
        }
    }

    private boolean isCurrent(Request r) {
        LoadedCase c = current.get();
        return c != null && c.analysis() == r.analysis();
    }

    /** Opens a case in the background; on failure the current case stays and {@link #problemProperty()} says why. */
    public void open(CaseFiles files) {
        open(files, null);
    }

    /**
     * Opens a case; {@code then} runs on the delivery thread after it is installed (a session restores its controls).
     * A newer open cancels an older one still loading.
     */
    public void open(CaseFiles files, Consumer<LoadedCase> then) {
        open(files, -1, then);
    }

    /**
     * As {@link #open(CaseFiles, Consumer)}, showing region {@code region} of a region model (a session saved on it);
     * a negative or absent region keeps the region shown (another image of the same case), else the first.
     */
    public void open(CaseFiles files, int region, Consumer<LoadedCase> then) {
        fx.check("ViewerModel.open");
        Objects.requireNonNull(files);
        if (loadTask != null) {
            loadTask.cancel();
        }
        long generation = ++loadGeneration;
        loading.set(true);
        progress.set(-1);
        progressMessage.set("Opening " + files.describe());
        LoadedCase shown = current.get(); // what is loaded now, so a reader can keep it (adding an image)
        loadTask = tasks.start("load", task -> {
            CaseFiles resolved = reader.resolve(files);
            org.dicelens.app.cases.DatasetCases.Opened opened = reader.readAll(resolved, shown, task);
            List<Case> regions = opened.regions() ? opened.cases() : List.of();
            // a region model opened again (another image) stays on the region shown, a session on its saved one
            int keep = region >= 0 && region < regions.size() ? region
                    : shown != null && shown.region() >= 0 && shown.region() < regions.size() ? shown.region() : 0;
            Case c = opened.cases().get(regions.isEmpty() ? 0 : keep);
            RaterFiles.Read raters = null;
            if (resolved.hasRaters()) {
                raters = RaterChoice.reuse(shown, resolved, c);
                if (raters == null) {
                    raters = RaterFiles.read(resolved, c, task);
                }
                c = RaterChoice.apply(c, raters, resolved.raterChoice());
            }
            task.checkCancelled();
            Analysis a = LoadOutcome.kept(shown, c);
            a = a != null ? a : factory.build(c, task);
            return new LoadedCase(resolved, c, a, raters, regions);
        }, loadListener(generation, then, e -> "Could not open " + LoadOutcome.failedFile(e, files)));
    }

    /**
     * Shows region {@code r} of the shown region model (its cases are in memory: only the engine's statistics of that
     * region are built); the controls are kept, threshold mode stays locked.
     */
    public void chooseRegion(int r) {
        fx.check("ViewerModel.chooseRegion");
        LoadedCase lc = current.get();
        if (lc == null || r < 0 || r >= lc.regions().size() || r == lc.region()) {
            return;
        }
        if (loadTask != null) {
            loadTask.cancel();
        }
        long generation = ++loadGeneration;
        Case c = lc.regions().get(r);
        loading.set(true);
        progress.set(-1);
        progressMessage.set("Showing " + c.name());
        loadTask = tasks.start("load", task -> new LoadedCase(lc.files(), c, factory.build(c, task), null, lc.regions()),
                loadListener(generation, null, e -> "Could not show " + c.name()));
    }

    private TaskListener<LoadedCase> loadListener(long generation, Consumer<LoadedCase> then,
            Function<Throwable, String> title) {
        return TaskListener.of((fraction, message) -> {
            if (generation == loadGeneration) {
                progress.set(fraction);
                progressMessage.set(message);
            }
        }, lc -> finishLoad(generation, lc, then), e -> failLoad(generation, title.apply(e), LoadOutcome.loadFailure(e)),
                () -> failLoad(generation, null, "Cancelled"));
    }

    /**
     * Chooses the foreground class with the fewest reference voxels (the engine's count): where soft and hard Dice,
     * and volumes, part ways most, so a newcomer sees the lesson first.
     */
    private void chooseRarestClass(CaseMetrics m) {
        int best = -1;
        for (int c = 0; c < m.classes().size(); c++) {
            var k = m.classes().get(c);
            if (k.label() != 0 && k.refVoxels() > 0 && (best < 0 || k.refVoxels() < m.classes().get(best).refVoxels())) {
                best = c;
            }
        }
        if (best >= 0) {
            controls.selectedClassProperty().set(best);
        }
    }

    /** Cancels the load in progress, if any; the current case stays. */
    public void cancelLoad() {
        fx.check("ViewerModel.cancelLoad");
        if (loadTask != null) {
            loadTask.cancel();
        }
    }

    private void finishLoad(long generation, LoadedCase lc, Consumer<LoadedCase> then) {
        if (generation != loadGeneration) {
            return; // superseded by a newer open
        }
        loading.set(false);
        progress.set(0);
        progressMessage.set("");
        evaluator.invalidate();
        lastCurveKey = null;
        sweeper.invalidate();
        calibrator.invalidate();
        histogrammer.invalidate();
        slicer.invalidate();
        raterEvaluator.invalidate();
        raterMetrics.set(null);
        metrics.set(null);
        sums.set(null);
        sweep.set(null);
        reliability.set(null);
        histogram.set(null);
        perSlice.set(null);
        voxelChannels.invalidate();
        LoadedCase old = current.get();
        controls.lockMode(lc.hasRegions() ? REGION_MODE_LOCK : null); // before the case: its first metrics are thresholded
        current.set(lc);
        boolean sameClasses = old != null && labels(old.data()).equals(labels(lc.data()));
        if (!sameClasses) {
            controls.resetClasses(lc.data().classes());
            autoSelect = then == null;
        } else {
            controls.renameClasses(lc.data().classes());
        }
        if (then != null) {
            then.accept(lc);
        }
        submitAll();
        voxelChannels.refresh();
    }

    private static List<Integer> labels(Case c) {
        return c.classes().all().stream().map(ClassInfo::label).toList();
    }

    private void failLoad(long generation, String title, String message) {
        if (generation != loadGeneration) {
            return;
        }
        loading.set(false);
        progress.set(0);
        progressMessage.set(title == null ? message : "");
        if (title != null) {
            problem.set(new Problem(title, message));
        }
    }

    /** Shows a short note in the status line (nothing failed: no dialog); the next load replaces it. */
    public void note(String message) {
        fx.check("ViewerModel.note");
        if (!loading.get()) {
            progressMessage.set(message == null ? "" : message);
        }
    }

    /** Reports a problem found outside loading (an export, a session) the same way. */
    public void report(String title, Throwable t) {
        problem.set(new Problem(title, t instanceof InputException ? t.getMessage() : LoadOutcome.describe(t)));
    }

    private void submitAll() {
        LoadedCase c = current.get();
        if (c == null || controls.classes().isEmpty()) {
            return;
        }
        Settings s = controls.toSettings();
        evaluator.submit(new Request(c.analysis(), s, -1, -1), ViewerModel::evaluate);
        if (c.raters() != null) {
            RaterReference ref = c.raters().reference();
            raterEvaluator.submit(new Request(c.analysis(), s, -1, -1), q -> q.analysis().raters(ref, q.settings()));
        }
        submitCharts();
    }

    /** Runs on the metrics thread: the engine's numbers and sums, nothing computed here. */
    private static EngineResult evaluate(Request r) {
        CaseMetrics m = r.analysis().evaluate(r.settings());
        ClassSums[] s = new ClassSums[m.classes().size()];
        for (int c = 0; c < s.length; c++) {
            s[c] = r.analysis().sums(r.settings(), c);
        }
        return new EngineResult(m, s);
    }

    private void submitCharts() {
        LoadedCase c = current.get();
        if (c == null || controls.classes().isEmpty()) {
            return;
        }
        Request r = new Request(c.analysis(), controls.toSettings(), selectedChannel(), perSliceAxis.get());
        // sweep, reliability and histogram depend on the class and the region only, not on the thresholds: a
        // threshold drag must not recompute and redraw them
        List<Object> key = List.of(c.analysis(), r.channel(), r.settings().margin(), r.settings().calibrationBins());
        if (!key.equals(lastCurveKey)) {
            lastCurveKey = key;
            sweeper.submit(r, q -> q.analysis().sweep(q.settings(), q.channel()));
            calibrator.submit(r, q -> q.analysis().reliability(q.settings(), q.channel()));
            histogrammer.submit(r, q -> q.analysis().histogram(q.settings(), q.channel()));
        }
        slicer.submit(r, q -> q.analysis().perSlice(q.settings(), q.channel(), q.axis()));
    }

    private void submitPerSlice() {
        LoadedCase c = current.get();
        if (c != null && !controls.classes().isEmpty()) {
            slicer.submit(new Request(c.analysis(), controls.toSettings(), selectedChannel(), perSliceAxis.get()),
                    q -> q.analysis().perSlice(q.settings(), q.channel(), q.axis()));
        }
    }

    /** The chosen class, clipped to the case's classes. */
    public int selectedChannel() {
        int n = controls.classes().size();
        return Math.max(0, Math.min(controls.selectedClassProperty().get(), n - 1));
    }

    /** Stops the worker threads (tests; the app's threads are daemons). */
    public void shutdown() {
        tasks.shutdown();
    }

    /** Where this model's work runs and its results land (the views start their own background work here too). */
    public Tasks tasks() {
        return tasks;
    }

    /**
     * The one asynchronous channel for on-demand voxel metrics: the latest result of {@code metric} for the request
     * {@code request} builds from the current controls, recomputed (debounced, off the UI thread, latest-wins) when
     * the case, the controls, the chosen class or any of {@code triggers} change. See docs/recipes/add-a-voxel-metric.md.
     */
    public <R> VoxelChannel<R> voxelMetric(VoxelMetric<R> metric, Function<ViewerModel, VoxelRequest> request,
            Observable... triggers) {
        return voxelMetric(metric, request, () -> true, triggers);
    }

    /**
     * As above, computing only while {@code wanted} holds (e.g. while an overlay that draws the result is on); list
     * what {@code wanted} reads among the triggers, so that turning it on starts a computation.
     */
    public <R> VoxelChannel<R> voxelMetric(VoxelMetric<R> metric, Function<ViewerModel, VoxelRequest> request,
            java.util.function.BooleanSupplier wanted, Observable... triggers) {
        fx.check("ViewerModel.voxelMetric");
        return voxelChannels.register(metric, () -> request.apply(this), wanted, triggers);
    }

    public ControlsModel controls() {
        return controls;
    }

    public ReadOnlyObjectProperty<LoadedCase> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public LoadedCase current() {
        return current.get();
    }

    /** The multi-rater numbers of the shown case under the current controls; null without raters. */
    public ReadOnlyObjectProperty<RaterMetrics> raterMetricsProperty() {
        return raterMetrics.getReadOnlyProperty();
    }

    /**
     * Compares with rater {@code k} (1..K) or with the raters' majority vote (0): the case is opened again with that
     * reference (the raters' maps already read are kept), so the metrics, charts and overlays all follow it.
     */
    public void chooseRater(int k) {
        LoadedCase c = current.get();
        if (c != null && c.raters() != null && k != c.files().raterChoice()) {
            open(c.files().withRaterChoice(k), lc -> { });
        }
    }

    public ReadOnlyObjectProperty<CaseMetrics> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    /** Per channel, the sums behind the shown metrics (formula strip). */
    public ReadOnlyObjectProperty<ClassSums[]> sumsProperty() {
        return sums.getReadOnlyProperty();
    }

    /** The settings the shown metrics were computed for (they lag the controls by one evaluation). */
    public ReadOnlyObjectProperty<Settings> metricsSettingsProperty() {
        return metricsSettings.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Curves.Sweep> sweepProperty() {
        return sweep.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<org.dicelens.metrics.Reliability> reliabilityProperty() {
        return reliability.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Curves.Histogram> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Curves.PerSlice> perSliceProperty() {
        return perSlice.getReadOnlyProperty();
    }

    public IntegerProperty perSliceAxisProperty() {
        return perSliceAxis;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** In [0,1], or negative while the fraction is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    /** The latest problem to show in a dialog (a new object each time, so every problem fires a change). */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

}
