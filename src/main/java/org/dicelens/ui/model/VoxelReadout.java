package org.dicelens.ui.model;

import java.util.Locale;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassInfo;
import org.dicelens.volume.Geometry;

/** The status line's text for the voxel under the cursor: stored values only, nothing computed. */
public final class VoxelReadout {
    private VoxelReadout() {
    }

    /** Null when the voxel lies outside the grid. */
    public static String describe(Case c, int x, int y, int z) {
        Geometry g = c.geometry();
        if (x < 0 || y < 0 || z < 0 || x >= g.nx() || y >= g.ny() || z >= g.nz()) {
            return null;
        }
        int i = g.index(x, y, z);
        double[] w = g.voxelToWorld(x, y, z);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "voxel (%d, %d, %d)   world (%.1f, %.1f, %.1f) mm", x, y, z, w[0], w[1], w[2]));
        c.imageIfAny().ifPresent(im -> sb.append(String.format(Locale.ROOT, "   intensity %.4g", im.values()[i])));
        ClassInfo ref = c.classes().get(c.reference(i));
        sb.append("   label ").append(ref.label()).append(" (").append(ref.name()).append(')');
        sb.append("   p:");
        for (int ch = 0; ch < c.classCount(); ch++) {
            sb.append(String.format(Locale.ROOT, " %s %.3f", c.classes().get(ch).name(), c.probability(ch, i)));
            if (ch + 1 < c.classCount()) {
                sb.append(" |");
            }
        }
        return sb.toString();
    }
}
