package org.dicelens.ui.model;

import javafx.application.Platform;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.app.tasks.UiThread;

/** The app's {@link Tasks}: daemon worker lanes, results on the FX thread, entry points checked to be on it. */
public final class FxTasks {
    private FxTasks() {
    }

    public static UiThread fxThread() {
        return UiThread.of(Platform::runLater, Platform::isFxApplicationThread);
    }

    public static Tasks create() {
        return Tasks.threads(fxThread());
    }
}
