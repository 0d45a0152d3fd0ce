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
final class Parallel {
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
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            int worker = w;
            futures.add(POOL.submit(() -> {
                for (int z = blockStart(planes, workers, worker); !stop.get() && z < blockStart(planes, workers, worker + 1);
                        z++) {
                    task.plane(worker, z);
                    done.incrementAndGet();
                    if (progress.isCancelled()) {
                        stop.set(true);
                    }
                }
            }));
        }
        Throwable failure = null;
        try {
            int reported = -1;
            for (int z = 0; !stop.get() && z < blockStart(planes, workers, 1); z++) {
                task.plane(0, z);
                int d = done.incrementAndGet();
                int pct = (int) (100L * d / planes);
                if (pct != reported) {
                    reported = pct;
                    progress.update(from + (to - from) * d / planes, message);
                }
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
                if (failure == null) {
                    failure = e.getCause();
                }
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new CancellationException("interrupted");
                }
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
        if (stop.get() || progress.isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
