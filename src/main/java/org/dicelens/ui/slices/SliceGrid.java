package org.dicelens.ui.slices;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.dicelens.app.slices.SliceFrame;
import org.dicelens.app.tasks.TaskListener;
import org.dicelens.common.InputException;
import org.dicelens.render.ImageWindow;
import org.dicelens.render.PngWriter;
import org.dicelens.render.SliceInputs;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;

/**
 * The centre of the window: axial, coronal and sagittal views in a 2×2 grid (the fourth cell holds the threshold
 * charts), or one view maximised. Repaints are coalesced: any number of changes within one pulse give one repaint.
 * The slices are composed on the view model's "compose" lane, one thread per view (the FX thread only copies the finished pixels into the
 * images), so a dragged threshold does not hold up the pulse; one frame is in flight at a time and the newest request
 * wins. A pulse that starts while slices are being composed waits briefly for them, so they reach the screen in the
 * same frame as the numbers that changed with them.
 */
public final class SliceGrid extends StackPane {
    private final ViewerModel vm;
    private final DisplayModel display;
    private final SpatialOverlays spatial;
    private final Map<ViewAxis, SliceView> views = new EnumMap<>(ViewAxis.class);
    private final GridPane grid = new GridPane();
    private final Node fourth;
    private boolean repaintQueued;
    private IntPredicate region;
    private int regionMargin = Integer.MIN_VALUE;
    private Runnable afterPaint = () -> { };
    private double shownDiceOptimal = Double.NaN;
    /** One thread per view (at most the cores): the three slices are composed side by side. */
    private final Executor composer;
    private boolean composing;
    private boolean composeAgain;
    /** The frame being composed, until shown; read by the pulse hook that may wait for it. */
    private InFlight inFlight;
    /**
     * How long a scene pulse waits for slices that are being composed. Showing them in the same frame as the new
     * numbers saves a second frame (layout, paint and upload of the window), which costs more than the wait: over 4
     * interleaved runs of UiLatencyBench, -2.7 ms to the pulse, -2 ms to the painted frame, -1.3 ms of FX-thread CPU.
     */
    private static final long PULSE_WAIT_MS = 10;
    /** Keeps the gradient map on one colour scale for the volume (held here: it lives as long as the views). */
    private final org.dicelens.ui.model.GradientScaleModel gradientScale;
    private final Runnable pulseHook = this::presentInThisPulse; // one instance, so it can be removed again

    /** One frame's compositions and the latch the last worker opens. */
    private record InFlight(List<SliceView> shown, List<SliceView.Composition> jobs, boolean[] done,
            java.util.concurrent.CountDownLatch finished) {
    }

