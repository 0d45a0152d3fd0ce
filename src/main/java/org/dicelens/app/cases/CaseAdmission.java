package org.dicelens.app.cases;

import java.util.function.ToLongFunction;
import org.dicelens.app.tasks.MemoryGate;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;

/**
 * THE way batch cases share the heap, under both faces ({@code evaluate}/{@code cohort} batches and the viewer's cohort
 * loader): a case starts only when its estimated peak ({@link CaseMemory}, from its headers) fits beside the cases
 * already in flight in a {@link MemoryGate}; a case too large for the budget runs alone. Whatever a case keeps once done
 * (its statistics) is charged against the cases after it, so a long cohort cannot creep past the heap either.
 */
public final class CaseAdmission {
    /** One case's work, run once it is admitted. */
    @FunctionalInterface
    public interface Load<T> {
        T run() throws InputException;
    }

    private final MemoryGate gate;
    private final java.util.List<String> reruns = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    public CaseAdmission(MemoryGate gate) {
        this.gate = gate;
    }

    /** Admission against this JVM's heap ({@link MemoryGate#ofHeap()}); one per batch or cohort load. */
    public static CaseAdmission ofHeap() {
        return new CaseAdmission(MemoryGate.ofHeap());
    }

    /** How many cases were run a second time, alone, after a memory refusal beside other cases. */
    public int rerunAlone() {
        return reruns.size();
    }

    /** The refusals that made cases run again alone, as their messages said them (in the order they came). */
    public java.util.List<String> reruns() {
        synchronized (reruns) {
            return java.util.List.copyOf(reruns);
        }
    }

    /** The gate (its budget and what is in flight). */
    public MemoryGate gate() {
        return gate;
    }

    /**
     * Runs {@code load} for {@code pair} once admitted; {@code kept} says how many bytes of its result stay for good
     * (null: none). Waiting polls {@code progress} for a cancel (CancellationException).
     */
    public <T> T load(BatchPairing.Pair pair, Progress progress, Load<T> load, ToLongFunction<T> kept)
            throws InputException {
        return load(CaseMemory.estimate(pair), progress, load, kept);
    }

    /**
     * As {@link #load(BatchPairing.Pair, Progress, Load, ToLongFunction)} with the estimate given. A case refused for
     * memory (OutOfMemoryError, or a reader's refusal of its dims) while other cases were in flight is run once more,
     * alone: beside others the heap may have been full of their garbage, alone it gets the whole heap, and if it truly
     * does not fit it fails with the reader's own message.
     */
    public <T> T load(long estimate, Progress progress, Load<T> load, ToLongFunction<T> kept) throws InputException {
        MemoryGate.Permit permit = gate.acquire(estimate, progress);
        T result;
        try {
            result = load.run();
        } catch (InputException | OutOfMemoryError e) {
            boolean again = permit.shared() && memoryShaped(e);
            permit.close();
            if (!again) {
                throw e;
            }
            reruns.add(e instanceof OutOfMemoryError ? "out of memory" : e.getMessage());
            return alone(progress, load, kept);
        } catch (RuntimeException | Error e) {
            permit.close();
            throw e;
        }
        permit.release(kept(result, kept));
        return result;
    }

    private <T> T alone(Progress progress, Load<T> load, ToLongFunction<T> kept) throws InputException {
        MemoryGate.Permit permit = gate.acquire(Long.MAX_VALUE, progress); // larger than any budget: runs alone
        T result = null;
        try {
            result = load.run();
            return result;
        } finally {
            permit.release(kept(result, kept));
        }
    }

    /** A failure that says "not enough memory": the VM's, or a reader refusing the memory its dims need. */
    static boolean memoryShaped(Throwable e) {
        return e instanceof OutOfMemoryError || e instanceof InputException ie && "dim".equals(ie.field());
    }

    private static <T> long kept(T result, ToLongFunction<T> kept) {
        return result == null || kept == null ? 0 : kept.applyAsLong(result);
    }
}
