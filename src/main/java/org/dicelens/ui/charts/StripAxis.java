package org.dicelens.ui.charts;

import java.util.Locale;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.volume.Geometry;

/**
 * Which voxel axis the per-slice strip steps along when it follows a view. The strip is named by the view whose slices
 * it moves (as a reader sees them), not by a voxel axis: on a non-axial or permuted grid voxel axis k is not the axial
 * view's slice axis. Uses the views' own orientation logic ({@link ViewGeometry}), so strip and view always agree.
 */
public final class StripAxis {
    private StripAxis() {
    }

    /** The voxel axis (0 = i, 1 = j, 2 = k) that the view's slices step through on this grid. */
    public static int voxelAxis(Geometry g, ViewAxis view) {
        return ViewGeometry.of(g, view).sliceAxis();
    }

    /** The view whose slices step along this voxel axis on this grid. */
    public static ViewAxis viewOf(Geometry g, int voxelAxis) {
        for (ViewAxis v : ViewAxis.values()) {
            if (voxelAxis(g, v) == voxelAxis) {
                return v;
            }
        }
        throw new IllegalArgumentException("voxel axis " + voxelAxis);
    }

    /** "axial", "coronal" or "sagittal". */
    public static String label(ViewAxis v) {
        return v.name().toLowerCase(Locale.ROOT);
    }
}
