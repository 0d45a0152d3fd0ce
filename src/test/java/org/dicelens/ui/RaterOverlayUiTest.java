package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.dicelens.ui.FxCall.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.slices.SliceFrame;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.render.AgreementLayer;
import org.dicelens.render.SliceInputs;
import org.dicelens.render.SliceRenderer;
import org.dicelens.render.Slices;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.OverlayModel;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.ui.slices.FrameBuilder;
import org.dicelens.ui.slices.SliceView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The agreement overlay in the real window (headless): the toggle switches it, the view then shows, on every voxel
 * some rater marks as the chosen class, the colour of (raters marking it)/K blended over the picture without the
 * overlay (counted here from the raters' arrays), and the legend names the ends it uses.
 */
@ExtendWith(ApplicationExtension.class)
class RaterOverlayUiTest {
    private static final int K = 3;
    private final UiTestCase tc = new UiTestCase(4);
    private final int[][] raters = new int[K][UiTestCase.N];
    private ViewerModel vm;
    private MainWindow window;
    private Preferences prefs;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("dicelens-raters-ui");
        Random rnd = new Random(9);
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < K; k++) {
            float[] l = new float[UiTestCase.N];
            for (int i = 0; i < UiTestCase.N; i++) {
                raters[k][i] = k > 0 && rnd.nextInt(4) == 0 ? rnd.nextInt(3) : tc.labels[i];
                l[i] = raters[k][i];
            }
            Path f = dir.resolve("rater_" + (k + 1) + ".nii.gz");
            NiftiWriter.write(f, UiTestCase.header(), NiftiDatatype.UINT8, l);
            files.add(f);
        }
        CaseFiles c = tc.write(dir).withRaters(files);
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        prefs = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        window = DiceLensApp.build(stage, vm, new DisplayModel(), new RecentFiles(prefs));
        stage.show();
        vm.open(c);
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.removeNode();
    }


    private int[] shown() {
        return fx(() -> window.grid().view(ViewAxis.AXIAL).pixels().clone());
    }

    /** The axial slice as composed with the agreement overlay, the underlying picture without it, and voxel indices. */
    private int[][] expectedAndBase() {
        return fx(() -> {
            SliceView v = window.grid().view(ViewAxis.AXIAL);
            ViewGeometry g = v.geometry();
            SliceFrame f = FrameBuilder.build(vm, window.display(),
                    SliceInputs.none().withRegion(vm.current().analysis().region(vm.controls().toSettings())));
            int[] x = f.crosshair();
            int slice = g.sliceOf(x[0], x[1], x[2]);
            int[] base = new int[g.width() * g.height()];
            new SliceRenderer().render(f.data(), g, slice, f.settings(), f.overlays(), f.inputs(), base);
            int[] index = new int[base.length];
            Slices.indices(g, slice, index);
            return new int[][] {base, index};
        });
    }

    /** src over dst with weight a of 256, rounded down per channel (the compositor's integer blend). */
    private static int blend(int dst, int src, int a) {
        int r = ((src >> 16 & 0xFF) * a + (dst >> 16 & 0xFF) * (256 - a)) >> 8;
        int g = ((src >> 8 & 0xFF) * a + (dst >> 8 & 0xFF) * (256 - a)) >> 8;
        int b = ((src & 0xFF) * a + (dst & 0xFF) * (256 - a)) >> 8;
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    @Test
    void toggleDrawsRaterCountsOverTheViewAndTheLegendNamesThem(FxRobot robot) {
        Await.until("the case with raters", () -> fx(() -> vm.current() != null && vm.current().raters() != null
                && vm.metricsProperty().get() != null));
        OverlayModel o = window.display().overlays();
        fx(() -> {
            o.layer(OverlayModel.Layer.CONSENSUS).enabled.set(false);
            // the contours (reference, hard mask, region) are drawn over the agreement heat map (AgreementOrderTest):
            // with them off, the heat map is the top layer and each pixel is its colour blended over the picture below
            for (OverlayModel.Layer l : List.of(OverlayModel.Layer.REFERENCE, OverlayModel.Layer.HARD,
                    OverlayModel.Layer.REGION, OverlayModel.Layer.DICE_OPTIMAL)) {
                o.layer(l).enabled.set(false);
            }
            return null;
        });
        assertTrue(fx(() -> o.on(OverlayModel.Layer.AGREEMENT)), "a case with raters shows their agreement");
        robot.clickOn("#overlay-AGREEMENT");
        assertTrue(fx(() -> !o.on(OverlayModel.Layer.AGREEMENT)), "the toggle switched it off");
        int[] off = expectedAndBase()[0];
        Await.until("the view without the overlay", () -> java.util.Arrays.equals(shown(), off));

        robot.clickOn("#overlay-AGREEMENT");
        int[][] eb = expectedAndBase();
        int[] base = eb[0];
        int[] index = eb[1];
        int c = fx(() -> vm.selectedChannel());
        int w = (int) Math.round(fx(() -> o.opacity(OverlayModel.Layer.AGREEMENT)) * 256);
        int[] expected = new int[base.length];
        int painted = 0;
        for (int p = 0; p < base.length; p++) {
            int m = 0;
            for (int k = 0; k < K; k++) {
                m += raters[k][index[p]] == c ? 1 : 0;
            }
            expected[p] = m == 0 ? base[p] : blend(base[p], AgreementLayer.COLOURS.argb(m / (double) K), w);
            painted += m > 0 ? 1 : 0;
        }
        assertTrue(painted > 0, "the slice shows voxels of the chosen class");
        Await.until("the view with the agreement overlay", () -> java.util.Arrays.equals(shown(), expected));

        assertEquals(List.of("1", K + " raters"), legendEnds(robot));
        robot.clickOn("#agreementAsQHat");
        Await.until("the legend in q̂", () -> List.of("q̂ 0", "1").equals(legendEnds(robot)));
    }

    private List<String> legendEnds(FxRobot robot) {
        return fx(() -> {
            HBox legend = robot.lookup("#agreementLegend").queryAs(HBox.class);
            return List.of(((Label) legend.getChildren().get(0)).getText(),
                    ((Label) legend.getChildren().get(2)).getText());
        });
    }
}
