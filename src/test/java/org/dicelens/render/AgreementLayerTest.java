package org.dicelens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.dicelens.metrics.raters.RaterReference;
import org.dicelens.volume.Geometry;
import org.junit.jupiter.api.Test;

/**
 * A 5×5 slice, two raters of class 1: rater A marks the centre 3×3 block, rater B the centre voxel only. So q̂ is 1 at
 * the centre, 1/2 on the eight voxels around it, 0 elsewhere; worked by hand below.
 */
class AgreementLayerTest {
    private static final int N = 5;

    private static RaterReference raters() {
        byte[] a = new byte[N * N];
        byte[] b = new byte[N * N];
        for (int y = 1; y <= 3; y++) {
            for (int x = 1; x <= 3; x++) {
                a[x + N * y] = 1;
            }
        }
        b[2 + N * 2] = 1;
        return RaterReference.ofLabelMaps(List.of(a, b), 2);
    }

    /** The slice painted over black, with the voxel index of each pixel. */
    private static int[][] paint(AgreementLayer.Style style) {
        ViewGeometry v = ViewGeometry.of(Geometry.ofSpacing(N, N, 1, 1, 1, 1), ViewAxis.AXIAL);
        int[] out = new int[N * N];
        Arrays.fill(out, 0xFF000000);
        new AgreementLayer(raters(), 1, style).paint(v, 0, out);
        int[] index = new int[N * N];
        Slices.indices(v, 0, index);
        return new int[][] {out, index};
    }

    @Test
    void heatMapColoursEachVoxelByTheFractionOfRaters() {
        int[][] r = paint(new AgreementLayer.Style(true, 1.0, true, false, 1.0));
        for (int p = 0; p < N * N; p++) {
            int x = r[1][p] % N;
            int y = r[1][p] / N;
            boolean centre = x == 2 && y == 2;
            boolean block = x >= 1 && x <= 3 && y >= 1 && y <= 3;
            int expected = centre ? AgreementLayer.COLOURS.argb(1.0) : block ? AgreementLayer.COLOURS.argb(0.5) : 0xFF000000;
            assertEquals(expected, r[0][p], "voxel (" + x + ", " + y + ")");
        }
    }

    @Test
    void outlinesAreTheConsensusInsideAndAnyRaterJustOutside() {
        int[][] r = paint(new AgreementLayer.Style(false, 1.0, true, true, 1.0));
        int consensus = 0;
        int any = 0;
        for (int p = 0; p < N * N; p++) {
            int x = r[1][p] % N;
            int y = r[1][p] / N;
            boolean block = x >= 1 && x <= 3 && y >= 1 && y <= 3;
            // outside the block with a 4-neighbour in it: the border pixels except the four corners
            boolean outside = !block && (x >= 1 && x <= 3 || y >= 1 && y <= 3);
            int expected = x == 2 && y == 2 ? AgreementLayer.CONSENSUS_ARGB : outside ? AgreementLayer.ANY_RATER_ARGB
                    : 0xFF000000;
            assertEquals(expected, r[0][p], "voxel (" + x + ", " + y + ")");
            consensus += r[0][p] == AgreementLayer.CONSENSUS_ARGB ? 1 : 0;
            any += r[0][p] == AgreementLayer.ANY_RATER_ARGB ? 1 : 0;
        }
        assertEquals(1, consensus);
        assertEquals(12, any);
    }
}
