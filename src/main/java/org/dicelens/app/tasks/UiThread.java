package org.dicelens.app.tasks;

import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The thread that owns the view models' state (the FX application thread in the app): results are delivered on it,
 * and view-model entry points {@link #check} that they are called on it. Tests install {@link #direct()}, where
 * everything runs on the caller's thread and the check is a no-op.
 */
public interface UiThread extends Executor {
    /** Whether the calling thread is the UI thread. */
    boolean isCurrent();

    /** Throws when called off the UI thread: the view models are not thread-safe and rely on this. */
    default void check(String entryPoint) {
        if (!isCurrent()) {
            throw new IllegalStateException(entryPoint + " must be called on the UI thread, not on "
                    + Thread.currentThread().getName());
        }
    }

    /** Runs everything at once on the caller's thread; every thread counts as the UI thread. */
    static UiThread direct() {
        return of(Runnable::run, () -> true);
    }

    /** Delivers through {@code e} without a thread check (for callers that cannot tell which thread is theirs). */
    static UiThread unchecked(Executor e) {
        return of(e, () -> true);
    }

    static UiThread of(Executor e, BooleanSupplier isCurrent) {
        return new UiThread() {
            @Override
            public boolean isCurrent() {
                return isCurrent.getAsBoolean();
            }

            @Override
            public void execute(Runnable r) {
                e.execute(r);
            }
        };
    }
}
