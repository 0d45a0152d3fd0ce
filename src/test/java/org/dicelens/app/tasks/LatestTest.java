package org.dicelens.app.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** A newer request supersedes an older one: queued requests coalesce, and an older result never replaces a newer. */
class LatestTest {
    @Test
    void requestsQueuedDuringAComputationCoalesceToTheNewest() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        List<Integer> computed = Collections.synchronizedList(new ArrayList<>());
        List<Integer> delivered = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Latest<Integer, Integer> lw = new Latest<>(worker, Runnable::run, r -> delivered.add(r.value()));
        try {
            lw.submit(1, i -> {
                computed.add(i);
                inFirst.countDown();
                await(release);
                return i * 10;
            });
            inFirst.await();
            for (int i = 2; i <= 5; i++) {
                lw.submit(i, k -> {
                    computed.add(k);
                    return k * 10;
                });
            }
            CountDownLatch both = new CountDownLatch(1);
            lw.submit(6, k -> {
                computed.add(k);
                both.countDown();
                return k * 10;
            });
            release.countDown();
            both.await();
            worker.shutdown();
            worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(List.of(1, 6), computed);
            assertEquals(List.of(10, 60), delivered);
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void anOlderResultArrivingAfterANewerOneIsDropped() {
        Deque<Runnable> deliveries = new ArrayDeque<>();
        List<Integer> shown = new ArrayList<>();
        Latest<Integer, Integer> lw = new Latest<>(Runnable::run, deliveries::add, r -> shown.add(r.value()));
        lw.submit(1, i -> i);
        lw.submit(2, i -> i);
        // deliver out of order: the newer first, then the older
        Runnable older = deliveries.pollFirst();
        Runnable newer = deliveries.pollFirst();
        newer.run();
        older.run();
        assertEquals(List.of(2), shown);
    }

    @Test
    void invalidateDropsResultsStillInFlight() {
        Deque<Runnable> deliveries = new ArrayDeque<>();
        List<Integer> shown = new ArrayList<>();
        Latest<Integer, Integer> lw = new Latest<>(Runnable::run, deliveries::add, r -> shown.add(r.value()));
        lw.submit(1, i -> i);
        lw.invalidate();
        deliveries.forEach(Runnable::run);
        assertEquals(List.of(), shown);
        lw.submit(3, i -> i);
        deliveries.pollLast().run();
        assertEquals(List.of(3), shown);
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRequestAfterTheWorkerIsShutDownIsDroppedQuietly() {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        List<Integer> delivered = Collections.synchronizedList(new ArrayList<>());
        Latest<Integer, Integer> lw = new Latest<>(worker, Runnable::run, r -> delivered.add(r.value()));
        worker.shutdownNow();
        // a window's listener may still submit after its model was shut down: no exception on the FX thread
        lw.submit(1, i -> i * 10);
        lw.submit(2, i -> i * 10);
        assertEquals(List.of(), delivered);
    }

    @Test
    void aNewerRequestCancelsTheComputationInFlight() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        List<Integer> delivered = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch sawCancel = new CountDownLatch(1);
        Latest<Integer, Integer> lw = new Latest<>(worker, Runnable::run, r -> delivered.add(r.value()));
        try {
            lw.submit(1, (i, progress) -> {
                inFirst.countDown();
                while (!progress.isCancelled()) {
                    Thread.onSpinWait(); // a long computation that polls its progress
                }
                sawCancel.countDown();
                progress.checkCancelled();
                return -1;
            });
            inFirst.await();
            lw.submit(2, (i, progress) -> i * 10);
            assertTrue(sawCancel.await(10, java.util.concurrent.TimeUnit.SECONDS), "the first computation was cancelled");
            worker.shutdown();
            assertTrue(worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(List.of(20), delivered, "the cancelled request delivers nothing, not even an error");
        } finally {
            worker.shutdownNow();
        }
    }
}
