package org.dicelens.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dicelens.app.cases.BatchPairing;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.tasks.Latest;
import org.dicelens.app.tasks.TaskHandle;
import org.dicelens.app.tasks.TaskListener;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.common.InputException;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.cohort.Cohort;
import org.dicelens.metrics.cohort.CohortSummary;
import org.dicelens.volume.ClassTable;

/**
 * The cohort in the viewer: a references folder and a predictions folder paired as {@code dicelens cohort} pairs them
 * ({@link BatchPairing}), loaded in the background ({@link CohortLoader}: {@link #jobs()} cases at once) with progress
 * and Cancel, each case reduced to its statistics
 * ({@link CohortCase}, every margin kept so the margin control stays live) and its volumes dropped. A case that fails
 * is listed in {@link #failures()} and the others are summarised. The cohort has its own {@link ControlsModel}
 * (addressed by the cohort's classes); every settings change recomputes the {@link CohortSummary} from the statistics
 * alone, latest-wins on the {@code cohort} lane. Plain Java and javafx.beans only: tested without a window.
 */
public final class CohortModel {
    /** A case that could not be summarised, and why (the message names the file). */
    public record Failure(String caseName, String error) {
    }

    /** What a finished load hands over: the statistics, the case files by name (to open one), the failures. */
    private record Loaded(Cohort cohort, Cohort compared, Map<String, CaseFiles> files,
            Map<String, CaseFiles> comparedFiles, List<Failure> failed) {
    }

    /** Both summaries under one settings (B is null without a comparison folder) and their Dice distribution. */
    private record Both(CohortSummary a, CohortSummary b, DiceDistribution distribution) {
    }

    private final Tasks tasks;
    private final ControlsModel controls = new ControlsModel();
    private final ReadOnlyObjectWrapper<Cohort> cohort = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CohortSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Cohort> compared = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CohortSummary> comparedSummary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DiceDistribution> distribution = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper comparedName = new ReadOnlyStringWrapper("");
    private final ObservableList<Failure> failures = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final Latest<Settings, Both> summariser;
    private Map<String, CaseFiles> files = Map.of();
    private Map<String, CaseFiles> comparedFiles = Map.of();
    /** Cases loaded at once (as {@code cohort --jobs}): every core by default; the cases in flight bound the memory. */
    private int jobs = Runtime.getRuntime().availableProcessors();
    private TaskHandle task;
    private long generation;

    public CohortModel(Tasks tasks) {
        this.tasks = tasks;
        summariser = tasks.latest("cohort", r -> {
            if (r.error() != null) {
                problem.set("Could not summarise the cohort: " + r.error().getMessage());
            } else if (cohort.get() != null) {
                comparedSummary.set(r.value().b()); // first: a listener to the summary sees all three
                distribution.set(r.value().distribution());
                summary.set(r.value().a());
            }
        });
        controls.settingsProperty().addListener((o, a, s) -> resummarise());
    }

    /**
     * Loads the cohort of {@code referenceDir} against {@code predictionDir} ({@code classTable} may be null) in the
     * background; a newer open cancels an older one. The shown cohort stays until the new one has loaded.
     */
    public void open(Path referenceDir, Path predictionDir, Path classTable) {
        open(referenceDir, predictionDir, null, classTable);
    }

    /**
     * As {@link #open(Path, Path, Path)} with a second predictions folder for the same references ({@code compareDir},
     * may be null): a second model shown beside the first, with the paired difference of ΔV ({@link #paired}).
     */
    public void open(Path referenceDir, Path predictionDir, Path compareDir, Path classTable) {
        tasks.ui().check("CohortModel.open");
        if (task != null) {
            task.cancel();
        }
        long gen = ++generation;
        loading.set(true);
        progress.set(0);
        problem.set(null);
        message.set("Pairing " + referenceDir.getFileName() + " with " + predictionDir.getFileName());
        java.util.concurrent.Executor pool = tasks.pool("cohort-case-" + jobs, jobs);
        task = tasks.start("cohort-load", t -> {
            org.dicelens.app.cases.CaseAdmission admission = org.dicelens.app.cases.CaseAdmission.ofHeap();
            CohortLoader.Result a = CohortLoader.load(referenceDir, predictionDir, classTable, pool, admission, t, "");
            if (compareDir == null || a.cohort() == null) {
                return new Loaded(a.cohort(), null, a.files(), Map.of(), a.failed());
            }
            CohortLoader.Result b = CohortLoader.load(referenceDir, compareDir, classTable, pool, admission, t,
                    compareDir.getFileName() + ": ");
            List<Failure> failed = new ArrayList<>(a.failed());
            failed.addAll(b.failed());
            Cohort cb = b.cohort();
            if (cb != null && !cb.classTable().all().stream().map(x -> x.label()).toList().equals(
                    a.cohort().classTable().all().stream().map(x -> x.label()).toList())) {
                failed.add(new Failure(compareDir.getFileName().toString(), "its classes differ from "
                        + predictionDir.getFileName() + "'s; not compared"));
                cb = null;
            }
            return new Loaded(a.cohort(), cb, a.files(), cb == null ? Map.of() : b.files(), failed);
        },
                TaskListener.of((f, m) -> {
                    if (gen == generation) {
                        progress.set(f);
                        message.set(m);
                    }
                }, l -> finish(gen, l, predictionDir, compareDir), e -> fail(gen, e instanceof InputException ? e.getMessage()
                        : String.valueOf(e)), () -> fail(gen, "Cancelled")));
    }

