package org.dicelens.app.tasks;

/** Runs something later (a debounce): the app uses a timer thread, tests a clock they advance by hand. */
@FunctionalInterface
public interface Delay {
    /** Schedules {@code r} after {@code millis}; the returned runnable cancels it if it has not run. */
    Runnable schedule(long millis, Runnable r);

    /** Runs at once, on the caller's thread. */
    Delay NONE = (millis, r) -> {
        r.run();
        return () -> { };
    };
}
