package org.dicelens.ui.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.dicelens.metrics.Settings;
import org.dicelens.ui.DiceLensApp;
import org.dicelens.ui.MainWindow;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.EngineAnalysis;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ImageVolume;
import org.dicelens.volume.ProbabilityMaps;

/**
 * Slider event → repaint latency of the real window on a generated N³ × 4-class case (default 256³). Not a unit test:
 * run by hand (see docs/perf/ui.md). Each step sets a class's threshold slider on the FX thread (t0) and records
 * (a) t0 → the slice views recomposed with the new threshold, (b) t0 → the engine's metrics for the new settings
 * bound to the table, charts and formula strip, (c) t0 → the first scene pulse after both, i.e. the repaint the user
 * sees. Arguments: [size] [steps].
 */
public final class UiLatencyBench extends Application {
    static int size = 256;
    static int steps = 60;
    /** -Dbench.scroll=true: each step moves the axial slice by one (a mouse-wheel step) instead of a threshold. */
    private static final boolean SCROLL = Boolean.getBoolean("bench.scroll");
    private static DisplayModel displayModel;

    /** Started through {@link Launcher} so JavaFX runs from the class path. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            UiLatencyBench.main(args);
        }
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            size = Integer.parseInt(args[0]);
        }
        if (args.length > 1) {
            steps = Integer.parseInt(args[1]);
        }
        org.dicelens.ui.RenderSettings.apply(); // as the app starts
        launch(UiLatencyBench.class);
    }

    /** Four classes: background, a large sphere, a smaller one inside, a small lesion; smooth noisy probabilities. */
    static Case generate(int n) {
        int voxels = n * n * n;
        float[][] p = new float[4][voxels];
        byte[] ref = new byte[voxels];
        float[] image = new float[voxels];
        Random rnd = new Random(42);
        double c = n / 2.0;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int i = x + n * (y + n * z);
                    double d = Math.sqrt((x - c) * (x - c) + (y - c) * (y - c) * 1.3 + (z - c) * (z - c));
                    double dl = Math.sqrt((x - c * 1.3) * (x - c * 1.3) + (y - c) * (y - c) + (z - c * 0.8) * (z - c * 0.8));
                    int l = dl < n * 0.05 ? 3 : d < n * 0.18 ? 2 : d < n * 0.38 ? 1 : 0;
                    ref[i] = (byte) l;
                    double[] s = new double[4];
                    double sum = 0;
                    for (int k = 0; k < 4; k++) {
                        s[k] = Math.exp((k == l ? 2.0 : 0) + rnd.nextGaussian() * 0.8);
                        sum += s[k];
                    }
                    for (int k = 0; k < 4; k++) {
                        p[k][i] = (float) (s[k] / sum);
                    }
                    image[i] = (float) (l * 60 + 40 + rnd.nextGaussian() * 15);
                }
            }
        }
        Geometry g = Geometry.ofSpacing(n, n, n, 1, 1, 1);
        return new Case("bench " + n + "^3", g, new ImageVolume(g, image, null), ref,
                new ProbabilityMaps(g, p, 0, List.of("generated")), ClassTable.forLabels(0, 1, 2, 3), List.of());
    }

    @Override
    public void start(Stage stage) {
        ViewerModel vm = new ViewerModel(Platform::runLater, (f, progress) -> generate(size), EngineAnalysis.factory());
        DisplayModel display = new DisplayModel();
        displayModel = display;
        MainWindow window = DiceLensApp.build(stage, vm, display,
                new RecentFiles(java.util.prefs.Preferences.userRoot().node("org/dicelens/bench")));
        stage.show();
        String hide = System.getProperty("bench.hide", "");
        if (!hide.isEmpty()) { // diagnosis: which part of the window makes Prism repaint everything
            javafx.scene.control.SplitPane main = (javafx.scene.control.SplitPane) window.getCenter();
            switch (hide) {
                case "left" -> main.getItems().get(0).setVisible(false);
                case "centre" -> main.getItems().get(1).setVisible(false);
                case "right" -> main.getItems().get(2).setVisible(false);
                case "bottom" -> window.getBottom().setVisible(false);
                default -> { }
            }
        }
        long tLoad = System.nanoTime();
        vm.open(CaseFiles.ofPhantom("bench"));
        vm.metricsProperty().addListener((o, a, m) -> {
            if (m != null && a == null) {
                System.out.printf(Locale.ROOT, "load + statistics: %.1f s%n", (System.nanoTime() - tLoad) / 1e9);
                new Thread(() -> run(vm, window, stage), "bench").start();
            }
        });
    }

    private static void run(ViewerModel vm, MainWindow window, Stage stage) {
        if (Boolean.getBoolean("bench.nodes")) {
            Platform.runLater(() -> nodeCounts(stage.getScene().getRoot(), 0, ""));
        }
        if (Boolean.getBoolean("bench.needslayout")) {
            Platform.runLater(() -> stage.getScene().addPreLayoutPulseListener(
                    () -> needsLayout(stage.getScene().getRoot(), "")));
        }
        if (MARKS) {
            Platform.runLater(() -> {
                vm.perSliceProperty().addListener(x -> trace("per-slice delivered"));
                vm.sweepProperty().addListener(x -> trace("sweep delivered"));
                vm.reliabilityProperty().addListener(x -> trace("reliability delivered"));
                vm.histogramProperty().addListener(x -> trace("histogram delivered"));
                stage.getScene().addPreLayoutPulseListener(() -> trace("pulse begins"));
                stage.getScene().addPostLayoutPulseListener(() -> trace("pulse laid out"));
            });
        }
        if (TRACE) {
            Platform.runLater(() -> {
                stage.getScene().addPostLayoutPulseListener(() -> dirtyNodes(stage.getScene().getRoot(), 0));
                if (Boolean.getBoolean("bench.ng")) {
                    stage.getScene().addPostLayoutPulseListener(() -> {
                        try {
                            Thread.sleep(250); // let the previous frame finish rendering, then read the render graph
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        ngDirty(stage.getScene().getRoot());
                    });
                }
            });
        }
        try {
            Thread.sleep(1500); // let the first charts and per-slice pass settle
            if (Boolean.getBoolean("bench.fills")) { // diagnosis: backgrounds Prism paints from a stretched cache
                Platform.runLater(() -> multiFill(stage.getScene().getRoot()));
            }
            List<long[]> samples = new ArrayList<>();
            String only = System.getProperty("bench.only", "");
            if (!only.isEmpty()) { // diagnosis: repeat one kind of update alone, watch the pulse logger
                for (int s = 0; s < steps; s++) {
                    Platform.runLater(() -> {
                        trace("only " + only);
                        switch (only) {
                            case "paint" -> window.grid().paintNow();
                            case "strip" -> ((org.dicelens.ui.charts.PlotCanvas) stage.getScene().lookup("#perSliceStrip"))
                                    .redraw();
                            case "crosshair" -> vm.controls().classes().get(0).visibleProperty().set(
                                    !vm.controls().classes().get(0).visibleProperty().get());
                            default -> Platform.requestNextPulse();
                        }
                    });
                    Thread.sleep(400);
                }
                Platform.runLater(Platform::exit);
                return;
            }
            java.util.Random jitter = new java.util.Random(1);
            for (int s = 0; s < steps + 5; s++) {
                long[] t = SCROLL ? scroll(vm, window, stage, s) : threshold(vm, window, stage, 300 + 7 * (s % 90));
                if (s >= 5) {
                    samples.add(t); // the first few warm up the JIT
                }
                // -Dbench.jitter=true: a varying pause, so steps cannot lock to one phase of the pulse clock
                Thread.sleep(JITTER ? 30 + jitter.nextInt(17) : 30);
            }
            report(samples);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.runLater(() -> {
            vm.shutdown();
            Platform.exit();
        });
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long cpuOf(String threadName) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(threadName)) {
                return CPU.getThreadCpuTime(t.getId());
            }
        }
        return 0;
    }

    /**
     * The renderer's job queue (QuantumRenderer, one thread, FIFO), read by reflection: a job queued after a pulse has
     * handed its frame over runs when that frame is painted, which no public API reports. The software pipeline then
     * uploads the pixels to the window from the FX thread (the painter queues that with invokeLater before it returns),
     * so a runnable the job queues on the FX thread runs once the frame is on screen.
     */
    static java.util.concurrent.Executor renderQueue() {
        try {
            Class<?> c = Class.forName("com.sun.javafx.tk.quantum.QuantumRenderer");
            java.lang.reflect.Method m = c.getDeclaredMethod("getInstance");
            m.setAccessible(true);
            return (java.util.concurrent.Executor) m.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach JavaFX's render queue", e);
        }
    }

    /** One slider move of class 1 to {@code target}. */
    private static long[] threshold(ViewerModel vm, MainWindow window, Stage stage, int target)
            throws InterruptedException {
        return step(vm, window, stage, () -> vm.controls().classes().get(1).thresholdStepProperty().set(target),
                () -> vm.controls().classes().get(1).thresholdStepProperty().get() == target,
                s -> s.thresholdSteps()[1] == target, null);
    }

    /** One mouse-wheel step of the axial view (no metrics change: only that view recomposes). */
    private static long[] scroll(ViewerModel vm, MainWindow window, Stage stage, int s) throws InterruptedException {
        int z = displayModel.crosshair().dim(2) / 2 - 20 + s % 40;
        return step(vm, window, stage, () -> displayModel.crosshair().set(2, z),
                () -> displayModel.crosshair().get(2) == z, null, org.dicelens.render.ViewAxis.AXIAL);
    }

    /**
     * One change made on the FX thread; returns {paint, metrics, pulse, FX CPU, metrics CPU, compose, painted} in ns.
     * {@code newFrame}: the slices painted are the change's; {@code metricsFor}: the metrics the change awaits (null:
     * none); {@code composed}: the view whose compose time counts (null: all three).
     */
    private static long[] step(ViewerModel vm, MainWindow window, Stage stage, Runnable change,
            java.util.function.BooleanSupplier newFrame, java.util.function.Predicate<Settings> metricsFor,
            org.dicelens.render.ViewAxis composed) throws InterruptedException {
        long[] out = new long[7];
        long[] cpu0 = new long[2];
        long[] t0 = new long[1];
        boolean[] painted = new boolean[1];
        boolean[] bound = {metricsFor == null};
        CountDownLatch done = new CountDownLatch(1);
        Runnable[] pulse = new Runnable[1];
        pulse[0] = () -> {
            if (painted[0] && bound[0] && out[2] == 0) {
                out[2] = System.nanoTime() - t0[0];
                out[3] = CPU.getCurrentThreadCpuTime() - cpu0[0];
                out[4] = cpuOf("dicelens-metrics") - cpu0[1];
                stage.getScene().removePostLayoutPulseListener(pulse[0]);
                // runs after this pulse, which queues its frame last: a job queued now runs once the frame is out
                trace("pulse after both (post-layout)");
                Platform.runLater(() -> {
                    trace("after that pulse");
                    renderQueue().execute(() -> {
                        trace("frame painted");
                        Platform.runLater(() -> {
                            out[6] = System.nanoTime() - t0[0];
                            trace("frame on screen");
                            done.countDown();
                        });
                    });
                });
            }
        };
        javafx.beans.value.ChangeListener<Object> onMetrics = (o, a, m) -> {
            Settings s = vm.metricsSettingsProperty().get();
            if (!bound[0] && s != null && metricsFor.test(s)) {
                out[1] = System.nanoTime() - t0[0];
                bound[0] = true;
                trace("metrics bound");
                if (!Boolean.getBoolean("bench.nopulse")) {
                    Platform.requestNextPulse();
                }
            }
        };
        Platform.runLater(() -> {
            window.grid().setAfterPaint(() -> {
                if (!painted[0] && newFrame.getAsBoolean()) {
                    out[0] = System.nanoTime() - t0[0];
                    painted[0] = true;
                    trace("slices painted");
                    for (org.dicelens.render.ViewAxis a : org.dicelens.render.ViewAxis.values()) {
                        out[5] += composed == null || a == composed ? window.grid().view(a).lastPaintNanos() : 0;
                    }
                }
            });
            // the model sets the metrics' settings after the metrics: this runs once the table, charts and strip have
            vm.metricsSettingsProperty().addListener(onMetrics);
            stage.getScene().addPostLayoutPulseListener(pulse[0]);
            cpu0[1] = cpuOf("dicelens-metrics");
            cpu0[0] = CPU.getCurrentThreadCpuTime();
            t0[0] = System.nanoTime();
            stepStart = t0[0];
            trace("change");
            change.run(); // what the slider's (or the wheel's) listener does on its event
        });
        done.await();
        Platform.runLater(() -> vm.metricsSettingsProperty().removeListener(onMetrics));
        return out;
    }

    /**
     * With -Dbench.nodes=true, prints the node count of every subtree of more than 100 nodes: each pulse walks the
     * whole scene graph to update bounds, so the count is a cost of every frame.
     */
    private static int nodeCounts(javafx.scene.Node n, int depth, String path) {
        int count = 1;
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
                count += nodeCounts(c, depth + 1, path + "/" + c.getClass().getSimpleName()
                        + (c.getId() == null ? "" : "#" + c.getId()));
            }
        }
        if (count > 100 && depth < 14) {
            System.err.printf(Locale.ROOT, "NODES %6d %s%n", count, path.isEmpty() ? "/" : path);
        }
        return count;
    }

    /**
     * With -Dbench.needslayout=true, lists before each pulse's layout the parents marked for layout whose parent is not
     * (the roots of the re-layout) and those none of whose children is (where a change started): which changes climb
     * the tree.
     */
    private static void needsLayout(javafx.scene.Parent p, String path) {
        String here = path + "/" + p.getClass().getSimpleName() + (p.getId() == null ? "" : "#" + p.getId());
        if (p.isNeedsLayout() && (p.getParent() == null || !p.getParent().isNeedsLayout())) {
            System.err.printf(Locale.ROOT, "MARK needs layout %s%n", here);
        }
        if (p.isNeedsLayout() && p.getChildrenUnmodifiable().stream()
                .noneMatch(c -> c instanceof javafx.scene.Parent q && q.isNeedsLayout())) {
            System.err.printf(Locale.ROOT, "MARK layout leaf %s%n", here);
        }
        for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
            if (c instanceof javafx.scene.Parent q) {
                needsLayout(q, here);
            }
        }
    }

    private static final boolean TRACE = Boolean.getBoolean("bench.trace");
    /** Only the time-stamped phase marks, without the per-pulse node walks that slow the layout pass down. */
    private static final boolean MARKS = TRACE || Boolean.getBoolean("bench.marks");
    private static final boolean JITTER = Boolean.getBoolean("bench.jitter");
    private static final boolean ALL_DIRTY = Boolean.getBoolean("bench.alldirty");

    /** With -Dbench.trace=true, marks the step's phases between JavaFX's pulse-logger lines. */
    private static void trace(String what) {
        if (MARKS) {
            System.err.printf(Locale.ROOT, "MARK +%.1f ms %s%n", (System.nanoTime() - stepStart) / 1e6, what);
        }
    }

    /** When the current step's threshold was set (for the trace's time stamps). */
    private static volatile long stepStart = System.nanoTime();

    /** The node and every ancestor visible (a tab pane hides unselected tabs' content through an ancestor). */
    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node a = n; a != null; a = a.getParent()) {
            if (!a.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Diagnosis: the nodes whose state changed since the last sync (JavaFX on the class path, so reflection works). */
    private static void dirtyNodes(javafx.scene.Node n, int depth) {
        try {
            java.lang.reflect.Field f = javafx.scene.Node.class.getDeclaredField("dirtyBits");
            f.setAccessible(true);
            java.util.Set<?> bits = (java.util.Set<?>) f.get(n);
            javafx.scene.Parent up = n.getParent();
            javafx.geometry.Bounds bp = n.getBoundsInParent();
            boolean overflows = up instanceof javafx.scene.layout.Region r && (bp.getMinX() < -0.5 || bp.getMinY() < -0.5
                    || bp.getMaxX() > r.getWidth() + 0.5 || bp.getMaxY() > r.getHeight() + 0.5);
            if (!bits.isEmpty() && shown(n) && (overflows || ALL_DIRTY)) {
                javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
                System.err.printf(Locale.ROOT, "MARK dirty %s#%s in %s %s %.0f,%.0f %.0fx%.0f%n", n.getClass().getSimpleName(),
                        n.getId(), up == null ? "-" : up.getClass().getSimpleName() + "/" + up.getStyleClass(), bits, b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
                dirtyNodes(c, depth + 1);
            }
        }
    }

    /**
     * Diagnosis: shown regions whose background has more than one fill. Prism paints those from a cached image
     * stretched over the repainted area, which a software renderer does slowly (~60 ns per pixel here).
     */
    private static void multiFill(javafx.scene.Node n) {
        if (n instanceof javafx.scene.layout.Region r && shown(r) && r.getBackground() != null
                && r.getBackground().getFills().size() > 1 && r.getWidth() * r.getHeight() > 2000) {
            javafx.geometry.Bounds b = r.localToScene(r.getBoundsInLocal());
            System.err.printf(Locale.ROOT, "MARK fills %d %s#%s %s %.0f,%.0f %.0fx%.0f%n", r.getBackground().getFills().size(),
                    r.getClass().getSimpleName(), r.getId(), r.getStyleClass(), b.getMinX(), b.getMinY(), b.getWidth(),
                    b.getHeight());
        }
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
                multiFill(c);
            }
        }
    }

    /** Diagnosis: render-graph nodes still dirty before the sync (reflection into Prism's NGNode). */
    private static void ngDirty(javafx.scene.Node n) {
        try {
            java.lang.reflect.Field pf = javafx.scene.Node.class.getDeclaredField("peer");
            pf.setAccessible(true);
            Object peer = pf.get(n);
            if (peer != null) {
                Class<?> ng = Class.forName("com.sun.javafx.sg.prism.NGNode");
                java.lang.reflect.Field df = ng.getDeclaredField("dirty");
                df.setAccessible(true);
                java.lang.reflect.Field cf = ng.getDeclaredField("dirtyChildrenAccumulated");
                cf.setAccessible(true);
                Object dirty = df.get(peer);
                int acc = cf.getInt(peer);
                if (shown(n) && (!"CLEAN".equals(String.valueOf(dirty)) || acc > 12)) {
                    javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
                    System.err.printf(Locale.ROOT, "MARK ng %s#%s %s acc=%d %.0f,%.0f %.0fx%.0f%n",
                            n.getClass().getSimpleName(), n.getId(), dirty, acc, b.getMinX(), b.getMinY(), b.getWidth(),
                            b.getHeight());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
                ngDirty(c);
            }
        }
    }

    private static void report(List<long[]> samples) {
        String ev = SCROLL ? "scroll" : "slider";
        String[] names = {ev + " → slice views recomposed", ev + " → metrics bound (table, charts, formula)",
            ev + " → next scene pulse after both (repaint)", "FX-thread CPU time of the step",
            "metrics-thread CPU time of the step", SCROLL ? "compose of the axial slice (render + copy)"
                : "compose of the three slices (render + copy)", ev + " → that frame on screen (painted, uploaded)"};
        System.out.printf(Locale.ROOT, "%d steps, %d^3 x 4 classes, load average %.1f on %d cores%n", samples.size(), size,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        for (int k = 0; k < names.length; k++) {
            double[] ms = new double[samples.size()];
            for (int i = 0; i < ms.length; i++) {
                ms[i] = samples.get(i)[k] / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-48s median %6.2f ms   p90 %6.2f ms   max %6.2f ms%n", names[k],
                    ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[ms.length - 1]);
        }
    }
}
