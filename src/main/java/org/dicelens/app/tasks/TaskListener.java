package org.dicelens.app.tasks;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** What a started task reports; every call arrives on the UI thread, and none after the task was cancelled. */
public interface TaskListener<T> {
    default void progress(double fraction, String message) {
    }

    void succeeded(T value);

    void failed(Throwable error);

    /** The task stopped because it was cancelled (no result, no error). */
    default void cancelled() {
    }

    /** A listener from its parts ({@code progress} and {@code cancelled} may be null). */
    static <T> TaskListener<T> of(BiConsumer<Double, String> progress, Consumer<T> succeeded,
            Consumer<Throwable> failed, Runnable cancelled) {
        return new TaskListener<>() {
            @Override
            public void progress(double fraction, String message) {
                if (progress != null) {
                    progress.accept(fraction, message);
                }
            }

            @Override
            public void succeeded(T value) {
                succeeded.accept(value);
            }

            @Override
            public void failed(Throwable error) {
                failed.accept(error);
            }

            @Override
            public void cancelled() {
                if (cancelled != null) {
                    cancelled.run();
                }
            }
        };
    }
}
