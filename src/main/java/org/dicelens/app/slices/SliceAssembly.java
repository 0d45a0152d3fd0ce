package org.dicelens.app.slices;

import java.util.function.IntPredicate;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.ClassSums;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.EvaluationRegion;
import org.dicelens.metrics.GradientKernel;
import org.dicelens.metrics.GradientLoss;
import org.dicelens.metrics.GradientMaps;
import org.dicelens.metrics.GradientScale;
import org.dicelens.metrics.GradientWrt;
import org.dicelens.metrics.Settings;
import org.dicelens.render.SliceInputs;
import org.dicelens.render.SliceRenderer;
import org.dicelens.render.Slices;
import org.dicelens.render.ViewGeometry;

/**
 * The one slice-overlay assembly under both faces: what the overlays take from the engine (evaluation region,
 * Dice-optimal threshold, gradient map of the chosen class) and the composition of one slice from a
 * {@link SliceFrame}. The `render` command and the viewer translate their own controls into {@code OverlaySettings}
 * and call this; neither computes an overlay input itself, so their pictures agree.
 */
public final class SliceAssembly {
    private SliceAssembly() {
    }

    /** Ω_m as a voxel predicate (null = the whole volume, also when the reference has no foreground to grow from). */
    public static IntPredicate region(EvaluationRegion r, Settings s) {
        if (s.margin() == Settings.WHOLE_VOLUME || !r.hasForeground()) {
            return null;
        }
        int m = s.margin();
        return i -> r.contains(i, m);
    }

    /** The chosen class's Dice-optimal threshold q_(k*) from evaluated metrics; NaN when there is none. */
    public static double diceOptimalThreshold(CaseMetrics m, int channel) {
        return m != null && channel < m.classes().size() ? m.classes().get(channel).diceOptimalThreshold() : Double.NaN;
    }

    /** The GDL weights the engine evaluated (the gradient of GDL needs them); null without metrics. */
    public static double[] gdlWeights(CaseMetrics m) {
        return m == null ? null : m.classes().stream().mapToDouble(ClassMetrics::gdlWeight).toArray();
    }

    /**
     * The chosen loss's gradient on one slice, in the engine's slice layout, inside Ω_margin (0 outside); false when
     * it cannot be drawn (no weights for every class). {@code weights} are the engine's, already evaluated for these
     * settings, so this never starts a pass over the volume.
     */
    public static boolean gradientSlice(Engine e, Settings s, double[] weights, int channel, GradientLoss loss,
            GradientWrt wrt, int axis, int index, float[] out) {
        ClassSums[] sums = new ClassSums[e.classCount()];
        if (weights == null || weights.length != sums.length) {
            return false;
        }
        for (int c = 0; c < sums.length; c++) {
            sums[c] = e.sums(s, c);
        }
        GradientKernel k = GradientKernel.of(loss, channel, sums, s.losses(), weights);
        // Ω_m is a box: walked row by row, with the same values as a per-voxel test of region(...)
        GradientMaps.slice(e.caseData(), k, wrt, e.region(), s.margin(), axis, index, out, 0f);
        return true;
    }

    /**
     * One colour scale for the chosen loss's gradient over the whole volume: the {@code percentile}-th percentile of
     * |∂L/∂p| (or |∂L/∂z|) inside Ω_margin ({@link GradientScale}); NaN when it cannot be drawn. One pass over the
     * region: callers run it off the UI thread, once per control change.
     */
    public static double gradientScale(Engine e, Settings s, double[] weights, int channel, GradientLoss loss,
            GradientWrt wrt, double percentile) {
        ClassSums[] sums = new ClassSums[e.classCount()];
        if (weights == null || weights.length != sums.length) {
            return Double.NaN;
        }
        for (int c = 0; c < sums.length; c++) {
            sums[c] = e.sums(s, c);
        }
        GradientKernel k = GradientKernel.of(loss, channel, sums, s.losses(), weights);
        return GradientScale.of(e.caseData(), k, wrt, e.region(), s.margin(), percentile);
    }

    /** A gradient source for a frame: the engine's map of the chosen class with these settings and weights. */
    public static SliceFrame.GradientSource gradient(Engine e, Settings s, double[] weights, int channel,
            GradientLoss loss, GradientWrt wrt) {
        return (axis, slice, out) -> gradientSlice(e, s, weights, channel, loss, wrt, axis, slice, out);
    }

    /**
     * Composes slice {@code slice} of view {@code g} into {@code out} (g.width × g.height ARGB). {@code gradientAxis}
     * and {@code gradientScreen} are scratch buffers of the same length, reused between calls by the caller.
     */
    public static void compose(SliceFrame f, ViewGeometry g, int slice, SliceRenderer renderer, float[] gradientAxis,
            float[] gradientScreen, int[] out) {
        SliceInputs in = f.inputs() == null ? SliceInputs.none() : f.inputs();
        if (f.gradient() != null && f.gradient().fill(g.sliceAxis(), slice, gradientAxis)) {
            Slices.fromAxisOrder(gradientAxis, g, gradientScreen);
            in = in.withGradient(gradientScreen);
        }
        if (f.agreement() != null) {
            in = in.withAgreement(f.agreement()); // drawn by the renderer under the contours
        }
        renderer.render(f.data(), g, slice, f.settings(), f.overlays(), in, out);
        if (f.spatial() != null) {
            f.spatial().paint(g, slice, out);
        }
    }

    /** The slice a view shows for the frame's crosshair. */
    public static int sliceOf(SliceFrame f, ViewGeometry g) {
        int[] x = f.crosshair();
        return g.sliceOf(x[0], x[1], x[2]);
    }
}
