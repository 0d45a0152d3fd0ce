package org.dicelens.ui.slices;

import org.dicelens.metrics.Settings;
import org.dicelens.render.OverlaySettings;
import org.dicelens.render.SliceInputs;
import org.dicelens.volume.Case;

/**
 * Everything one repaint of the three views needs, gathered once per frame on the FX thread.
 *
 * @param gradient the engine's gradient map of one slice (voxel axis, slice index, out in axis order); null when off
 */
public record Frame(Case data, Settings settings, OverlaySettings overlays, SliceInputs inputs, int[] crosshair,
        GradientSource gradient) {

    /** Fills {@code out} with the chosen loss's gradient on one slice, in the engine's axis order. */
    @FunctionalInterface
    public interface GradientSource {
        boolean fill(int axis, int slice, float[] out);
    }
}
