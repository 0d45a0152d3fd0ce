package org.dicelens.app.tasks;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.dicelens.common.Progress;

/**
 * Admits memory-hungry work (a cohort's cases) only while the sum of the estimates of the work in flight fits a byte
 * budget, so that N threads never hold more volumes at once than the heap can take. Work that alone exceeds the budget
 * is still admitted, alone (it then fails with its reader's own clear message if it truly does not fit). Admission
 * is first come, first served, so a large case is not overtaken forever by small ones. What admitted work leaves
 * behind for good (a case's statistics) is charged with {@link Permit#release(long)} and shrinks the budget of the
 * work after it.
 */
public final class MemoryGate {
    /** Kept free of estimates on a real heap: the JVM's own objects, the faces' objects, G1's region slack. */
    public static final long MIN_RESERVE = 96L << 20;

    private final long budget;
    private long inFlight;
    private long retained;
    private int running;
    private long nextTicket;
    private long serving;
    private final Set<Long> abandoned = new HashSet<>();
    private final Set<Permit> active = new HashSet<>();

    /** A gate over {@code budget} bytes (tests give a fake one; the faces use {@link #ofHeap()}). */
    public MemoryGate(long budget) {
        if (budget <= 0) {
            throw new IllegalArgumentException("budget " + budget);
        }
        this.budget = budget;
    }

    /** The budget of this JVM: the most the heap may grow to, less a reserve ({@link #reserve}). */
    public static MemoryGate ofHeap() {
        long max = Runtime.getRuntime().maxMemory();
        return new MemoryGate(Math.max(1, max - reserve(max)));
    }

    /** The reserve kept out of a heap of {@code max} bytes: an eighth, at least {@link #MIN_RESERVE}. */
    public static long reserve(long max) {
        return Math.max(MIN_RESERVE, max / 8);
    }

    /** One admitted piece of work; released exactly once (further releases do nothing). */
    public final class Permit implements AutoCloseable {
        private final long estimate;
        private boolean released;
        private boolean shared;

        private Permit(long estimate) {
            this.estimate = estimate;
        }

        /** The estimate this permit holds. */
        public long estimate() {
            return estimate;
        }

        /** True once other work has been in flight beside this one (a memory failure may then not be its own). */
        public boolean shared() {
            synchronized (MemoryGate.this) {
                return shared;
            }
        }

        /** The work is done and keeps {@code kept} bytes for good (charged against later admissions). */
        public void release(long kept) {
            synchronized (MemoryGate.this) {
                if (released) {
                    return;
                }
                released = true;
                active.remove(this);
                inFlight -= estimate;
                running--;
                retained += Math.max(0, kept);
                MemoryGate.this.notifyAll();
            }
        }

        /** The work is done (or failed) and keeps nothing. */
        @Override
        public void close() {
            release(0);
        }
    }

    /**
     * Waits until the work of {@code estimate} bytes may start: its turn has come and either nothing is in flight or
     * the estimates in flight plus this one fit what is left of the budget. Polls {@code progress} for a cancel (then
     * throws CancellationException, giving up its turn).
     */
    public Permit acquire(long estimate, Progress progress) {
        long need = Math.max(0, estimate);
        synchronized (this) {
            long ticket = nextTicket++;
            try {
                // written as a difference so that a huge need (an estimate that could not be made) cannot overflow
                while (ticket != serving || running > 0 && need > budget - retained - inFlight) {
                    if (progress.isCancelled()) {
                        throw new CancellationException("cancelled");
                    }
                    wait(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                giveUp(ticket);
                throw new CancellationException("interrupted");
            } catch (CancellationException e) {
                giveUp(ticket);
                throw e;
            }
            advance();
            inFlight += need;
            running++;
            Permit p = new Permit(need);
            active.add(p);
            if (active.size() > 1) {
                active.forEach(a -> a.shared = true);
            }
            notifyAll();
            return p;
        }
    }

    /** A waiter leaving the queue (cancelled): its turn is skipped when it comes, so no waiter behind it is stranded. */
    private void giveUp(long ticket) {
        if (ticket == serving) {
            advance();
        } else {
            abandoned.add(ticket);
        }
        notifyAll();
    }

    /** The next turn, past the turns whose waiters gave up. */
    private void advance() {
        serving++;
        while (abandoned.remove(serving)) {
            serving++;
        }
    }

    /** The byte budget this gate admits against. */
    public long budget() {
        return budget;
    }

    /** The estimates of the work in flight now. */
    public synchronized long inFlight() {
        return inFlight;
    }

    /** What finished work left behind, charged against the budget. */
    public synchronized long retained() {
        return retained;
    }
}
