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

    public CaseAdmission(MemoryGate gate) {
        this.gate = gate;
    }

    /** Admission against this JVM's heap ({@link MemoryGate#ofHeap()}); one per batch or cohort load. */
    public static CaseAdmission ofHeap() {
        return new CaseAdmission(MemoryGate.ofHeap());
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

    /** As {@link #load(BatchPairing.Pair, Progress, Load, ToLongFunction)} with the estimate given. */
    public <T> T load(long estimate, Progress progress, Load<T> load, ToLongFunction<T> kept) throws InputException {
        MemoryGate.Permit permit = gate.acquire(estimate, progress);
        T result = null;
        try {
            result = load.run();
            return result;
        } finally {
            permit.release(result == null || kept == null ? 0 : kept.applyAsLong(result));
        }
    }
}
