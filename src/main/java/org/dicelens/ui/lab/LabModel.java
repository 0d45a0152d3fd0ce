package org.dicelens.ui.lab;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dicelens.app.tasks.TaskHandle;
import org.dicelens.app.tasks.TaskListener;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.app.tasks.UiThread;
import org.dicelens.common.Progress;
import org.dicelens.lab.DiceOptimalTheory;
import org.dicelens.lab.Evaluation;
import org.dicelens.lab.LabConfig;
import org.dicelens.lab.LabResult;
import org.dicelens.lab.VolumeBiasExperiment;
import org.dicelens.lab.training.LabLoss;
import org.dicelens.phantom.LabCaseSource;

/**
 * The Lab panel's state without any Node: builds a {@link LabConfig} from the panel's choices, runs the experiment
 * as a task on the "lab" lane (ND4J starts in seconds and training takes up to minutes: never on the FX thread), and
 * hands every event to a {@link View} on the tasks' UI thread (the FX thread in the app, direct or a test thread in
 * tests). All state read by the view is touched on that thread only.
 */
public final class LabModel {

    /** What the panel hears; every call arrives through the model's executor. */
    public interface View {
        default void started(LabConfig config) {
        }

        default void progress(double fraction, String message) {
        }

        default void theory(List<DiceOptimalTheory.Point> theory) {
        }

        /** New loss-curve points of {@code loss} (iteration, value), in order. */
        default void lossPoints(LabLoss loss, List<double[]> points) {
        }

        default void lossResult(LabResult.LossResult result) {
        }

        /** The run ended: {@code result} is null when it was cancelled or failed ({@code error} null when cancelled). */
        default void finished(LabResult result, Throwable error) {
        }
    }

    /** One row of the results table: a trained loss ({@code loss} set) or the calibrated map q, or Dice-optimal. */
    public record Row(String name, LabLoss loss, Kind kind, Evaluation evaluation) {
        public enum Kind { TRAINED, CALIBRATED, DICE_OPTIMAL }
    }

    private final Tasks tasks;
    private final Executor fx;
    private final View view;
    private final Map<LabLoss, List<double[]>> curves = new EnumMap<>(LabLoss.class);
    private volatile Run running;
    private LabResult result;

    /** Runs on its own daemon lane, delivering through {@code fx} (no thread check). */
    public LabModel(Executor fx, View view) {
        this(Tasks.threads(UiThread.unchecked(fx)), view);
    }

    /** Runs on the "lab" lane of {@code tasks}, delivering on its UI thread. */
    public LabModel(Tasks tasks, View view) {
        this.tasks = tasks;
        this.fx = tasks.ui();
        this.view = view;
    }

    /** The experiment sizes and case sources the panel offers. */
    public enum Preset {
        QUICK("Quick"), STANDARD("Standard"), GENERATOR_QUICK("Head phantom, quick"), GENERATOR("Head phantom");

        private final String label;

        Preset(String label) {
            this.label = label;
        }

