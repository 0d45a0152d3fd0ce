package org.dicelens.app.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicelens.app.tasks.MemoryGate;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.junit.jupiter.api.Test;

/** A case refused for memory beside other cases runs once more alone; other failures and lone refusals stand. */
class CaseAdmissionTest {
    private static final Path FILE = Path.of("case.nii.gz");

    @Test
    void aMemoryRefusalBesideAnotherCaseIsRetriedAloneAndWhatItKeepsIsCharged() throws Exception {
        CaseAdmission admission = new CaseAdmission(new MemoryGate(1000));
        MemoryGate gate = admission.gate();
        MemoryGate.Permit other = gate.acquire(100, Progress.NONE);
        AtomicInteger runs = new AtomicInteger();
        Thread finisher = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            other.close();
        });
        String result = admission.load(200, Progress.NONE, () -> {
            if (runs.incrementAndGet() == 1) {
                finisher.start(); // the other case finishes while this one waits to run alone
                throw new InputException(FILE, "dim", "needs 170 MiB of memory, but only 161 MiB is free");
            }
            assertEquals(Long.MAX_VALUE, gate.inFlight(), "the retry runs alone");
            return "statistics";
        }, s -> 42);
        assertEquals("statistics", result);
        assertEquals(2, runs.get());
        assertEquals(0, gate.inFlight());
        assertEquals(42, gate.retained());
        assertEquals(java.util.List.of(FILE + ": dim: needs 170 MiB of memory, but only 161 MiB is free"),
                admission.reruns());
    }

    @Test
    void otherFailuresAndRefusalsOfACaseAloneAreNotRetried() {
        CaseAdmission admission = new CaseAdmission(new MemoryGate(1000));
        AtomicInteger runs = new AtomicInteger();
        // alone: its refusal is its own
        assertThrows(InputException.class, () -> admission.load(200, Progress.NONE, () -> {
            runs.incrementAndGet();
            throw new InputException(FILE, "dim", "needs more memory than is free");
        }, null));
        assertEquals(1, runs.get());
        // beside another case, a failure that is not about memory
        MemoryGate.Permit other = admission.gate().acquire(100, Progress.NONE);
        assertThrows(InputException.class, () -> admission.load(200, Progress.NONE, () -> {
            runs.incrementAndGet();
            throw new InputException(FILE, "datatype", "not a label map");
        }, null));
        assertEquals(2, runs.get());
        other.close();
        assertEquals(0, admission.gate().inFlight());
        assertEquals(0, admission.gate().retained());
        assertEquals(0, admission.rerunAlone());
    }
}
