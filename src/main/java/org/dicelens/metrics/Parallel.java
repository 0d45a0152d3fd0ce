package org.dicelens.metrics;

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
 * Runs a pass over the z-planes of a volume on all cores. Planes are handed out one at a time (so uneven planes still
 * balance) to a fixed set of workers, each owning its own partial statistics that the caller merges afterwards.
 * The calling thread is worker 0; only it talks to {@link Progress}, so a UI's progress object is never called from a
 * pool thread. Cancellation is checked between planes.
 */
public final class Parallel {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dicelens-metrics");
        t.setDaemon(true);
        return t;
    });

    /** One plane of work for one worker. */
    interface PlaneTask {
        void plane(int worker, int z);
    }

    private Parallel() {
    }

    /** First plane of worker w's block when {@code planes} are split into {@code workers} contiguous blocks. */
    static int blockStart(int planes, int workers, int w) {
        return (int) ((long) planes * w / workers);
    }

    /** Workers to use: the cores, but never more than the planes. */
    static int workers(int planes) {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), planes));
    }

    /**
     * Runs task over planes 0..planes−1 with {@code workers} workers.
     *
     * @param from,to the progress range this pass reports into
     * @throws CancellationException when the progress is cancelled
     */
    static void forPlanes(int planes, int workers, PlaneTask task, Progress progress, double from, double to,
            String message) {
        // Each worker takes a fixed, contiguous block of planes (not the next free plane): its partial sums then
        // always group the same voxels, so the merged floating-point results do not depend on thread timing.
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        runWorkers(workers, worker -> {
            int reported = -1;
            for (int z = blockStart(planes, workers, worker); !stop.get() && z < blockStart(planes, workers, worker + 1);
                    z++) {
                task.plane(worker, z);
                int d = done.incrementAndGet();
                if (worker == 0 && (int) (100L * d / planes) != reported) {
                    reported = (int) (100L * d / planes);
                    progress.update(from + (to - from) * d / planes, message);
                }
                if (progress.isCancelled()) {
                    stop.set(true);
                }
            }
        }, stop);
        if (stop.get() || progress.isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /**
     * Runs {@code body(w)} for w = 1..workers−1 on the pool and {@code body(0)} on the calling thread, and waits for all.
     * A failure in any worker sets {@code stop} (bodies poll it) and the first failure is rethrown; an interrupted
     * wait becomes a {@link CancellationException}. Only worker 0 runs on the caller's thread, so only it may talk to a
     * UI's {@link Progress}.
     */
    public static void runWorkers(int workers, java.util.function.IntConsumer body, AtomicBoolean stop) {
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            int worker = w;
            futures.add(POOL.submit(() -> {
                try {
                    body.accept(worker);
                } catch (RuntimeException | Error e) {
                    stop.set(true);
                    throw e;
                }
            }));
        }
        Throwable failure = null;
        try {
            body.accept(0);
        } catch (RuntimeException | Error e) {
            stop.set(true);
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
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
    }
}
