package org.dicelens.ui.bench;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * The platform's floor for {@link UiLatencyBench}'s "on screen" figure: a window of the viewer's size with nothing in it
 * but one label and three slice-sized pixel buffers. Each step sets the label's text (and, unless {@code
 * -Dfloor.images=false}, fills the three buffers with a new colour) and measures, with the same render-queue probe,
 * the time until that frame is painted and uploaded. Whatever the viewer needs beyond this is its own. Not a unit
 * test: run by hand (docs/perf/ui.md). Arguments: [width] [height] [steps].
 */
public final class FloorBench extends Application {
    private static final int VIEW_W = 332;
    private static final int VIEW_H = 377; // one slice view of the viewer at 1600 × 1000
    static int width = 1600;
    static int height = 1000;
    static int steps = 200;

    /** Started through {@link Launcher} so JavaFX runs from the class path. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            FloorBench.main(args);
        }
    }

    public static void main(String[] args) {
        if (args.length > 1) {
            width = Integer.parseInt(args[0]);
            height = Integer.parseInt(args[1]);
        }
        if (args.length > 2) {
            steps = Integer.parseInt(args[2]);
        }
        org.dicelens.ui.RenderSettings.apply(); // the viewer's pulse rate and dirty-region count
        launch(FloorBench.class);
    }

    @Override
    public void start(Stage stage) {
        boolean images = !"false".equals(System.getProperty("floor.images"));
        Pane root = new Pane();
        root.setStyle("-fx-background-color: #f4f4f4;");
        Label label = new Label("0");
        label.relocate(width * 0.75, 100);
        root.getChildren().add(label);
        List<PixelBuffer<IntBuffer>> buffers = new ArrayList<>();
        List<int[]> pixels = new ArrayList<>();
        for (int v = 0; v < 3; v++) {
            int[] p = new int[VIEW_W * VIEW_H];
            PixelBuffer<IntBuffer> b = new PixelBuffer<>(VIEW_W, VIEW_H, IntBuffer.wrap(p),
                    PixelFormat.getIntArgbPreInstance());
            Pane box = new Pane(new ImageView(new WritableImage(b)));
            box.setStyle("-fx-background-color: black;"); // opaque, as the viewer's views
            box.resizeRelocate(291 + (v % 2) * 334, 25 + (v / 2) * 379, VIEW_W, VIEW_H);
            root.getChildren().add(box);
            buffers.add(b);
            pixels.add(p);
        }
        stage.setScene(new Scene(root, width, height));
        stage.show();
        Thread t = new Thread(() -> run(stage, label, images, buffers, pixels), "floor-bench");
        t.setDaemon(true);
        t.start();
    }

    private static void run(Stage stage, Label label, boolean images, List<PixelBuffer<IntBuffer>> buffers,
            List<int[]> pixels) {
        try {
            Thread.sleep(2000);
            java.util.Random jitter = new java.util.Random(1);
            List<Long> onScreen = new ArrayList<>();
            for (int s = 0; s < steps + 20; s++) {
                int step = s;
                long[] t0 = new long[1];
                CountDownLatch done = new CountDownLatch(1);
                Platform.runLater(() -> {
                    Runnable[] pulse = new Runnable[1];
                    pulse[0] = () -> {
                        stage.getScene().removePostLayoutPulseListener(pulse[0]);
                        // as UiLatencyBench: after this pulse, a render job, then an FX runnable after the upload
                        Platform.runLater(() -> UiLatencyBench.renderQueue().execute(() -> Platform.runLater(() -> {
                            onScreen.add(System.nanoTime() - t0[0]);
                            done.countDown();
                        })));
                    };
                    stage.getScene().addPostLayoutPulseListener(pulse[0]);
                    t0[0] = System.nanoTime();
                    label.setText("value " + step);
                    if (images) {
                        for (int v = 0; v < 3; v++) {
                            Arrays.fill(pixels.get(v), 0xFF000000 | (step * 40 + v * 70) << 8 & 0xFFFF00);
                            buffers.get(v).updateBuffer(b -> null);
                        }
                    }
                });
                done.await();
                // a varying pause: with a fixed one, steps lock to one phase of the pulse clock (seen: 4.9 vs 10.6 ms)
                Thread.sleep(30 + jitter.nextInt(17));
            }
            List<Long> x = new ArrayList<>(onScreen.subList(20, onScreen.size())); // the first warm the JIT
            Collections.sort(x);
            System.out.printf(Locale.ROOT, "%d steps, %dx%d window, images %s, pulses up to %s/s: event → on screen "
                    + "median %.2f ms, p90 %.2f ms%n", x.size(), width, height, images,
                    System.getProperty("javafx.animation.pulse"), x.get(x.size() / 2) / 1e6, x.get(x.size() * 9 / 10) / 1e6);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.runLater(Platform::exit);
    }
}
