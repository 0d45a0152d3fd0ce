package org.dicelens.ui;

import static org.dicelens.ui.FxCall.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dicelens.render.EdgeLetters;
import org.dicelens.render.ViewAxis;
import org.dicelens.render.ViewGeometry;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 19, item 10: the exported views are a figure, not 720×240 bare pixels: the slices at the chosen scale, each
 * with its orientation letters in a margin, the evaluation region outlined, and a key below; written atomically.
 */
@ExtendWith(ApplicationExtension.class)
class ExportPngUiTest {
    private static final int M = 22; // ViewExport.MARGIN
    private static final int T = 18; // ViewExport.TITLE
    private ViewerModel vm;
    private MainWindow window;
    private Preferences prefs;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("dicelens-export");
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        prefs = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        window = DiceLensApp.build(stage, vm, new DisplayModel(), new RecentFiles(prefs));
        stage.show();
        vm.open(new UiTestCase(6).write(dir));
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.removeNode();
    }

    private static boolean bright(int argb) {
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return r > 120 && g > 120 && b > 120;
    }

    private static int brightIn(BufferedImage img, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                n += bright(img.getRGB(x, y)) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void theFigureHasTheScaledSlicesLettersRegionAndKey() throws Exception {
        Await.until("case and metrics", () -> fx(() -> vm.current() != null && vm.metricsProperty().get() != null));
        fx(() -> {
            vm.controls().marginProperty().set(1);
            return null;
        });
        Path out = dir.resolve("figure.png");
        double ppm = 12; // 12 px per mm: UiTestCase voxels are 1 × 1 × 2 mm
        int[] size = fx(() -> window.grid().exportPng(out, ppm));
        BufferedImage img = ImageIO.read(out.toFile());
        if (System.getProperty("dicelens.keepExport") != null) {
            Files.copy(out, Path.of(System.getProperty("dicelens.keepExport")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(size[0], img.getWidth());
        assertEquals(size[1], img.getHeight());
        // widths from the grid alone: axial x 10 mm, coronal x 10 mm, sagittal y 9 mm; heights y 9, z 16, z 16 mm
        int[] w = {120, 120, 108};
        int[] h = {108, 192, 192};
        assertEquals(w[0] + w[1] + w[2] + 6 * M, img.getWidth());
        int viewsHeight = 192 + 2 * M + T;
        assertTrue(img.getHeight() > viewsHeight + 40, "a key below the views: " + img.getHeight());
        // the key has text and colour bars: bright pixels below the views
        assertTrue(brightIn(img, 0, viewsHeight, img.getWidth(), img.getHeight()) > 100, "key drawn");

        // letters: the axial view's left letter sits in its left margin, centred on the slice's middle row
        ViewGeometry ax = fx(() -> window.grid().view(ViewAxis.AXIAL).geometry());
        EdgeLetters e = ax.edgeLetters();
        assertTrue("RLAPSI".indexOf(e.left()) >= 0);
        int midY = M + T + h[0] / 2;
        assertTrue(brightIn(img, 2, midY - 8, M - 2, midY + 8) > 8, "left letter " + e.left() + " drawn");
        assertTrue(brightIn(img, w[0] + M + 2, midY - 8, w[0] + 2 * M - 2, midY + 8) > 8, "right letter drawn");
        // the margin's corner holds no letter: the bright pixels above are the letter, not the background
        assertEquals(0, brightIn(img, 0, M + T + h[0] + 2, M - 2, M + T + h[0] + M), "empty corner");

        // the region (foreground x 3..6, y 2..5 grown by 1: x 2..7, y 1..6) outlined on the axial slice's voxel edges
        int region = 0xF0E442;
        int[] sx = {ax.screenX(2, 1, 0), ax.screenX(7, 6, 0)};
        int left = M + Math.min(sx[0], sx[1]) * 12;
        int regionPixels = 0;
        for (int y = M + T; y < M + T + h[0]; y++) {
            regionPixels += (img.getRGB(left, y) & 0xFFFFFF) == region ? 1 : 0;
        }
        assertTrue(regionPixels >= 6 * 12, "outline along the region's left edge: " + regionPixels);

        // written atomically: nothing but the figure (and the case's files) is left in the folder
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary file left");
        }
    }

    /**
     * Item 10's chosen scale: a 2× figure is exactly twice as wide and tall, each slice pixel of the 1× figure is a
     * 2 × 2 block of the same colour, and the letters and key grow with it; the dialog offers 1×, 2×, 4× with their
     * sizes and fits a 1,920 px screen.
     */
    @Test
    void aTwiceFigureDoublesEverySidePixelForPixel() throws Exception {
        Await.until("case and metrics", () -> fx(() -> vm.current() != null && vm.metricsProperty().get() != null));
        Path one = dir.resolve("one.png");
        Path two = dir.resolve("two.png");
        double ppm = 12;
        int[] s1 = fx(() -> window.grid().exportPng(one, ppm, 1));
        int[] s2 = fx(() -> window.grid().exportPng(two, ppm, 2));
        BufferedImage a = ImageIO.read(one.toFile());
        BufferedImage b = ImageIO.read(two.toFile());
        assertEquals(2 * a.getWidth(), b.getWidth());
        assertEquals(2 * a.getHeight(), b.getHeight());
        assertEquals(s2[0], b.getWidth());
        assertEquals(s1[1] * 2, s2[1]);
        // the three slices (widths 120, 120, 108; heights 108, 192, 192 at 1×) sit at x = M + Σ(previous + 2M), y = M + T
        int[] w = {120, 120, 108};
        int[] h = {108, 192, 192};
        int x0 = M;
        int compared = 0;
        for (int v = 0; v < 3; v++) {
            for (int y = 0; y < h[v]; y++) {
                for (int x = 0; x < w[v]; x++) {
                    int c = a.getRGB(x0 + x, M + T + y);
                    for (int d = 0; d < 4; d++) {
                        int bx = 2 * (x0 + x) + (d & 1);
                        int by = 2 * (M + T + y) + (d >> 1);
                        if (c != b.getRGB(bx, by)) {
                            assertEquals(Integer.toHexString(c), Integer.toHexString(b.getRGB(bx, by)),
                                    "view " + v + " pixel " + x + "," + y + " → " + bx + "," + by);
                        }
                    }
                    compared++;
                }
            }
            x0 += w[v] + 2 * M;
        }
        assertEquals(120 * 108 + 120 * 192 + 108 * 192, compared);
        // the axial view's left letter at 2×: in the doubled margin, about four times the bright pixels
        int midY = M + T + h[0] / 2;
        int letter1 = brightIn(a, 2, midY - 10, M - 2, midY + 10);
        int letter2 = brightIn(b, 4, 2 * midY - 20, 2 * M - 4, 2 * midY + 20);
        assertTrue(letter1 > 8 && letter2 > 3 * letter1, "letter pixels 1× " + letter1 + ", 2× " + letter2);
        // the key grows too: bright pixels below the views
        int viewsHeight = 192 + 2 * M + T;
        int key1 = brightIn(a, 0, viewsHeight, a.getWidth(), a.getHeight());
        int key2 = brightIn(b, 0, 2 * viewsHeight, b.getWidth(), b.getHeight());
        assertTrue(key2 > 3 * key1, "key pixels 1× " + key1 + ", 2× " + key2);

        // the dialog: 1×, 2×, 4× with the sizes the grid writes at the views' resolution, narrower than the screen
        var dialog = fx(() -> ExportScaleDialog.create(null, k -> window.grid().exportSize(k)));
        String texts = fx(() -> {
            StringBuilder sb = new StringBuilder();
            for (int k : ExportScaleDialog.SCALES) {
                int[] size = window.grid().exportSize(k);
                var r = (javafx.scene.control.RadioButton) dialog.getDialogPane().lookup("#exportScale-" + k);
                sb.append(r.getText()).append('\n');
                assertTrue(r.getText().contains(String.format(java.util.Locale.ROOT, "%,d × %,d px", size[0], size[1])),
                        r.getText());
            }
            assertTrue(dialog.getDialogPane().prefWidth(-1) < 1000, "fits the screen: " + dialog.getDialogPane()
                    .prefWidth(-1));
            return sb.toString();
        });
        assertTrue(texts.startsWith("1×"), texts);
        int[] at1 = fx(() -> window.grid().exportSize(1));
        int[] at4 = fx(() -> window.grid().exportSize(4));
        assertEquals(4 * at1[0], at4[0]);
        assertEquals(4 * at1[1], at4[1]);
    }
}
