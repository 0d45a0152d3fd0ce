package org.dicelens.app.tasks;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dicelens.common.Progress;

/**
 * Latest-wins background work: requests that arrive while one is computing are coalesced so only the newest is
 * computed next; a newer request also cancels the computation in flight (through its {@link Progress}, for work that
 * polls it); and a result is delivered, on the UI thread, only if no newer result was delivered before it. So the UI
 * thread only ever binds finished results, and a dragged control costs at most one stale computation.
 *
 * @param <I> request (e.g. {@code Settings})
 * @param <O> result (e.g. {@code CaseMetrics})
 */
public final class Latest<I, O> {
    /** What a worker hands back: the result with the request it answers and its sequence number. */
    public record Result<I, O>(long sequence, I request, O value, Throwable error) {
    }

    /** Work of a latest-wins channel: computes the result of one request, polling {@code progress} if it is long. */
    @FunctionalInterface
    public interface Job<I, O> {
        O apply(I request, Progress progress);
    }

    private final Executor worker;
    private final Executor delivery;
    private final AtomicReference<Pending<I, O>> pending = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Consumer<Result<I, O>> sink;
    private long submitted;
    private volatile long lastDelivered = -1;
    private volatile Pending<I, O> inFlight;

    private static final class Pending<I, O> implements Progress {
        final long sequence;
        final I request;
        final Job<I, O> work;
        volatile boolean cancelled;

        Pending(long sequence, I request, Job<I, O> work) {
            this.sequence = sequence;
            this.request = request;
            this.work = work;
        }

        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    public Latest(Executor worker, Executor delivery, Consumer<Result<I, O>> sink) {
        this.worker = worker;
        this.delivery = delivery;
        this.sink = sink;
    }

    /** Queues a request for {@code fn}; see {@link #submit(Object, Job)}. */
    public long submit(I request, Function<I, O> fn) {
        return submit(request, (r, p) -> fn.apply(r));
    }

    /**
     * Queues a request; an older queued request that has not started is dropped and the one computing is asked to
     * stop. Returns the request's sequence number (results carry it).
     */
    public synchronized long submit(I request, Job<I, O> fn) {
        long seq = ++submitted;
        Pending<I, O> old = pending.getAndSet(new Pending<>(seq, request, fn));
        if (old != null) {
            old.cancelled = true;
        }
        Pending<I, O> running = inFlight;
        if (running != null) {
            running.cancelled = true;
        }
        if (this.running.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // the worker was shut down with its model: a late control change (an event still queued) does nothing
                pending.set(null);
                this.running.set(false);
            }
        }
        return seq;
    }

    /** Forgets queued work and any result still in flight, and asks the running work to stop (a new case). */
    public synchronized void invalidate() {
        Pending<I, O> p = pending.getAndSet(null);
        if (p != null) {
            p.cancelled = true;
        }
        Pending<I, O> f = inFlight;
        if (f != null) {
            f.cancelled = true;
        }
        lastDelivered = submitted;
    }

    /** The sequence number of the newest request. */
    public synchronized long lastSubmitted() {
        return submitted;
    }

    private void drain() {
        while (true) {
            Pending<I, O> p = pending.getAndSet(null);
            if (p == null) {
                running.set(false);
                // a submit may have slipped in between getAndSet and set(false)
                if (pending.get() != null && running.compareAndSet(false, true)) {
                    continue;
                }
                return;
            }
            inFlight = p;
            O value = null;
            Throwable error = null;
            try {
                value = p.work.apply(p.request, p);
            } catch (CancellationException e) {
                inFlight = null;
                continue; // superseded: the newer request delivers
            } catch (RuntimeException | Error e) {
                error = e;
            }
            inFlight = null;
            Result<I, O> r = new Result<>(p.sequence, p.request, value, error);
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
