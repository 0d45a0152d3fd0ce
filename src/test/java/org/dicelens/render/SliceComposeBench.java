package org.dicelens.render;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;
import org.dicelens.volume.Case;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ImageVolume;
import org.dicelens.volume.ProbabilityMaps;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Slice compose time of a 256×256×256, 4-class case with every overlay on (docs/perf/render.md).
 * Run: java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main SliceComposeBench
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class SliceComposeBench {
    @Param({"AXIAL", "CORONAL", "SAGITTAL"})
    public String view;

    @Param({"THRESHOLD", "ARGMAX"})
    public String mode;

    private Case c;
    private ViewGeometry v;
    private SliceRenderer renderer;
    private OverlaySettings overlays;
    private Settings settings;
    private SliceInputs inputs;
    private int[] out;
    private int[] display;
    private int slice;

    @Setup(Level.Trial)
    public void setUp() {
        int n = 256;
        Geometry g = Geometry.ofSpacing(n, n, n, 1, 1, 1);
        int voxels = g.voxelCount();
        float[] img = new float[voxels];
        byte[] ref = new byte[voxels];
        float[][] p = new float[4][voxels];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int z = 0, i = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++, i++) {
                    double r = Math.sqrt(sq(x - 128) + sq(y - 128) + sq(z - 128));
                    double a = 1 / (1 + Math.exp((r - 100) / 3)); // head
                    double b = 1 / (1 + Math.exp((r - 60) / 3)); // inner tissue
                    double l = 1 / (1 + Math.exp((Math.sqrt(sq(x - 150) + sq(y - 100) + sq(z - 128)) - 12) / 2));
                    p[3][i] = (float) (l * b);
                    p[2][i] = (float) (b * (1 - l));
                    p[1][i] = (float) (a * (1 - b));
                    p[0][i] = 1 - p[1][i] - p[2][i] - p[3][i];
                    double u = rnd.nextDouble();
                    ref[i] = (byte) (u < p[3][i] ? 3 : u < p[3][i] + p[2][i] ? 2 : u < 1 - p[0][i] ? 1 : 0);
                    img[i] = (float) (100 * p[1][i] + 180 * p[2][i] + 250 * p[3][i] + 10 * rnd.nextGaussian());
                }
            }
        }
        c = new Case("bench", g, new ImageVolume(g, img, null), ref, new ProbabilityMaps(g, p, 0, List.of()),
                ClassTable.forLabels(0, 1, 2, 3), new ArrayList<>());
        v = ViewGeometry.of(g, ViewAxis.valueOf(view));
        slice = 128;
        renderer = new SliceRenderer();
        overlays = OverlaySettings.defaults(4).withWindow(0, 255).withReference(LayerSetting.on(0.4), true)
                .withProbability(LayerSetting.on(0.5), Colormap.VIRIDIS, 0.05).withHardContour(LayerSetting.on(1), 0)
                .withErrors(LayerSetting.on(0.6)).withGradient(LayerSetting.on(0.7), 0).withDiceOptimal(LayerSetting.on(1))
                .withRegion(LayerSetting.on(1)).withChosenClass(3);
        settings = Settings.defaults(4).withMode(HardMode.valueOf(mode), 300);
        float[] grad = new float[v.width() * v.height()];
        for (int i = 0; i < grad.length; i++) {
            grad[i] = (float) rnd.nextGaussian();
        }
        RegionBox box = RegionBox.foreground(ref, g, 0).grow(10, g);
        inputs = new SliceInputs(grad, 0.42, box.asPredicate(g));
        out = new int[v.width() * v.height()];
        display = new int[768 * 768];
    }

    /**
     * Load-independent figures: median thread CPU time per operation (ThreadMXBean), for machines too busy for
     * wall-clock numbers. Run: java -cp … org.dicelens.render.SliceComposeBench
     */
    public static void main(String[] args) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        System.out.println("view\tmode\toperation\tmedian CPU ms\tp90 CPU ms");
        for (String m : new String[] {"THRESHOLD", "ARGMAX"}) {
            for (String vw : new String[] {"AXIAL", "CORONAL", "SAGITTAL"}) {
                SliceComposeBench b = new SliceComposeBench();
                b.view = vw;
                b.mode = m;
                b.setUp();
                String[] ops = {"compose (new slice)", "recompose (new threshold)", "recompose (one class's threshold)",
                    "compose+zoom 768+crosshair"};
                for (int op = 0; op < ops.length; op++) {
                    int reps = 200;
                    long[] t = new long[reps];
                    for (int r = -100; r < reps; r++) { // 100 warm-up calls
                        long t0 = mx.getCurrentThreadCpuTime();
                        int x = switch (op) {
                            case 0 -> b.compose();
                            case 1 -> b.recomposeNewThreshold();
                            case 2 -> b.recomposeOneClass();
                            default -> b.composeZoomCrosshair();
                        };
                        long t1 = mx.getCurrentThreadCpuTime();
                        if (r >= 0) {
                            t[r] = t1 - t0 + (x == 42 ? 1 : 0);
                        }
                    }
                    java.util.Arrays.sort(t);
                    System.out.printf(java.util.Locale.ROOT, "%s\t%s\t%s\t%.2f\t%.2f%n", vw, m, ops[op], t[reps / 2] / 1e6,
                            t[reps * 9 / 10] / 1e6);
                }
            }
        }
    }

    private static double sq(double d) {
        return d * d;
    }

    /** Slice compose with every overlay at slice resolution (256×256). */
    @Benchmark
    public int compose() {
        slice = slice == 128 ? 129 : 128;
        renderer.render(c, v, slice, settings, overlays, inputs, out);
        return out[out.length / 2];
    }

    /** A threshold change on the same slice: compose only (the extracted slice is reused). */
    @Benchmark
    public int recomposeNewThreshold() {
        settings = settings.withThresholdSteps(settings.thresholdSteps()[1] == 500 ? new int[] {500, 501, 501, 501}
                : new int[] {500, 500, 500, 500});
        renderer.render(c, v, 128, settings, overlays, inputs, out);
        return out[out.length / 2];
    }

    /** A drag of one class's threshold (class 1; the chosen class is 3): what each step of a slider drag costs. */
    @Benchmark
    public int recomposeOneClass() {
        int[] t = settings.thresholdSteps();
        t[1] = t[1] == 500 ? 501 : 500;
        settings = settings.withThresholdSteps(t);
        renderer.render(c, v, 128, settings, overlays, inputs, out);
        return out[out.length / 2];
    }

    /** Compose plus nearest-neighbour zoom to 768×768 and the crosshair: what a repaint costs. */
    @Benchmark
    public int composeZoomCrosshair() {
        slice = slice == 128 ? 129 : 128;
        renderer.render(c, v, slice, settings, overlays, inputs, out);
        Zoom.nearest(out, v.width(), v.height(), display, 768, 768);
        Crosshair.draw(display, 768, 768, 300, 400, OverlayColours.CROSSHAIR, 4);
        return display[12345];
    }
}
