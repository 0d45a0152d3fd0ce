package org.dicelens.app.tasks;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.dicelens.common.Progress;

/** One running task: its progress sink and cancellation flag, which the work polls. */
public final class TaskHandle implements Progress {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final BiConsumer<Double, String> report;

    TaskHandle(BiConsumer<Double, String> report) {
        this.report = report;
    }

    /** Asks the work to stop at its next check; its listener hears {@code cancelled()} and nothing else. */
    public void cancel() {
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
