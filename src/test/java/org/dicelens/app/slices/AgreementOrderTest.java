package org.dicelens.app.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.raters.RaterReference;
import org.dicelens.render.AgreementLayer;
import org.dicelens.render.LayerSetting;
import org.dicelens.render.OverlaySettings;
import org.dicelens.render.SliceRenderer;
import org.dicelens.render.Slices;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ProbabilityMaps;
import org.junit.jupiter.api.Test;

/**
 * The raters' agreement heat map is drawn under the contours (issue 18): on a 5×5 slice whose prediction is 0.9 on the
 * centre 3×3 block (hard mask at t = 0.5: that block) and whose two raters both mark every voxel, the composed pixels
 * are, worked by hand, the class colour on the block's eight border pixels (the hard-mask contour at opacity 1) and
 * the agreement colour of q̂ = 1 everywhere else. Drawn the other way round, the contour would be covered.
 */
class AgreementOrderTest {
    private static final int N = 5;

    @Test
    void theHardMaskContourStaysOnTopOfTheAgreementHeatMap() {
        for (double heatOpacity : new double[] {1.0, 0.5}) {
            Geometry g = Geometry.ofSpacing(N, N, 1, 1, 1, 1);
            float[][] p = new float[2][N * N];
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    boolean block = x >= 1 && x <= 3 && y >= 1 && y <= 3;
                    p[1][x + N * y] = block ? 0.9f : 0f;
                    p[0][x + N * y] = 1 - p[1][x + N * y];
                }
            }
            byte[] all = new byte[N * N];
            java.util.Arrays.fill(all, (byte) 1);
            RaterReference raters = RaterReference.ofLabelMaps(List.of(all, all.clone()), 2);
            Case c = new Case("t", g, null, all.clone(), new ProbabilityMaps(g, p, 0, List.of("t")),
                    ClassTable.forLabels(0, 1), List.of());
            OverlaySettings o = OverlaySettings.defaults(2).withReference(LayerSetting.off(0.4), true)
                    .withHardContour(LayerSetting.on(1.0), 0).withCrosshair(false);
            AgreementLayer agreement = new AgreementLayer(raters, 1, new AgreementLayer.Style(true, heatOpacity, true,
                    false, 1.0));
            SliceFrame f = new SliceFrame(c, Settings.defaults(2), o, null, new int[] {2, 2, 0}, null, agreement);
            ViewGeometry v = ViewGeometry.of(g, ViewAxis.AXIAL);
            int[] out = new int[N * N];
            SliceAssembly.compose(f, v, 0, new SliceRenderer(), new float[N * N], new float[N * N], out);
            int[] index = new int[N * N];
            Slices.indices(v, 0, index);
            int classColour = c.classes().get(1).argb() | 0xFF000000;
            // q̂ = 1 over black: the heat colour blended by its opacity (256 = 1.0 gives the colour itself)
            int heat = blendOverBlack(AgreementLayer.COLOURS.argb(1.0), (int) Math.round(heatOpacity * 256));
            int contour = 0;
            for (int px = 0; px < N * N; px++) {
                int x = index[px] % N;
                int y = index[px] / N;
                boolean border = x >= 1 && x <= 3 && y >= 1 && y <= 3 && !(x == 2 && y == 2);
                int expected = border ? classColour : heat;
                assertEquals(Integer.toHexString(expected), Integer.toHexString(out[px]),
                        "opacity " + heatOpacity + " voxel (" + x + ", " + y + ")");
                contour += border ? 1 : 0;
            }
            assertEquals(8, contour);
        }
    }

    /** src over opaque black with weight a of 256, channel by channel (rounded down, as integer blending does). */
    private static int blendOverBlack(int src, int a) {
        if (a >= 256) {
            return src | 0xFF000000;
        }
        int r = (src >> 16 & 0xFF) * a >> 8;
        int gr = (src >> 8 & 0xFF) * a >> 8;
        int b = (src & 0xFF) * a >> 8;
        return 0xFF000000 | r << 16 | gr << 8 | b;
    }
}
