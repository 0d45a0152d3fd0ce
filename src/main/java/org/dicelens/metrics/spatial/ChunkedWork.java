package org.dicelens.metrics.spatial;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicelens.common.Progress;
import org.dicelens.metrics.Parallel;

/**
 * Runs independent items (lines or planes of a distance-transform pass) on several workers. Items are handed out in
 * small chunks from a shared counter; every item writes its own part of the output, so the result does not depend on
 * which worker ran it. The calling thread is worker 0 and the only one that touches {@link Progress}; cancellation is
 * checked between chunks.
 */
final class ChunkedWork {
    /** Items [from, to) for one worker, which owns scratch arrays indexed by {@code worker}. */
    interface Range {
        void run(int worker, int from, int to);
    }

    private ChunkedWork() {
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
        // chunks from a shared counter (each item writes only its own output, so any worker may take any chunk)
        Parallel.runWorkers(w, worker -> {
            while (!stop.get()) {
                int from = next.getAndAdd(chunk);
                if (from >= count) {
                    return;
                }
                task.run(worker, from, Math.min(count, from + chunk));
                if (worker == 0 && progress.isCancelled()) {
                    stop.set(true);
                }
            }
        }, stop);
        progress.checkCancelled();
    }
}
