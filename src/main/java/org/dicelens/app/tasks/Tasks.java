package org.dicelens.app.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * THE way long work runs under both faces: named lanes of background threads (work in one lane runs in order),
 * one-off tasks with progress and cancellation ({@link #start}), latest-wins channels ({@link #latest}) and a delay
 * for debouncing, all delivering on one {@link UiThread}. Everything is injectable: {@link #direct()} runs all of
 * it synchronously on the caller's thread, so view-model tests need no polling.
 */
public final class Tasks {
    /** Makes the executor of a named lane with {@code threads} threads. */
    @FunctionalInterface
    public interface Lanes {
        Executor lane(String name, int threads);
    }

    private final UiThread ui;
    private final Lanes lanes;
    private final Delay delay;
    private final Map<String, Executor> made = new HashMap<>();
    private final List<ExecutorService> owned = new ArrayList<>();
    private TimerDelay timer;

    public Tasks(UiThread ui, Lanes lanes, Delay delay) {
        this.ui = ui;
        this.lanes = lanes;
        this.delay = delay;
    }

    /** Everything on the caller's thread, at once (tests). */
    public static Tasks direct() {
        return new Tasks(UiThread.direct(), (name, n) -> Runnable::run, Delay.NONE);
    }

    /** Daemon threads named dicelens-lane(-k), a daemon timer for delays, results on {@code ui} (the app). */
    public static Tasks threads(UiThread ui) {
        TimerDelay d = new TimerDelay(ui);
        Tasks t = new Tasks(ui, null, d);
        t.timer = d;
        return t;
    }

    /** Where results land and whose thread the view models check. */
    public UiThread ui() {
        return ui;
    }

    /** The executor of a named lane (one thread; the same executor for the same name). */
    public Executor lane(String name) {
        return pool(name, 1);
    }

    /** The executor of a named lane of {@code threads} threads (the same executor for the same name). */
    public synchronized Executor pool(String name, int threads) {
        return made.computeIfAbsent(name, k -> {
            if (lanes != null) {
                return lanes.lane(k, threads);
            }
            AtomicInteger n = new AtomicInteger();
            ExecutorService e = Executors.newFixedThreadPool(threads,
                    r -> daemon(r, "dicelens-" + k + (threads > 1 ? "-" + n.incrementAndGet() : "")));
            owned.add(e);
            return e;
        });
    }

    /**
     * Starts {@code work} on {@code lane}; the listener hears progress, then exactly one of succeeded, failed or
     * cancelled, all on the UI thread. Checked exceptions and runtime failures both arrive as {@code failed}.
     */
    public <T> TaskHandle start(String lane, Work<T> work, TaskListener<T> listener) {
        TaskHandle[] self = new TaskHandle[1];
        TaskHandle h = new TaskHandle((f, m) -> ui.execute(() -> {
            if (!self[0].isCancelled()) {
                listener.progress(f, m);
            }
        }));
        self[0] = h;
        Runnable run = () -> {
            try {
                T value = work.run(h);
                h.checkCancelled();
                ui.execute(() -> {
                    if (h.isCancelled()) {
                        listener.cancelled();
                    } else {
                        listener.succeeded(value);
                    }
                });
            } catch (CancellationException e) {
                ui.execute(listener::cancelled);
            } catch (Exception | Error e) {
                ui.execute(() -> {
                    if (h.isCancelled()) {
                        listener.cancelled();
                    } else {
                        listener.failed(e);
                    }
                });
            }
        };
        try {
            lane(lane).execute(run);
        } catch (RejectedExecutionException e) {
            h.cancel(); // shut down with its model
        }
        return h;
    }

    /** A latest-wins channel on {@code lane}, delivering on the UI thread. */
    public <I, O> Latest<I, O> latest(String lane, Consumer<Latest.Result<I, O>> sink) {
        return new Latest<>(lane(lane), ui, sink);
    }

    /** Schedules {@code r} on the UI thread after {@code millis}; the returned runnable cancels it. */
    public Runnable later(long millis, Runnable r) {
        return delay.schedule(millis, r);
    }

    /** Stops the threads this made (tests; the app's threads are daemons). */
    public synchronized void shutdown() {
        for (ExecutorService e : owned) {
            e.shutdownNow();
        }
        if (timer != null) {
            timer.shutdown();
        }
    }

    /** Delays on one daemon timer thread, made on first use; the delayed work runs on the UI thread. */
    private static final class TimerDelay implements Delay {
        private final UiThread ui;
        private ScheduledExecutorService timer;

        TimerDelay(UiThread ui) {
            this.ui = ui;
        }

        @Override
        public synchronized Runnable schedule(long millis, Runnable r) {
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(x -> daemon(x, "dicelens-timer"));
            }
            try {
                ScheduledFuture<?> f = timer.schedule(() -> ui.execute(r), millis, TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            } catch (RejectedExecutionException e) {
                return () -> { }; // shut down with its model
            }
        }

        synchronized void shutdown() {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
