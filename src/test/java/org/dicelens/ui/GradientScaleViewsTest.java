package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.dicelens.app.slices.SliceAssembly;
import org.dicelens.app.slices.SliceFrame;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.metrics.GradientLoss;
import org.dicelens.render.SliceRenderer;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.GradientScaleModel;
import org.dicelens.ui.model.OverlayModel;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.ui.slices.FrameBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 5: the gradient map has one colour scale for the volume, so a voxel has one colour in every view,
 * and "fix scale" keeps that scale while controls move.
 */
class GradientScaleViewsTest {
    @TempDir
    Path dir;
    private final ViewerModel vm = new ViewerModel(Tasks.direct(), AppWiring.reader(), AppWiring.factory());
    private final DisplayModel display = new DisplayModel();
    private OverlayModel o;

    @BeforeEach
    void open() throws Exception {
        vm.open(new UiTestCase(3).write(dir));
        o = display.overlays();
        for (OverlayModel.Layer l : OverlayModel.Layer.values()) {
            o.layer(l).enabled.set(l == OverlayModel.Layer.GRADIENT);
        }
        o.layer(OverlayModel.Layer.GRADIENT).opacity.set(1);
        o.gradientLoss.set(GradientLoss.SOFT_DICE);
        o.gradientWrtLogit.set(true); // ∂L/∂z = ∂L/∂p · p(1 − p): varies per voxel, so slices differ in their maxima
        vm.controls().selectedClassProperty().set(1);
        vm.controls().marginProperty().set(1);
    }

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    /** Composes the three views of the current state; [view][pixel]. */
    private int[][] compose() {
        SliceFrame f = FrameBuilder.build(vm, display, null);
        SliceRenderer r = new SliceRenderer();
        int[][] out = new int[3][];
        for (ViewAxis a : ViewAxis.values()) {
            ViewGeometry g = ViewGeometry.of(vm.current().data().geometry(), a);
            int n = g.width() * g.height();
            out[a.ordinal()] = new int[n];
            SliceAssembly.compose(f, g, SliceAssembly.sliceOf(f, g), r, new float[n], new float[n], out[a.ordinal()]);
        }
        return out;
    }

    /** Pairs of pixels of different views showing the same voxel whose colours differ. */
    private int mismatches(int[][] px) {
        int bad = 0;
        int[] c = display.crosshair().voxel();
        ViewAxis[] views = ViewAxis.values();
        for (int x = 0; x < UiTestCase.NX; x++) {
            for (int y = 0; y < UiTestCase.NY; y++) {
                for (int z = 0; z < UiTestCase.NZ; z++) {
                    Integer first = null;
                    for (ViewAxis a : views) {
                        ViewGeometry g = ViewGeometry.of(vm.current().data().geometry(), a);
                        if (g.sliceOf(x, y, z) != g.sliceOf(c[0], c[1], c[2])) {
                            continue; // this view does not show the voxel
                        }
                        int v = px[a.ordinal()][g.screenX(x, y, z) + g.width() * g.screenY(x, y, z)];
                        if (first == null) {
                            first = v;
                        } else if (first != v) {
                            bad++;
                        }
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void aVoxelHasTheSameGradientColourInEveryView() {
        display.crosshair().reset(vm.current().data().geometry());
        int[] c = {4, 3, 3};
        for (int a = 0; a < 3; a++) {
            display.crosshair().axisProperty(a).set(c[a]);
        }
        new GradientScaleModel(vm, o);
        assertTrue(o.gradientScale.get() > 0, "a scale for the volume: " + o.gradientScale.get());
        assertEquals(0, mismatches(compose()), "one scale: shared voxels look alike in all three views");
        // the check can fail: scaled per slice (the old behaviour) the same voxels differ between views
        o.gradientScale.set(Double.NaN);
        assertTrue(mismatches(compose()) > 0, "per-slice scaling colours shared voxels differently");
    }

    @Test
    void theKeyPrintsTheScaleWithItsUnit() {
        String[] t = org.dicelens.ui.panels.OverlayLegend.gradientScaleText(0.000866314, false);
        assertEquals(List.of("∂L/∂p per unit p, one scale (99th pct)", "−0.000866", "+0.000866"), List.of(t));
        assertEquals("∂L/∂z per logit unit", org.dicelens.ui.panels.OverlayLegend.gradientScaleText(Double.NaN, true)[0]);
    }

    @Test
    void aFixedScaleStaysWhileControlsMove() {
        new GradientScaleModel(vm, o);
        double before = o.gradientScale.get();
        assertTrue(before > 0);
        o.gradientScaleFixed.set(true);
        vm.controls().marginProperty().set(3);
        vm.controls().classes().get(1).thresholdStepProperty().set(200);
        o.gradientWrtLogit.set(false);
        o.gradientWrtLogit.set(true);
        assertEquals(before, o.gradientScale.get(), 0, "fixed: the scale does not follow the controls");
        // unfixed, the scale follows the new region (margin 3 takes in more low-gradient background)
        o.gradientScaleFixed.set(false);
        double after = o.gradientScale.get();
        assertNotEquals(before, after, "unfixed: recomputed for the moved controls");
        // and it is what a scale computed afresh for these controls is
        OverlayModel fresh = new DisplayModel().overlays();
        fresh.layer(OverlayModel.Layer.GRADIENT).enabled.set(true);
        fresh.gradientLoss.set(GradientLoss.SOFT_DICE);
        fresh.gradientWrtLogit.set(true);
        new GradientScaleModel(vm, fresh);
        assertEquals(fresh.gradientScale.get(), after, 0);
    }
}
