package org.dicelens.ui;

import java.util.function.Consumer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.ViewerModel;

/** The JavaFX application: builds the window on the view models and opens the default case in the background. */
public final class DiceLensApp extends Application {
    private static volatile Consumer<Started> startListener;
    /** The case to open at start (from the command line), or null for the default case. */
    private static volatile CaseFiles initialCase;
    /** The cohort to open at start ({references, predictions, comparison or null, class table or null}), or null. */
    private static volatile java.nio.file.Path[] initialCohort;
    private ViewerModel vm;

    /** What {@link #start(Stage)} built, handed to a start listener. */
    public record Started(Stage stage, ViewerModel vm, MainWindow window) {
    }

    /**
     * Observes the real start path (the startup benchmark): {@code l} runs on the FX thread once the window is built,
     * before the default case is opened and the stage shown, so it can watch every step from there on.
     */
    public static void setStartListener(Consumer<Started> l) {
        startListener = l;
    }

    /** Starts the viewer on {@code c} (null: the default case); returns when the window closes. */
    public static void launchCase(CaseFiles c) {
        initialCase = c;
        launchApp(new String[0]);
    }

    /** Starts the viewer on the default case with a cohort loading over it; returns when the window closes. */
    public static void launchCohort(java.nio.file.Path referenceDir, java.nio.file.Path predictionDir,
            java.nio.file.Path compareDir, java.nio.file.Path labels) {
        initialCohort = new java.nio.file.Path[] {referenceDir, predictionDir, compareDir, labels};
        launchApp(new String[0]);
    }

    public static void launchApp(String[] args) {
        RenderSettings.apply();
        Application.launch(DiceLensApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        vm = new ViewerModel(org.dicelens.ui.model.FxTasks.create(), AppWiring.reader(), AppWiring.factory());
        DisplayModel display = new DisplayModel();
        MainWindow window = build(stage, vm, display);
        Consumer<Started> l = startListener;
        if (l != null) {
            l.accept(new Started(stage, vm, window));
        }
        CaseFiles first = initialCase;
        if (first != null && first.phantom() == null && first.folder() != null && !first.hasFiles()) {
            // a folder named on the command line: opened as File ▸ Open case folder does (the role picker may ask)
            javafx.application.Platform.runLater(() -> {
                if (!window.files().openFolder(first.folder())) {
                    vm.open(DefaultCase.find());
                }
            });
        } else {
            vm.open(first != null ? first : DefaultCase.find());
        }
        java.nio.file.Path[] cohort = initialCohort;
        if (cohort != null) {
            window.cohort().open(cohort[0], cohort[1], cohort[2], cohort[3]);
        }
        stage.setOnHidden(e -> vm.shutdown());
        stage.show();
        window.grid().repaint();
    }

    /** The window on a stage; shared with the UI tests, which pass their own view model. */
    public static MainWindow build(Stage stage, ViewerModel vm, DisplayModel display) {
        return build(stage, vm, display, RecentFiles.forUser());
    }

    /** As {@link #build(Stage, ViewerModel, DisplayModel)} with a given recent-files store. */
    public static MainWindow build(Stage stage, ViewerModel vm, DisplayModel display, RecentFiles recent) {
        MainWindow window = new MainWindow(vm, display, recent, stage,
                () -> vm.open(DefaultCase.find()), () -> vm.open(CaseFiles.ofPhantom(DefaultCase.PHANTOM)), stage::close);
        vm.problemProperty().addListener((o, a, p) -> {
            if (p != null) {
                Dialogs.error(stage, p).show();
            }
        });
        vm.currentProperty().addListener((o, a, lc) -> stage.setTitle(lc == null ? "DiceLens"
                : WindowTitle.of(lc.files(), lc.data().name())));
        // fit the screen (a laptop, or the 1280×800 headless screen of the UI tests)
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        scene.getStylesheets().add(DiceLensApp.class.getResource("dicelens.css").toExternalForm());
        stage.setTitle("DiceLens");
        stage.getIcons().setAll(AppIcon.images());
        stage.setScene(scene);
        return window;
    }
}
