package org.dicelens.app.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicelens.common.Progress;
import org.junit.jupiter.api.Test;

/**
 * The admission gate with a fake budget: what the admitted work holds at once (counted by the work itself, not by the
 * gate) never exceeds the budget unless one piece runs alone, and every piece runs.
 */
class MemoryGateTest {
    /** Progress whose cancel flag the test sets. */
    private static final class Flag implements Progress {
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    @Test
    void inFlightEstimatesNeverExceedTheBudgetAndEveryCaseRuns() throws Exception {
        long budget = 1000;
        MemoryGate gate = new MemoryGate(budget);
        Random rnd = new Random(16);
        int n = 200;
        long[] estimate = new long[n];
        for (int i = 0; i < n; i++) {
            // mostly cases that fit two or three at once, some that fit only alone, some larger than the budget
            estimate[i] = i % 17 == 0 ? 1000 + rnd.nextInt(500) : i % 5 == 0 ? 600 + rnd.nextInt(400) : 50 + rnd.nextInt(400);
        }
        Object lock = new Object();
        long[] held = {0};
        int[] running = {0};
        List<String> violations = new ArrayList<>();
        AtomicInteger ran = new AtomicInteger();
        int[] maxRunning = {0};
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long e = estimate[i];
            int k = i;
            all.add(pool.submit(() -> {
                try (MemoryGate.Permit p = gate.acquire(e, Progress.NONE)) {
                    synchronized (lock) {
                        held[0] += e;
                        running[0]++;
                        maxRunning[0] = Math.max(maxRunning[0], running[0]);
                        if (held[0] > budget && running[0] > 1) {
                            violations.add("case " + k + ": " + running[0] + " cases holding " + held[0]);
                        }
                    }
                    Thread.sleep(rnd.nextInt(3));
                    synchronized (lock) {
                        held[0] -= e;
                        running[0]--;
                    }
                    ran.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(violations.isEmpty(), violations.toString());
        assertEquals(n, ran.get(), "every case ran");
        assertTrue(maxRunning[0] >= 3, "small cases ran side by side: at most " + maxRunning[0] + " at once");
        assertEquals(0, gate.inFlight());
    }

    @Test
    void aCaseLargerThanTheBudgetRunsAloneAndTheOthersWaitForIt() throws Exception {
        MemoryGate gate = new MemoryGate(100);
        // an estimate that cannot be made (Long.MAX_VALUE) runs alone too, never beside another case
        MemoryGate.Permit unknown = gate.acquire(Long.MAX_VALUE, Progress.NONE);
        Flag cancel = new Flag();
        Thread canceller = new Thread(() -> {
            sleep(100);
            cancel.cancelled.set(true);
        });
        canceller.start();
        assertThrows(CancellationException.class, () -> gate.acquire(1, cancel), "1 byte waits beside it");
        unknown.close();
        MemoryGate.Permit small = gate.acquire(30, Progress.NONE);
        CountDownLatch bigStarted = new CountDownLatch(1);
        Thread big = new Thread(() -> {
            try (MemoryGate.Permit p = gate.acquire(250, Progress.NONE)) {
                bigStarted.countDown();
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        big.start();
        assertTrue(!bigStarted.await(150, TimeUnit.MILLISECONDS), "the large case waits while another runs");
        small.close();
        assertTrue(bigStarted.await(2, TimeUnit.SECONDS), "then it runs alone");
        assertEquals(250, gate.inFlight());
        // a later small case waits its turn behind the large one
        long t0 = System.nanoTime();
        try (MemoryGate.Permit p = gate.acquire(10, Progress.NONE)) {
            assertEquals(10, gate.inFlight(), "admitted only once the large case had finished");
        }
        assertTrue(System.nanoTime() - t0 > 50_000_000L);
        big.join();
    }

    @Test
    void whatFinishedWorkKeepsShrinksTheBudget() {
        MemoryGate gate = new MemoryGate(100);
        gate.acquire(40, Progress.NONE).release(30);
        assertEquals(30, gate.retained());
        MemoryGate.Permit a = gate.acquire(40, Progress.NONE);
        // 40 in flight + 30 kept: 30 more fit, 31 do not
        Flag never = new Flag();
        MemoryGate.Permit b = gate.acquire(30, never);
        b.close();
        Flag cancel = new Flag();
        Thread canceller = new Thread(() -> {
            sleep(150);
            cancel.cancelled.set(true);
        });
        canceller.start();
        assertThrows(CancellationException.class, () -> gate.acquire(31, cancel), "31 bytes wait until cancelled");
        a.close();
        // the cancelled waiter gave its turn up: the next one is served
        try (MemoryGate.Permit c = gate.acquire(70, Progress.NONE)) {
            assertEquals(70, gate.inFlight());
        }
    }

    @Test
    void aCancelledWaiterBehindOthersDoesNotStrandTheQueue() throws Exception {
        MemoryGate gate = new MemoryGate(100);
        MemoryGate.Permit first = gate.acquire(100, Progress.NONE);
        Flag cancel = new Flag();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> cancelled = pool.submit(() -> gate.acquire(50, cancel));
        Thread.sleep(50); // queued first
        Future<MemoryGate.Permit> later = pool.submit(() -> gate.acquire(50, Progress.NONE));
        Thread.sleep(50);
        cancel.cancelled.set(true);
        assertThrows(java.util.concurrent.ExecutionException.class, () -> cancelled.get(2, TimeUnit.SECONDS));
        first.close();
        later.get(2, TimeUnit.SECONDS).close();
        pool.shutdown();
        assertEquals(0, gate.inFlight());
    }

    @Test
    void theHeapBudgetKeepsAReserve() {
        assertEquals(MemoryGate.MIN_RESERVE, MemoryGate.reserve(256L << 20));
        assertEquals(128L << 20, MemoryGate.reserve(1L << 30));
        long max = Runtime.getRuntime().maxMemory();
        assertEquals(max - MemoryGate.reserve(max), MemoryGate.ofHeap().budget());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
