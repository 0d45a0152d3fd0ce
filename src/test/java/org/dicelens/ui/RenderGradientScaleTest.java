package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.slices.SliceAssembly;
import org.dicelens.app.slices.SliceFrame;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.cli.DiceLensCommand;
import org.dicelens.metrics.GradientLoss;
import org.dicelens.render.Colormap;
import org.dicelens.render.SliceRenderer;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.GradientScaleModel;
import org.dicelens.ui.model.OverlayModel;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.ui.slices.FrameBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 5 for the command line: `render`'s gradient map uses the viewer's one scale for the volume (the
 * 99th percentile of |∂L/∂z| over the region), so a pixel has the colour the viewer gives it; `--gradient-scale S`
 * fixes the scale.
 */
class RenderGradientScaleTest {
    private static final int SLICE = 1;
    @TempDir
    Path dir;
    private final ViewerModel vm = new ViewerModel(Tasks.direct(), AppWiring.reader(), AppWiring.factory());
    private final DisplayModel display = new DisplayModel();
    private CaseFiles files;
    private OverlayModel o;

    @BeforeEach
    void open() throws Exception {
        files = new UiTestCase(3).write(dir);
        vm.open(files);
        o = display.overlays();
        for (OverlayModel.Layer l : OverlayModel.Layer.values()) {
            o.layer(l).enabled.set(l == OverlayModel.Layer.GRADIENT);
        }
        o.layer(OverlayModel.Layer.GRADIENT).opacity.set(0.8); // the render command's opacity
        o.gradientLoss.set(GradientLoss.SOFT_DICE);
        o.gradientWrtLogit.set(true); // varies per voxel, so the scale matters
        vm.controls().selectedClassProperty().set(1);
        vm.controls().marginProperty().set(1);
        display.windowLowProperty().set(0);
        display.windowHighProperty().set(400);
        display.crosshair().reset(vm.current().data().geometry());
        display.crosshair().axisProperty(2).set(SLICE);
    }

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    /** Runs `render` on the case's files; returns {image, stderr}. */
    private Object[] render(String overlays, String... extra) throws Exception {
        Path png = dir.resolve("slice-" + System.nanoTime() + ".png");
        List<String> args = new ArrayList<>(List.of("render", "--reference", files.reference().toString(),
                "--prediction", files.predictions().get(0).toString(), "--image", files.image().toString(),
                "--axis", "axial", "--slice", String.valueOf(SLICE), "--class", "1", "--margin", "1",
                "--window", "0,400", "--overlays", overlays, "--gradient-loss", "soft-dice", "--gradient-wrt", "logit",
                "--out", png.toString()));
        args.addAll(List.of(extra));
        var cl = DiceLensCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute(args.toArray(String[]::new));
        assertEquals(0, code, err.toString());
        return new Object[] {ImageIO.read(png.toFile()), err.toString()};
    }

    /** The viewer's axial slice for the current state (its frame, its composition). */
    private int[] viewer() {
        SliceFrame f = FrameBuilder.build(vm, display, null);
        ViewGeometry g = ViewGeometry.of(vm.current().data().geometry(), ViewAxis.AXIAL);
        int n = g.width() * g.height();
        int[] out = new int[n];
        SliceAssembly.compose(f, g, SLICE, new SliceRenderer(), new float[n], new float[n], out);
        return out;
    }

    private static int differing(BufferedImage img, int[] px) {
        int w = img.getWidth();
        int bad = 0;
        for (int i = 0; i < px.length; i++) {
            bad += (img.getRGB(i % w, i / w) | 0xFF000000) != (px[i] | 0xFF000000) ? 1 : 0;
        }
        return bad;
    }

    @Test
    void everyPixelHasTheViewersColourAndTheScaleIsPrinted() throws Exception {
        new GradientScaleModel(vm, o);
        double scale = o.gradientScale.get();
        assertTrue(scale > 0, "the viewer's scale: " + scale);
        Object[] r = render("gradient");
        BufferedImage img = (BufferedImage) r[0];
        assertEquals(UiTestCase.NX, img.getWidth());
        assertEquals(UiTestCase.NY, img.getHeight());
        assertEquals(0, differing(img, viewer()), "render = the viewer's picture under its one scale");
        assertTrue(((String) r[1]).contains(String.format(Locale.ROOT, "gradient scale %.6g (99th", scale)), (String) r[1]);
        // the comparison can fail: scaled by the slice's own largest value (the old render) many pixels differ
        o.gradientScale.set(Double.NaN);
        int per = differing(img, viewer());
        assertTrue(per > 10, "per-slice scaling gives other colours: " + per + " of " + img.getWidth() * img.getHeight());
    }

    @Test
    void aFixedScaleColoursAPixelByHand() throws Exception {
        new GradientScaleModel(vm, o);
        double fixed = 3 * o.gradientScale.get();
        BufferedImage img = (BufferedImage) render("gradient", "--gradient-scale", Double.toString(fixed))[0];
        BufferedImage base = (BufferedImage) render("none")[0];
        // the engine's gradient on this slice (screen order), as the viewer fills it
        SliceFrame f = FrameBuilder.build(vm, display, null);
        ViewGeometry g = ViewGeometry.of(vm.current().data().geometry(), ViewAxis.AXIAL);
        float[] axis = new float[g.width() * g.height()];
        float[] screen = new float[axis.length];
        assertTrue(f.gradient().fill(g.sliceAxis(), SLICE, axis));
        org.dicelens.render.Slices.fromAxisOrder(axis, g, screen);
        int checked = 0;
        for (int i = 0; i < screen.length; i++) {
            if (screen[i] == 0) {
                assertEquals(base.getRGB(i % g.width(), i / g.width()), img.getRGB(i % g.width(), i / g.width()));
                continue;
            }
            // t = g / S; colour BLUE_WHITE_RED(0.5 + 0.5 t) over the image at weight ⌊205·|t| + 0.5⌋ (205 = 0.8·256)
            double t = screen[i] / fixed;
            int src = Colormap.BLUE_WHITE_RED.argb(0.5 + 0.5 * Math.max(-1, Math.min(1, t)));
            int a = (int) (205 * Math.min(1, Math.abs(t)) + 0.5);
            int dst = base.getRGB(i % g.width(), i / g.width());
            int expected = 0xFF000000;
            for (int shift = 0; shift <= 16; shift += 8) {
                int ch = ((src >> shift & 0xFF) * a + (dst >> shift & 0xFF) * (256 - a)) >> 8;
                expected |= ch << shift;
            }
            assertEquals(Integer.toHexString(expected), Integer.toHexString(img.getRGB(i % g.width(), i / g.width())),
                    "pixel " + i + " g = " + screen[i]);
            checked++;
        }
        assertTrue(checked > 20, "gradient pixels checked: " + checked);
        // and the viewer with "fix scale" at the same value draws the same
        o.gradientScale.set(fixed);
        assertEquals(0, differing(img, viewer()));
    }
}
