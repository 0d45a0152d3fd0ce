package org.dicelens.metrics.spatial;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicelens.common.Progress;

/**
 * Runs independent items (lines or planes of a distance-transform pass) on several workers. Items are handed out in
 * small chunks from a shared counter; every item writes its own part of the output, so the result does not depend on
 * which worker ran it. The calling thread is worker 0 and the only one that touches {@link Progress}; cancellation is
 * checked between chunks.
 */
final class Work {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dicelens-spatial");
        t.setDaemon(true);
        return t;
    });

    /** Items [from, to) for one worker, which owns scratch arrays indexed by {@code worker}. */
    interface Range {
        void run(int worker, int from, int to);
    }

    private Work() {
    }

    static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Runs items 0..count−1; throws CancellationException when the progress is cancelled. */
    static void run(int count, int workers, Range task, Progress progress) {
        int w = Math.max(1, Math.min(workers, count));
        int chunk = Math.max(1, Math.min(64, count / (8 * w)));
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 1; k < w; k++) {
            int worker = k;
            futures.add(POOL.submit(() -> loop(worker, count, chunk, next, stop, task)));
        }
        Throwable failure = null;
        try {
            while (!stop.get()) {
                int from = next.getAndAdd(chunk);
                if (from >= count) {
                    break;
                }
                task.run(0, from, Math.min(count, from + chunk));
                if (progress.isCancelled()) {
                    stop.set(true);
                }
            }
        } catch (RuntimeException | Error e) {
            stop.set(true);
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                stop.set(true);
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
                failure = failure == null ? new CancellationException("interrupted") : failure;
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error er) {
            throw er;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        progress.checkCancelled();
    }

    private static void loop(int worker, int count, int chunk, AtomicInteger next, AtomicBoolean stop, Range task) {
        while (!stop.get()) {
            int from = next.getAndAdd(chunk);
            if (from >= count) {
                return;
            }
            task.run(worker, from, Math.min(count, from + chunk));
        }
    }
}
