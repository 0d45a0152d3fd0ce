package org.dicelens.ui.model;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a computation off the FX thread where a newer request supersedes an older one: requests that arrive while one is
 * computing are coalesced so only the newest is computed next, and a result is delivered only if no newer result was
 * delivered before it. The delivery executor is the FX thread in the app ({@code Platform::runLater}) and a direct
 * executor in tests, so the FX thread only ever binds finished results.
 *
 * @param <I> request (e.g. {@code Settings})
 * @param <O> result (e.g. {@code CaseMetrics})
 */
public final class LatestWins<I, O> {
    /** What a worker hands back: the result with the request it answers and its sequence number. */
    public record Result<I, O>(long sequence, I request, O value, Throwable error) {
    }

    private final Executor worker;
    private final Executor delivery;
    private final AtomicReference<Pending<I>> pending = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Consumer<Result<I, O>> sink;
    private long submitted;
    private volatile long lastDelivered = -1;

    private record Pending<I>(long sequence, I request, Function<?, ?> work) {
    }

    public LatestWins(Executor worker, Executor delivery, Consumer<Result<I, O>> sink) {
        this.worker = worker;
        this.delivery = delivery;
        this.sink = sink;
    }

    /** Queues a request for {@code fn}; an older queued request that has not started is dropped. */
    public synchronized long submit(I request, Function<I, O> fn) {
        long seq = ++submitted;
        pending.set(new Pending<>(seq, request, fn));
        if (running.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the worker was shut down with its model: a late control change (an FX event still queued) does nothing
                pending.set(null);
                running.set(false);
            }
        }
        return seq;
    }

    /** Forgets queued work and any result still in flight (a new case was loaded). */
    public synchronized void invalidate() {
        pending.set(null);
        lastDelivered = submitted;
    }

    @SuppressWarnings("unchecked")
    private void drain() {
        while (true) {
            Pending<I> p = pending.getAndSet(null);
            if (p == null) {
                running.set(false);
                // a submit may have slipped in between getAndSet and set(false)
                if (pending.get() != null && running.compareAndSet(false, true)) {
                    continue;
                }
                return;
            }
            O value = null;
            Throwable error = null;
            try {
                value = ((Function<I, O>) p.work()).apply(p.request());
            } catch (RuntimeException | Error e) {
                error = e;
            }
            Result<I, O> r = new Result<>(p.sequence(), p.request(), value, error);
            delivery.execute(() -> deliver(r));
        }
    }

    private void deliver(Result<I, O> r) {
        synchronized (this) {
            if (r.sequence() <= lastDelivered) {
                return; // a newer result is already shown, or the case changed
            }
            lastDelivered = r.sequence();
        }
        sink.accept(r);
    }
}
