package org.dicelens.ui.slices;

import org.dicelens.metrics.Settings;
import org.dicelens.render.OverlaySettings;
import org.dicelens.render.SliceInputs;
import org.dicelens.volume.Case;

/** Everything one repaint of the three views needs, gathered once per frame on the FX thread. */
public record Frame(Case data, Settings settings, OverlaySettings overlays, SliceInputs inputs, int[] crosshair) {
}
