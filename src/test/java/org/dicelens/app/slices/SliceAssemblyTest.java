package org.dicelens.app.slices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.dicelens.common.Progress;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassSums;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.GradientKernel;
import org.dicelens.metrics.GradientLoss;
import org.dicelens.metrics.GradientMaps;
import org.dicelens.metrics.GradientWrt;
import org.dicelens.metrics.Settings;
import org.dicelens.render.OverlaySettings;
import org.dicelens.render.SliceInputs;
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
 * The shared assembly draws what the two former copies drew: the `render` command's old route walked the evaluation
 * region as a per-voxel predicate and converted the gradient itself; the assembly walks Ω_m as a box. Every view,
 * slice, margin and loss must give the same pixels.
 */
class SliceAssemblyTest {

    @Test
    void picturesEqualTheFormerCommandLineRoute() {
        Random rnd = new Random(3);
        int nx = 9;
        int ny = 7;
        int nz = 5;
        int n = nx * ny * nz;
        byte[] ref = new byte[n];
        float[][] p = new float[3][n];
        for (int i = 0; i < n; i++) {
            int x = i % nx;
            int y = i / nx % ny;
            int z = i / (nx * ny);
            ref[i] = (byte) (x >= 3 && x <= 5 && y >= 2 && y <= 4 && z >= 1 && z <= 3 ? 1 + rnd.nextInt(2) : 0);
            float a = rnd.nextFloat();
            float b = rnd.nextFloat() * (1 - a);
            p[0][i] = 1 - a - b;
            p[1][i] = a;
            p[2][i] = b;
        }
        Geometry g = Geometry.ofSpacing(nx, ny, nz, 1, 1.5, 2);
        Case c = new Case("t", g, null, ref, new ProbabilityMaps(g, p, 0, List.of("t")), ClassTable.forLabels(0, 1, 2),
                List.of());
        Engine e = Engine.build(c, Progress.NONE);
        OverlaySettings d = OverlaySettings.defaults(3);
        OverlaySettings o = d.withChosenClass(1).withGradient(d.gradient().withOn(true), d.gradientLimit())
                .withRegion(d.region().withOn(true)).withDiceOptimal(d.diceOptimal().withOn(true))
                .withHardContour(d.hardContour().withOn(true), d.hardContourArgb()).withCrosshair(false);
        int compared = 0;
        for (int margin : new int[] {0, 1, Settings.WHOLE_VOLUME}) {
            Settings s = Settings.defaults(3).withMargin(margin);
            CaseMetrics m = e.evaluate(s);
            for (GradientLoss loss : GradientLoss.values()) {
                SliceFrame f = new SliceFrame(c, s, o, SliceInputs.none().withRegion(SliceAssembly.region(e.region(), s))
                        .withDiceOptimalThreshold(SliceAssembly.diceOptimalThreshold(m, 1)), null,
                        SliceAssembly.gradient(e, s, SliceAssembly.gdlWeights(m), 1, loss, GradientWrt.PROBABILITY));
                for (ViewAxis axis : ViewAxis.values()) {
                    ViewGeometry v = ViewGeometry.of(g, axis);
                    for (int slice = 0; slice < v.sliceCount(); slice++) {
                        int len = v.width() * v.height();
                        int[] shared = new int[len];
                        SliceAssembly.compose(f, v, slice, new SliceRenderer(), new float[len], new float[len], shared);
                        int[] former = formerRoute(c, e, s, m, o, v, slice, loss);
                        assertArrayEquals(former, shared, axis + " slice " + slice + " margin " + margin + " " + loss);
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 50);
    }

    @Test
    void regionIsNullForTheWholeVolume() {
        Geometry g = Geometry.ofSpacing(2, 2, 1, 1, 1, 1);
        Case c = new Case("t", g, null, new byte[4], new ProbabilityMaps(g, new float[][] {{1, 1, 1, 1}, {0, 0, 0, 0}}, 0,
                List.of("t")), ClassTable.forLabels(0, 1), List.of());
        Engine e = Engine.build(c, Progress.NONE);
        // no foreground to grow a box from: every margin is the whole volume
        assertFalse(SliceAssembly.region(e.region(), Settings.defaults(2).withMargin(0)) != null);
        assertFalse(SliceAssembly.region(e.region(), Settings.defaults(2)) != null);
    }

    /** The `render` command's assembly before it was shared (per-voxel predicate region, its own conversion). */
    private static int[] formerRoute(Case c, Engine e, Settings s, CaseMetrics m, OverlaySettings o, ViewGeometry v,
            int slice, GradientLoss loss) {
        IntPredicate region = null;
        if (s.margin() != Settings.WHOLE_VOLUME && e.region().hasForeground()) {
            int mg = s.margin();
            region = i -> e.region().contains(i, mg);
        }
        ClassSums[] sums = new ClassSums[c.classCount()];
        double[] weights = new double[sums.length];
        for (int l = 0; l < sums.length; l++) {
            sums[l] = e.sums(s, l);
            weights[l] = m.classes().get(l).gdlWeight();
        }
        GradientKernel k = GradientKernel.of(loss, 1, sums, s.losses(), weights);
        float[] axisOrder = new float[v.width() * v.height()];
        GradientMaps.slice(c, k, GradientWrt.PROBABILITY, region, v.sliceAxis(), slice, axisOrder);
        float[] screen = new float[axisOrder.length];
        Slices.fromAxisOrder(axisOrder, v, screen);
        SliceInputs in = SliceInputs.none().withRegion(region)
                .withDiceOptimalThreshold(m.classes().get(1).diceOptimalThreshold()).withGradient(screen);
        int[] out = new int[axisOrder.length];
        new SliceRenderer().render(c, v, slice, s, o, in, out);
        return out;
    }
}