    private void finish(long gen, Loaded l, Path predictionDir, Path compareDir) {
        if (gen != generation) {
            return;
        }
        loading.set(false);
        progress.set(0);
        message.set("");
        failures.setAll(l.failed());
        if (l.cohort() == null) {
            problem.set("No case of the cohort could be loaded (" + l.failed().size() + " failed)");
            return;
        }
        files = l.files();
        comparedFiles = l.comparedFiles();
        summary.set(null);
        comparedSummary.set(null);
        distribution.set(null);
        compared.set(l.compared());
        comparedName.set(l.compared() == null ? "" : compareDir.getFileName().toString());
        cohort.set(l.cohort());
        title.set(predictionDir.getFileName() + " — " + l.cohort().cases().size() + " cases"
                + (l.failed().isEmpty() ? "" : ", " + l.failed().size() + " failed"));
        controls.lockMode(l.cohort().regions() ? ViewerModel.REGION_MODE_LOCK : null);
        controls.resetClasses(l.cohort().classTable());
        resummarise();
    }

    private void fail(long gen, String why) {
        if (gen != generation) {
            return;
        }
        loading.set(false);
        progress.set(0);
        message.set("");
        problem.set(why);
    }

    /** Stops the load in progress; the shown cohort stays. */
    public void cancel() {
        if (task != null) {
            task.cancel();
        }
    }

    private void resummarise() {
        Cohort c = cohort.get();
        Settings s = controls.settingsProperty().get();
        if (c != null && s != null && s.thresholdSteps().length == c.classTable().size()) {
            Cohort b = compared.get();
            summariser.submit(s, x -> {
                CohortSummary sa = c.summarise(x);
                CohortSummary sb = b == null ? null : b.summarise(x);
                return new Both(sa, sb, DiceDistribution.of(sa, sb));
            });
        }
    }

    /** The files of a case of the cohort, to open it in the tri-planar views; null for an unknown name. */
    public CaseFiles caseFiles(String name) {
        return files.get(name);
    }

    /** The files of a case with the second model's prediction (a comparison folder); null for an unknown name. */
    public CaseFiles comparedCaseFiles(String name) {
        return comparedFiles.get(name);
    }

    /** Cases loaded at once by the next {@link #open} (at least 1; default: the number of cores). */
    public void setJobs(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + n);
        }
        jobs = n;
    }

    public int jobs() {
        return jobs;
    }

    /**
     * The cohort's settings for a case with these classes: every class's threshold is the cohort's for the same
     * label (the case's channel order may differ from the cohort's), everything else as it is.
     */
    public Settings settingsFor(ClassTable caseClasses) {
        Settings s = controls.toSettings();
        ClassTable all = cohort.get().classTable();
        int[] steps = new int[caseClasses.size()];
        for (int c = 0; c < steps.length; c++) {
            int j = all.channelOf(caseClasses.get(c).label());
            steps[c] = j >= 0 ? s.thresholdSteps()[j] : Settings.STEPS / 2;
        }
        double[] custom = s.customWeights();
        if (custom != null) {
            double[] w = new double[steps.length];
            for (int c = 0; c < w.length; c++) {
                int j = all.channelOf(caseClasses.get(c).label());
                w[c] = j >= 0 ? custom[j] : 1.0;
            }
            custom = w;
        }
        return s.withThresholdSteps(steps).withWeights(s.weightScheme(), custom, s.emptyRule(), s.includeBackground());
    }

    /** The paired difference ΔV_hard(first) − ΔV_hard(second) of cohort class j; null without a comparison. */
    public PairedDelta paired(int j) {
        CohortSummary a = summary.get();
        CohortSummary b = comparedSummary.get();
        if (a == null || b == null || j < 0 || j >= a.classes().size()) {
            return null;
        }
        return PairedDelta.of(a.classes().get(j).points(), b.classes().get(j).points());
    }

    /** The distribution of Dice over the cases under the current controls (null until the first summary). */
    public ReadOnlyObjectProperty<DiceDistribution> distributionProperty() {
        return distribution.getReadOnlyProperty();
    }

    /** The second model's summary under the same controls, or null. */
    public ReadOnlyObjectProperty<CohortSummary> comparedSummaryProperty() {
        return comparedSummary.getReadOnlyProperty();
    }

    /** The second predictions folder's name ("" without one). */
    public ReadOnlyStringProperty comparedNameProperty() {
        return comparedName.getReadOnlyProperty();
    }

    public ControlsModel controls() {
        return controls;
    }

    public ReadOnlyObjectProperty<Cohort> cohortProperty() {
        return cohort.getReadOnlyProperty();
    }

    /** The summary under the current controls (null until the first is computed). */
    public ReadOnlyObjectProperty<CohortSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<Failure> failures() {
        return FXCollections.unmodifiableObservableList(failures);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the last open failed (pairing, no case loaded, cancelled), or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The predictions folder and the case count, for the panel's header. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