    public SliceGrid(ViewerModel vm, DisplayModel display, Node fourth) {
        this.vm = vm;
        this.display = display;
        this.fourth = fourth;
        this.composer = vm.tasks().pool("compose", Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors())));
        getStyleClass().add("slice-grid");
        for (ViewAxis a : ViewAxis.values()) {
            views.put(a, new SliceView(a, display));
        }
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(pulseHook);
            }
            if (scene != null) {
                scene.addPreLayoutPulseListener(pulseHook);
            }
        });
        grid.setHgap(2);
        grid.setVgap(2);
        layoutGrid();
        getChildren().add(grid);
        // zoom reset within reach of the views (also Home in a view and View ▸ Reset zoom)
        javafx.scene.control.Button fit = new javafx.scene.control.Button("Fit");
        fit.setId("zoomFit");
        fit.getStyleClass().add("zoom-fit");
        fit.setFocusTraversable(false);
        fit.setTooltip(new javafx.scene.control.Tooltip("Reset zoom and pan of every view (Home, Ctrl+0)"));
        fit.setOnAction(e -> display.zoom().reset());
        StackPane.setAlignment(fit, javafx.geometry.Pos.BOTTOM_LEFT);
        StackPane.setMargin(fit, new javafx.geometry.Insets(4));
        getChildren().add(fit);
        display.maximisedProperty().addListener(x -> layoutGrid());
        spatial = new SpatialOverlays(vm, display.overlays(), this::repaint);
        vm.currentProperty().addListener((o, a, lc) -> caseChanged(lc));
        vm.controls().settingsProperty().addListener(x -> repaint());
        vm.controls().selectedClassProperty().addListener(x -> repaint());
        // the slices use two engine results: the Dice-optimal threshold and the weights behind the gradient map; new
        // metrics repaint them only when those are drawn and changed (a threshold drag would otherwise compose twice)
        vm.metricsProperty().addListener((o, a, m) -> {
            if (m == null) {
                return;
            }
            int c = vm.selectedChannel();
            double tOpt = c < m.classes().size() ? m.classes().get(c).diceOptimalThreshold() : Double.NaN;
            boolean optChanged = Double.compare(tOpt, shownDiceOptimal) != 0;
            shownDiceOptimal = tOpt;
            if ((optChanged && display.overlays().on(org.dicelens.ui.model.OverlayModel.Layer.DICE_OPTIMAL))
                    || display.overlays().on(org.dicelens.ui.model.OverlayModel.Layer.GRADIENT)) {
                repaint();
            }
        });
        gradientScale = new org.dicelens.ui.model.GradientScaleModel(vm, display.overlays());
        ClassVisibility.watch(vm.controls().classes(), this::repaint);
        display.overlays().addListener(this::repaint);
        display.windowLowProperty().addListener(x -> repaint());
        display.windowHighProperty().addListener(x -> repaint());
        for (int a = 0; a < 3; a++) {
            display.crosshair().axisProperty(a).addListener(x -> repaint());
        }
    }

    public SliceView view(ViewAxis a) {
        return views.get(a);
    }

    /** The voxel under the mouse in any view (null when outside), for the status line. */
    public void setOnHover(Consumer<int[]> h) {
        views.values().forEach(v -> v.setOnHover(h));
    }

    /** Runs after every repaint (latency probe). */
    public void setAfterPaint(Runnable r) {
        afterPaint = r;
    }

    private void layoutGrid() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        ViewAxis max = display.maximisedProperty().get();
        if (max != null) {
            SliceView v = views.get(max);
            grid.add(v, 0, 0);
            GridPane.setHgrow(v, Priority.ALWAYS);
            GridPane.setVgrow(v, Priority.ALWAYS);
        } else {
            grid.add(views.get(ViewAxis.AXIAL), 0, 0);
            grid.add(views.get(ViewAxis.CORONAL), 1, 0);
            grid.add(views.get(ViewAxis.SAGITTAL), 0, 1);
            if (fourth != null) {
                grid.add(fourth, 1, 1);
            }
            for (int i = 0; i < 2; i++) {
                javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
                cc.setPercentWidth(50);
                grid.getColumnConstraints().add(cc);
                javafx.scene.layout.RowConstraints rc = new javafx.scene.layout.RowConstraints();
                rc.setPercentHeight(50);
                grid.getRowConstraints().add(rc);
            }
            views.values().forEach(v -> {
                GridPane.setHgrow(v, Priority.ALWAYS);
                GridPane.setVgrow(v, Priority.ALWAYS);
            });
        }
        repaint();
    }

    private void caseChanged(LoadedCase lc) {
        if (lc == null) {
            return;
        }
        region = null;
        regionMargin = Integer.MIN_VALUE;
        for (SliceView v : views.values()) {
            v.setGeometry(ViewGeometry.of(lc.data().geometry(), v.axis()));
        }
        display.crosshair().reset(lc.data().geometry());
        if (lc.data().image() == null) {
            display.resetWindow(0, 1);
        } else {
            float[] values = lc.data().image().values();
            // a percentile window over the whole image: off the FX thread, the views repaint when it arrives
            vm.tasks().start("window", p -> ImageWindow.auto(values), new TaskListener<double[]>() {
                @Override
                public void succeeded(double[] w) {
                    if (vm.current() == lc) {
                        display.resetWindow(w[0], w[1]);
                    }
                }

                @Override
                public void failed(Throwable e) {
                    vm.report("Could not window the image", e);
                }
            });
        }
        repaint();
    }

    /** Queues one repaint of the visible views (composed off the FX thread, shown when ready). */
    public void repaint() {
        if (!repaintQueued) {
            repaintQueued = true;
            Platform.runLater(this::composeLatest);
        }
    }

    private SliceFrame frame() {
        LoadedCase lc = vm.current();
        if (lc == null) {
            return null;
        }
        int margin = vm.controls().marginProperty().get();
        if (margin != regionMargin) {
            regionMargin = margin;
            region = lc.analysis().region(vm.controls().toSettings());
        }
        // a box region is outlined on screen by each view, on voxel boundaries; any other region the renderer traces
        org.dicelens.render.RegionBox box = org.dicelens.render.RegionBox.of(region);
        var o = display.overlays();
        double opacity = o.on(org.dicelens.ui.model.OverlayModel.Layer.REGION)
                ? o.opacity(org.dicelens.ui.model.OverlayModel.Layer.REGION) : 0;
        views.values().forEach(v -> v.setRegion(box, opacity));
        return FrameBuilder.build(vm, display, SliceInputs.none().withRegion(box != null ? null : region), spatial.layer());
    }

    private List<SliceView> shownViews() {
        ViewAxis max = display.maximisedProperty().get();
        List<SliceView> out = new ArrayList<>();
        for (SliceView v : views.values()) {
            if (max == null || max == v.axis()) {
                out.add(v);
            }
        }
        return out;
    }

    /** FX thread: start composing the current state, or remember to once the frame in flight is shown. */
    private void composeLatest() {
        repaintQueued = false;
        if (composing) {
            composeAgain = true;
            return;
        }
        SliceFrame f = frame();
        if (f == null) {
            return;
        }
        List<SliceView> shown = shownViews();
        List<SliceView.Composition> jobs = new ArrayList<>();
        for (SliceView v : shown) {
            jobs.add(v.prepare());
        }
        if (shown.isEmpty()) {
            return;
        }
        composing = true;
        boolean[] done = new boolean[jobs.size()];
        InFlight frame = new InFlight(shown, jobs, done, new java.util.concurrent.CountDownLatch(1));
        inFlight = frame;
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(jobs.size());
        for (int k = 0; k < jobs.size(); k++) {
            int i = k;
            composer.execute(() -> {
                try {
                    done[i] = jobs.get(i) != null && shown.get(i).compose(f, jobs.get(i));
                } catch (RuntimeException e) {
                    // a failed view must not stop later frames: show what was composed and keep going
                    Thread t = Thread.currentThread();
                    t.getUncaughtExceptionHandler().uncaughtException(t, e);
                } finally {
                    if (left.decrementAndGet() == 0) {
                        frame.finished().countDown();
                        Platform.runLater(() -> present(frame));
                    }
                }
            });
        }
    }

    /**
     * Scene pulse (before layout): slices still being composed are waited for, briefly, and shown in this frame; if
     * they take longer they are shown when ready, in a later frame.
     */
    private void presentInThisPulse() {
        InFlight frame = inFlight;
        if (frame == null) {
            return;
        }
        try {
            if (frame.finished().await(PULSE_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                present(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** FX thread: shows the frame's finished views (once), then starts the newest request that came in meanwhile. */
    private void present(InFlight frame) {
        if (inFlight != frame) {
            return; // already shown by the pulse hook
        }
        inFlight = null;
        List<SliceView> shown = frame.shown();
        List<SliceView.Composition> jobs = frame.jobs();
        boolean[] done = frame.done();
        for (int i = 0; i < jobs.size(); i++) {
            if (done[i]) {
                shown.get(i).present(jobs.get(i));
            }
        }
        composing = false;
        afterPaint.run();
        if (composeAgain) {
            composeAgain = false;
            composeLatest();
        }
    }

    /** Composes and shows the visible views now, on the FX thread (PNG export, benchmarks). */
    public void paintNow() {
        repaintQueued = false;
        SliceFrame f = frame();
        if (f == null) {
            return;
        }
        for (SliceView v : shownViews()) {
            v.paint(f);
        }
        afterPaint.run();
    }

    /** The figure's scale at the views' resolution: the largest on-screen pixels per mm of the three views. */
    public double screenPixelsPerMm() {
        double best = 0;
        for (SliceView v : views.values()) {
            ViewGeometry g = v.geometry();
            if (g != null && v.getWidth() > 0 && v.getHeight() > 0) {
                best = Math.max(best, v.placement()[2] / (g.width() * g.pixelWidthMm()));
            }
        }
        return best;
    }

    /** {@link #exportPng(Path, double, int)} at the views' resolution, 1×. */
    public void exportPng(Path target) throws InputException {
        exportPng(target, 0, 1);
    }

    /** {@link #exportPng(Path, double, int)} at 1×. */
    public int[] exportPng(Path target, double pixelsPerMm) throws InputException {
        return exportPng(target, pixelsPerMm, 1);
    }

    /** {width, height} of the figure {@link #exportPng(Path, double, int)} writes at the views' resolution, k×. */
    public int[] exportSize(int k) {
        ViewExport.Figure f = figure(0, k);
        return f == null ? null : f.size(k);
    }

    /**
     * The three slices side by side as one PNG figure with their orientation letters, titles, the region outline and
     * a key of the classes and visible overlays ({@link ViewExport}), written atomically, never over an input.
     *
     * @param pixelsPerMm the figure's scale; ≤ 0: the views' on-screen resolution (or one pixel per smallest voxel
     *                    side when the views are not laid out)
     * @param k           magnification of the whole figure (slices, letters, key): 1, 2 or 4
     * @return {width, height} of the written image, or null when no case is open
     */
    public int[] exportPng(Path target, double pixelsPerMm, int k) throws InputException {
        LoadedCase lc = vm.current();
        ViewExport.Figure fig = figure(pixelsPerMm, k);
        if (fig == null) {
            return null;
        }
        int[] px = ViewExport.pixels(fig, k);
        int[] size = fig.size(k);
        try {
            PngWriter.write(target, px, size[0], size[1], lc.files().inputs());
        } catch (java.io.IOException e) {
            throw new InputException(target, null, "could not write: " + e.getMessage(), e);
        }
        return size;
    }

    /** The laid-out figure with slice images magnified k times; null when no case is open. */
    private ViewExport.Figure figure(double pixelsPerMm, int k) {
        SliceFrame f = frame(); // one snapshot of the controls for all three views
        if (vm.current() == null || f == null) {
            return null;
        }
        return ViewExport.of(vm, display, f, views, org.dicelens.render.RegionBox.of(region),
                pixelsPerMm > 0 ? pixelsPerMm : screenPixelsPerMm(), k);
    }
}
