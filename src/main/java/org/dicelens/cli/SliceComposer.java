package org.dicelens.cli;

import java.util.List;
import org.dicelens.app.slices.SliceAssembly;
import org.dicelens.app.slices.SliceFrame;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.GradientLoss;
import org.dicelens.metrics.GradientScale;
import org.dicelens.metrics.GradientWrt;
import org.dicelens.metrics.Settings;
import org.dicelens.render.Colormap;
import org.dicelens.render.Crosshair;
import org.dicelens.render.ImageWindow;
import org.dicelens.render.OverlayColours;
import org.dicelens.render.OverlaySettings;
import org.dicelens.render.SliceInputs;
import org.dicelens.render.SliceRenderer;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.render.Zoom;
import org.dicelens.volume.Case;

/**
 * The `render` command's picture: its options become {@code OverlaySettings}, the shared assembly
 * ({@link SliceAssembly}, the viewer's) supplies the overlays' engine inputs and composes the slice, and the picture is
 * scaled nearest-neighbour keeping the voxels' physical aspect, as the viewer shows it.
 */
final class SliceComposer {
    /**
     * What to draw; {@code slice} and {@code chosenLabel} may be null (middle slice, first foreground class);
     * {@code gradientScale} NaN: the volume's 99th percentile, as the viewer.
     */
    record Request(ViewAxis view, Integer slice, List<String> overlays, Integer chosenLabel, double zoom, double[] window,
            Colormap colormap, GradientLoss gradientLoss, GradientWrt gradientWrt, double gradientScale,
            int[] crosshair) {
        boolean has(String overlay) {
            return overlays.contains(overlay);
        }
    }

    /** The picture; {@code gradientScale} is the gradient map's colour scale (NaN when it is not drawn). */
    record Picture(int[] argb, int width, int height, int slice, double gradientScale) {
    }

    private SliceComposer() {
    }

    static Picture compose(Case c, Settings s, Request r) throws InputException {
        ViewGeometry v = ViewGeometry.of(c.geometry(), r.view());
        int slice = r.slice() == null ? v.sliceCount() / 2 : r.slice();
        if (slice < 0 || slice >= v.sliceCount()) {
            throw new InputException(null, "--slice", "'" + slice + "' outside 0.." + (v.sliceCount() - 1) + " for the "
                    + r.view().name().toLowerCase(java.util.Locale.ROOT) + " view");
        }
        int chosen = chosenChannel(c, r.chosenLabel());
        OverlaySettings o = overlays(c, r, chosen);

        // the overlay inputs and the composition are the viewer's (app.slices); the engine is built only when an
        // overlay needs it, since building it is a pass over the voxels
        SliceInputs in = SliceInputs.none();
        SliceFrame.GradientSource gradient = null;
        double scale = Double.NaN;
        if (r.has("gradient") || r.has("dice-optimal") || r.has("region")) {
            Engine engine = Backend.engine(c, Progress.NONE);
            in = in.withRegion(SliceAssembly.region(engine.region(), s));
            CaseMetrics metrics = Backend.evaluate(engine, s, Progress.NONE);
            in = in.withDiceOptimalThreshold(SliceAssembly.diceOptimalThreshold(metrics, chosen));
            if (r.has("gradient")) {
                double[] weights = SliceAssembly.gdlWeights(metrics);
                gradient = SliceAssembly.gradient(engine, s, weights, chosen, r.gradientLoss(), r.gradientWrt());
                // one scale for the volume, the viewer's (GradientScaleModel), unless the caller fixed it
                scale = r.gradientScale() > 0 ? r.gradientScale() : SliceAssembly.gradientScale(engine, s, weights,
                        chosen, r.gradientLoss(), r.gradientWrt(), GradientScale.DEFAULT_PERCENTILE);
                o = o.withGradient(o.gradient(), scale);
            }
        }
        SliceFrame frame = new SliceFrame(c, s, o, in, null, gradient);

        int w = v.width();
        int h = v.height();
        int[] pixels = new int[w * h];
        SliceAssembly.compose(frame, v, slice, new SliceRenderer(), new float[w * h], new float[w * h], pixels);

        double finest = Math.min(v.pixelWidthMm(), v.pixelHeightMm());
        int[] size = Zoom.displaySize(v, r.zoom() / (finest > 0 ? finest : 1));
        int[] shown = new int[size[0] * size[1]];
        Zoom.nearest(pixels, w, h, shown, size[0], size[1]);
        if (r.crosshair() != null) {
            int[] ijk = r.crosshair();
            int[] dims = c.geometry().dims();
            for (int a = 0; a < 3; a++) {
                if (ijk[a] < 0 || ijk[a] >= dims[a]) {
                    throw new InputException(null, "--crosshair", "'" + ijk[0] + "," + ijk[1] + "," + ijk[2]
                            + "' outside the grid " + dims[0] + "x" + dims[1] + "x" + dims[2]);
                }
            }
            int[] p = Crosshair.displayPosition(v, ijk[0], ijk[1], ijk[2], size[0], size[1]);
            Crosshair.draw(shown, size[0], size[1], p[0], p[1], OverlayColours.CROSSHAIR, 0);
        }
        return new Picture(shown, size[0], size[1], slice, scale);
    }

    private static OverlaySettings overlays(Case c, Request r, int chosen) {
        OverlaySettings d = OverlaySettings.defaults(c.classCount());
        boolean filled = r.has("reference");
        OverlaySettings o = d.withChosenClass(chosen)
                .withReference(d.reference().withOn(filled || r.has("reference-contour")), filled)
                .withProbability(d.probability().withOn(r.has("probability")), r.colormap(), d.probabilityFloor())
                .withHardContour(d.hardContour().withOn(r.has("hard")), d.hardContourArgb())
                .withErrors(d.errors().withOn(r.has("errors")))
                .withGradient(d.gradient().withOn(r.has("gradient")), d.gradientLimit())
                .withDiceOptimal(d.diceOptimal().withOn(r.has("dice-optimal")))
                .withRegion(d.region().withOn(r.has("region")))
                .withCrosshair(false);
        if (r.window() != null) {
            o = o.withWindow(r.window()[0], r.window()[1]);
        } else if (c.image() != null) {
            double[] w = ImageWindow.auto(c.image().values());
            o = o.withWindow(w[0], w[1]);
        }
        return o;
    }

    /** The chosen label's channel, or the first channel that is not background. */
    static int chosenChannel(Case c, Integer label) throws InputException {
        if (label != null) {
            int ch = c.classes().channelOf(label);
            if (ch < 0) {
                throw new InputException(null, "--class", "'" + label + "' is not a label of this case");
            }
            return ch;
        }
        int bg = c.classes().backgroundChannel();
        return bg == 0 && c.classCount() > 1 ? 1 : 0;
    }
}
