package org.dicelens.app.slices;

import org.dicelens.metrics.Settings;
import org.dicelens.render.OverlaySettings;
import org.dicelens.render.SliceInputs;
import org.dicelens.volume.Case;

/**
 * Everything one slice picture needs, gathered once (per repaint in the viewer, once per `render` command).
 *
 * @param crosshair voxel (i, j, k) whose slice each view shows
 * @param gradient  the engine's gradient map of one slice (voxel axis, slice index, out in axis order); null when off
 * @param agreement several raters' agreement and consensus outline, drawn under the contours; null when off or no raters
 * @param spatial   the chosen class's boundary-distance colouring and lesion outlines, drawn on top; null when off
 */
public record SliceFrame(Case data, Settings settings, OverlaySettings overlays, SliceInputs inputs, int[] crosshair,
        GradientSource gradient, org.dicelens.render.AgreementLayer agreement, org.dicelens.render.SpatialLayer spatial) {

    public SliceFrame(Case data, Settings settings, OverlaySettings overlays, SliceInputs inputs, int[] crosshair,
            GradientSource gradient, org.dicelens.render.AgreementLayer agreement) {
        this(data, settings, overlays, inputs, crosshair, gradient, agreement, null);
    }

    public SliceFrame(Case data, Settings settings, OverlaySettings overlays, SliceInputs inputs, int[] crosshair,
            GradientSource gradient) {
        this(data, settings, overlays, inputs, crosshair, gradient, null, null);
    }

    /** Fills {@code out} with the chosen loss's gradient on one slice, in the engine's axis order. */
    @FunctionalInterface
    public interface GradientSource {
        boolean fill(int axis, int slice, float[] out);
    }
}
