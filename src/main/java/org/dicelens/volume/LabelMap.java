package org.dicelens.volume;

import java.nio.file.Path;

/** An integer label map (any label values) on a grid, as read from a file. */
public record LabelMap(Geometry geometry, int[] labels, Path source) {
}