        public LabConfig base() {
            return switch (this) {
                case QUICK -> LabConfig.quick();
                case STANDARD -> LabConfig.standard();
                case GENERATOR_QUICK -> LabConfig.generatorQuick();
                case GENERATOR -> LabConfig.generator();
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * The configuration for the panel's choices.
     *
     * @param widthMm  the uncertain boundary's width (mm; the band for synthetic lesions, the logistic scale for the
     *                 head phantom)
     * @param count    lesions per case
     * @param radiusMm lesion radius (mm)
     */
    public static LabConfig config(Collection<LabLoss> losses, double widthMm, int count, double radiusMm, Preset preset) {
        LabConfig base = preset.base();
        LabCaseSource spec = base.phantom().withWidth(widthMm).withLesions(count, radiusMm);
        return base.withLosses(List.copyOf(losses)).withPhantom(spec);
    }

    /** {@link #config(Collection, double, int, double, Preset)} with the synthetic lesions, quick or standard. */
    public static LabConfig config(Collection<LabLoss> losses, double widthMm, int count, double radiusMm, boolean standard) {
        return config(losses, widthMm, count, radiusMm, standard ? Preset.STANDARD : Preset.QUICK);
    }

    /** True while a run is going. */
    public boolean isRunning() {
        return running != null;
    }

    /** The last finished run, or null. */
    public LabResult result() {
        return result;
    }

    /** The loss curve received so far for {@code loss} (iteration, value); empty when none. */
    public List<double[]> curve(LabLoss loss) {
        return List.copyOf(curves.getOrDefault(loss, List.of()));
    }

    /** The results table of a run: each trained loss, then the calibrated q and the Dice-optimal segmentation. */
    public static List<Row> rows(LabResult r) {
        List<Row> rows = new ArrayList<>();
        for (LabResult.LossResult l : r.losses()) {
            rows.add(new Row(l.loss().label(), l.loss(), Row.Kind.TRAINED, l.evaluation()));
        }
        rows.add(new Row("calibrated q", null, Row.Kind.CALIBRATED, r.calibrated()));
        rows.add(new Row("Dice-optimal of q", null, Row.Kind.DICE_OPTIMAL, r.diceOptimal()));
        return rows;
    }

    /** Starts a run on the "lab" lane; ignored while one is going. Call on the UI thread. */
    public void start(LabConfig config) {
        tasks.ui().check("LabModel.start");
        if (running != null) {
            return;
        }
        curves.clear();
        result = null;
        Run run = new Run(config);
        running = run;
        view.started(config);
        run.handle = tasks.start("lab", run::work, run);
    }

    /** Asks the running experiment to stop at its next check (within one training iteration). */
    public void cancel() {
        Run r = running;
        if (r != null) {
            r.cancelled.set(true);
            if (r.handle != null) {
                r.handle.cancel();
            }
        }
    }

    /**
     * One experiment on the lab lane; progress is throttled and loss-curve points are batched so the UI queue gets one
     * task per batch.
     */
    private final class Run implements TaskListener<LabResult>, Progress, VolumeBiasExperiment.Listener {
        final LabConfig config;
        final AtomicBoolean cancelled = new AtomicBoolean();
        volatile TaskHandle handle;
        private final List<Object[]> pending = new ArrayList<>();
        private boolean flushQueued;
        private long lastProgress;

        Run(LabConfig config) {
            this.config = config;
        }

        /** On the lab lane. The points still pending reach the view before the outcome. */
        LabResult work(Progress task) {
            try {
                return VolumeBiasExperiment.run(config, this, this);
            } finally {
                flush();
            }
        }

        @Override
        public void succeeded(LabResult r) {
            end(r, null);
        }

        @Override
        public void failed(Throwable error) {
            end(null, error);
        }

        @Override
        public void cancelled() {
            end(null, null); // no result, no error
        }

        private void end(LabResult done, Throwable err) {
            running = null;
            result = done;
            view.finished(done, err);
        }

        @Override
        public void update(double fraction, String message) {
            long now = System.nanoTime();
            // at most ~20 updates a second reach the FX queue, but always the first and the last
            if (fraction >= 1 || fraction <= 0.05 || now - lastProgress > 50_000_000L) {
                lastProgress = now;
                fx.execute(() -> view.progress(fraction, message));
            }
        }

        @Override
        public boolean isCancelled() {
            TaskHandle h = handle;
            return cancelled.get() || h != null && h.isCancelled();
        }

        @Override
        public void onIteration(LabLoss loss, String model, int iteration, int of, double value) {
            synchronized (pending) {
                pending.add(new Object[] {loss, new double[] {iteration, value}});
                if (flushQueued) {
                    return;
                }
                flushQueued = true;
            }
            fx.execute(this::deliver);
        }

        private void flush() {
            synchronized (pending) {
                if (pending.isEmpty() || flushQueued) {
                    return;
                }
                flushQueued = true;
            }
            fx.execute(this::deliver);
        }

        /** On the executor: hands the pending points to the view, grouped by loss in arrival order. */
        private void deliver() {
            List<Object[]> batch;
            synchronized (pending) {
                batch = new ArrayList<>(pending);
                pending.clear();
                flushQueued = false;
            }
            Map<LabLoss, List<double[]>> byLoss = new EnumMap<>(LabLoss.class);
            for (Object[] o : batch) {
                byLoss.computeIfAbsent((LabLoss) o[0], k -> new ArrayList<>()).add((double[]) o[1]);
            }
            byLoss.forEach((loss, pts) -> {
                curves.computeIfAbsent(loss, k -> new ArrayList<>()).addAll(pts);
                view.lossPoints(loss, pts);
            });
        }

        @Override
        public void onResult(LabResult.LossResult r) {
            flush();
            fx.execute(() -> view.lossResult(r));
        }

        @Override
        public void onTheory(List<DiceOptimalTheory.Point> theory) {
            fx.execute(() -> view.theory(theory));
        }
    }
}
