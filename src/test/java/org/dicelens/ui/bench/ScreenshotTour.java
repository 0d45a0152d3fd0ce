package org.dicelens.ui.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dicelens.render.ViewAxis;
import org.dicelens.ui.AppWiring;
import org.dicelens.ui.DefaultCase;
import org.dicelens.ui.DiceLensApp;
import org.dicelens.ui.MainWindow;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.OverlayModel;
import org.dicelens.ui.model.ViewerModel;

/**
 * Opens the default case and saves a snapshot of the window after each of a few steps (every tab, overlays, a
 * maximised view) into the folder given as argument, to look at what the viewer shows. Run by hand, not a test.
 */
public final class ScreenshotTour extends Application {
    private static String out = "/tmp";

    /** Started through this launcher so JavaFX runs from the class path. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            if (args.length > 0) {
                out = args[0];
            }
            Application.launch(ScreenshotTour.class);
        }
    }

    @Override
    public void start(Stage stage) {
        ViewerModel vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        DisplayModel d = new DisplayModel();
        MainWindow w = DiceLensApp.build(stage, vm, d,
                new RecentFiles(java.util.prefs.Preferences.userRoot().node("org/dicelens/tour")));
        stage.show();
        List<Runnable> steps = new ArrayList<>();
        String[] tabs = {"weights", "losses", "calibration"};
        for (int t = 1; t <= 3; t++) {
            int tab = t;
            steps.add(() -> w.tabs().getSelectionModel().select(tab));
            steps.add(() -> shot(stage, "tour-" + tabs[tab - 1]));
        }
        steps.add(() -> {
            w.tabs().getSelectionModel().select(0);
            d.overlays().layer(OverlayModel.Layer.ERRORS).enabled.set(true);
            d.overlays().layer(OverlayModel.Layer.PROBABILITY).enabled.set(false);
            d.overlays().layer(OverlayModel.Layer.DICE_OPTIMAL).enabled.set(true);
            vm.controls().marginProperty().set(4);
        });
        steps.add(() -> shot(stage, "tour-errors"));
        steps.add(() -> {
            d.overlays().layer(OverlayModel.Layer.ERRORS).enabled.set(false);
            d.overlays().layer(OverlayModel.Layer.GRADIENT).enabled.set(true);
            d.overlays().gradientWrtLogit.set(true);
            d.maximisedProperty().set(ViewAxis.AXIAL);
        });
        steps.add(() -> shot(stage, "tour-gradient"));
        steps.add(() -> {
            d.overlays().layer(OverlayModel.Layer.GRADIENT).enabled.set(false);
            d.overlays().layer(OverlayModel.Layer.PROBABILITY).enabled.set(true);
            d.maximisedProperty().set(null);
            vm.controls().marginProperty().set(-1);
        });
        steps.add(() -> shot(stage, "tour-default"));
        steps.add(Platform::exit);
        vm.metricsProperty().addListener((o, a, m) -> {
            if (a == null && m != null) {
                new Thread(() -> {
                    for (Runnable r : steps) {
                        sleep(2500);
                        Platform.runLater(r);
                    }
                }).start();
            }
        });
        vm.open(DefaultCase.find());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void shot(Stage stage, String name) {
        WritableImage img = stage.getScene().snapshot(null);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File(out, name + ".png"));
        } catch (java.io.IOException e) {
            System.err.println("could not write " + name + ": " + e.getMessage());
        }
    }
}
