package org.dicelens.ui.model;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.dicelens.common.Progress;

/** Progress for one background job: cancellable, reporting to the view model on the delivery thread. */
final class BackgroundTask implements Progress {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final BiConsumer<Double, String> report;

    BackgroundTask(BiConsumer<Double, String> report) {
        this.report = report;
    }

    void cancel() {
        cancelled.set(true);
    }

    @Override
    public void update(double fraction, String message) {
        if (!cancelled.get()) {
            report.accept(fraction, message);
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}
