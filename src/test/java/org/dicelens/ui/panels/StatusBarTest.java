package org.dicelens.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.dicelens.ui.AppWiring;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The load progress in the status line: shown while a load of unknown length runs, without an endless animation. */
@ExtendWith(ApplicationExtension.class)
class StatusBarTest {
    private final CountDownLatch reading = new CountDownLatch(1);
    private ViewerModel vm;
    private StatusBar status;

    @Start
    void start(Stage stage) {
        // a reader that reports nothing and ends only when cancelled: the fraction stays unknown (-1)
        vm = new ViewerModel(Platform::runLater, (f, progress) -> {
            reading.countDown();
            while (true) {
                progress.checkCancelled();
                Thread.onSpinWait();
            }
        }, AppWiring.factory());
        status = new StatusBar(vm);
        stage.setScene(new Scene(status, 600, 40));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    @Test
    void aLoadOfUnknownLengthShowsAnEmptyBarNotAnAnimation() throws Exception {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> vm.open(CaseFiles.ofPhantom("endless")));
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        ProgressBar bar = (ProgressBar) status.lookup(".progress-bar");
        assertTrue(vm.loadingProperty().get());
        assertEquals(-1, vm.progressProperty().get(), 0, "the model's fraction is unknown");
        assertTrue(bar.isVisible(), "the bar shows that a load runs");
        // JavaFX animates an indeterminate bar at every pulse: software-rendered at 120 Hz that is 70 % of a core
        assertFalse(bar.isIndeterminate(), "indeterminate bar");
        assertEquals(0, bar.getProgress(), 0);
        WaitForAsyncUtils.waitForAsyncFx(10_000, vm::cancelLoad);
    }
}
