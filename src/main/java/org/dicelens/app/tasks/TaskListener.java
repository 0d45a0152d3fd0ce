package org.dicelens.app.tasks;

/** What a started task reports; every call arrives on the UI thread, and none after the task was cancelled. */
public interface TaskListener<T> {
    default void progress(double fraction, String message) {
    }

    void succeeded(T value);

    void failed(Throwable error);

    /** The task stopped because it was cancelled (no result, no error). */
    default void cancelled() {
    }
}
