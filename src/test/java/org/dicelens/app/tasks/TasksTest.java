package org.dicelens.app.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dicelens.common.InputException;
import org.junit.jupiter.api.Test;

/** One-off tasks: progress, then exactly one outcome, on the UI thread; cancellation; the UI-thread guard. */
class TasksTest {

    /** Records what a listener hears. */
    private static final class Heard implements TaskListener<String> {
        final List<String> events = new ArrayList<>();

        @Override
        public void progress(double fraction, String message) {
            events.add("progress " + fraction + " " + message);
        }

        @Override
        public void succeeded(String value) {
            events.add("ok " + value);
        }

        @Override
        public void failed(Throwable error) {
            events.add("failed " + error.getClass().getSimpleName() + " " + error.getMessage());
        }

        @Override
        public void cancelled() {
            events.add("cancelled");
        }
    }

    @Test
    void directTasksRunSynchronously() {
        Tasks t = Tasks.direct();
        Heard h = new Heard();
        t.start("x", p -> {
            p.update(0.5, "half");
            return "done";
        }, h);
        assertEquals(List.of("progress 0.5 half", "ok done"), h.events, "finished before start returned");
        Heard bad = new Heard();
        t.start("x", p -> {
            throw new InputException(null, null, "broken file");
        }, bad);
        assertEquals(1, bad.events.size());
        assertTrue(bad.events.get(0).startsWith("failed InputException"), bad.events.toString());
    }

    @Test
    void aCancelledTaskReportsOnlyThatItWasCancelled() throws Exception {
        LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        Tasks t = Tasks.threads(UiThread.unchecked(ui::add));
        try {
            CountDownLatch started = new CountDownLatch(1);
            Heard h = new Heard();
            TaskHandle handle = t.start("work", p -> {
                started.countDown();
                while (true) {
                    p.checkCancelled();
                    Thread.onSpinWait();
                }
            }, h);
            started.await();
            handle.cancel();
            Runnable outcome = ui.poll(10, TimeUnit.SECONDS);
            outcome.run();
            assertEquals(List.of("cancelled"), h.events);
        } finally {
            t.shutdown();
        }
    }

    @Test
    void workRunsOnItsLaneAndResultsOnTheUiThread() throws Exception {
        LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        Tasks t = Tasks.threads(UiThread.unchecked(ui::add));
        try {
            String[] workerName = new String[1];
            Heard h = new Heard();
            t.start("lane-test", p -> {
                workerName[0] = Thread.currentThread().getName();
                return "v";
            }, h);
            ui.poll(10, TimeUnit.SECONDS).run();
            assertEquals("dicelens-lane-test", workerName[0]);
            assertEquals(List.of("ok v"), h.events);
        } finally {
            t.shutdown();
        }
    }

    @Test
    void theGuardRejectsCallsOffTheUiThreadAndIsANoOpWhenDirect() {
        UiThread never = UiThread.of(Runnable::run, () -> false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> never.check("open"));
        assertTrue(e.getMessage().contains("open"), e.getMessage());
        UiThread.direct().check("open"); // tests: every thread is the UI thread
    }
}
