package org.dicelens.volume;

import java.nio.file.Path;

/** A scalar image (the scan) on a grid; intensities after scl_slope/scl_inter. */
public record ImageVolume(Geometry geometry, float[] values, Path source) {
}
