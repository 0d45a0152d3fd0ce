package org.dicelens.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicelens.app.cases.BatchPairing;
import org.dicelens.app.cases.CaseAdmission;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.DatasetCases;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.Engine;
import org.dicelens.metrics.cohort.Cohort;
import org.dicelens.metrics.cohort.CohortCase;
import org.dicelens.volume.Case;

/**
 * Loads one predictions folder of a cohort: pairs it with the references as {@code dicelens cohort} does
 * ({@link BatchPairing}) and reduces each case to its statistics ({@link CohortCase}, every margin kept) on
 * {@code pool}, as many cases at once as the pool has threads (as {@code cohort --jobs N}) and as fit in the heap
 * ({@link CaseAdmission}, as {@code cohort} admits them); a case's volumes are garbage once it is reduced, so memory
 * holds the statistics plus the cases in flight. Progress counts finished cases; a
 * cancel stops at the next case (cases not started never start). The result is in pairing order whatever the order
 * the cases finish in, so it equals a serial load. No JavaFX: the view model runs it on a background lane.
 */
final class CohortLoader {
    /** What a load hands over: the statistics (null when no case loaded), the case files by name, the failures. */
    record Result(Cohort cohort, Map<String, CaseFiles> files, List<CohortModel.Failure> failed) {
    }

    /** One pair's outcome: its statistics and files, or why it failed. */
    private record One(CohortCase statistics, CaseFiles files, String error) {
    }

    private CohortLoader() {
    }

    static Result load(Path refs, Path preds, Path classTable, Executor pool, Progress t, String prefix)
            throws InputException {
        return load(refs, preds, classTable, pool, CaseAdmission.ofHeap(), t, prefix);
    }

    /**
     * As {@link #load(Path, Path, Path, Executor, Progress, String)}, each case admitted by {@code admission} (its
     * estimated memory beside the cases in flight; what each case keeps is charged there, so a second folder loaded
     * through the same admission counts the first one's statistics).
     */
    static Result load(Path refs, Path preds, Path classTable, Executor pool, CaseAdmission admission, Progress t,
            String prefix) throws InputException {
        List<BatchPairing.Pair> pairs = BatchPairing.pair(refs, preds).pairs();
        int n = pairs.size();
        AtomicInteger finished = new AtomicInteger();
        List<FutureTask<One>> tasks = new ArrayList<>();
        for (BatchPairing.Pair p : pairs) {
            tasks.add(new FutureTask<>(() -> {
                if (t.isCancelled()) {
                    return null;
                }
                One o;
                try {
                    o = p.error() != null ? new One(null, null, p.error())
                            : admission.load(p, t, () -> one(p, classTable), x -> x.statistics().bytes());
                } catch (CancellationException e) {
                    return null; // cancelled while waiting for memory: the load sees the cancel itself
                } catch (InputException | RuntimeException | OutOfMemoryError e) {
                    String m = e instanceof OutOfMemoryError ? "not enough memory for this case (fewer cases at once, or "
                            + "a larger -Xmx)" : e.getMessage() == null ? e.toString() : e.getMessage();
                    o = new One(null, null, m);
                }
                int k = finished.incrementAndGet();
                t.update(k / (double) n, "Loaded " + prefix + p.name() + " (" + k + " of " + n + ")");
                return o;
            }));
        }
        t.update(0, "Loading " + prefix + n + " cases");
        try {
            for (FutureTask<One> f : tasks) {
                pool.execute(f);
            }
            List<CohortCase> cases = new ArrayList<>();
            Map<String, CaseFiles> files = new LinkedHashMap<>();
            List<CohortModel.Failure> failed = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                One o = await(tasks.get(i), t);
                t.checkCancelled();
                String name = pairs.get(i).name();
                if (o.error() != null) {
                    failed.add(new CohortModel.Failure(prefix + name, o.error()));
                } else {
                    cases.add(o.statistics());
                    files.put(name, o.files());
                }
            }
            t.update(1, "Summarising " + cases.size() + " cases");
            return new Result(cases.isEmpty() ? null : new Cohort(cases), files, failed);
        } finally {
            // after a cancel or a failure nothing queued starts; a case already loading finishes and is dropped
            tasks.forEach(f -> f.cancel(false));
        }
    }

    /** Waits for one case, polling the cancel flag so that Cancel answers within a tenth of a second. */
    private static One await(FutureTask<One> f, Progress t) {
        while (true) {
            t.checkCancelled();
            try {
                return f.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                // one() catches what a case throws; anything else is a bug worth its full trace
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** One case reduced to its statistics (the engine and the case's volumes are garbage once it is reduced). */
    private static One one(BatchPairing.Pair p, Path classTable) throws InputException {
        CaseFiles f = CaseFiles.of(p.reference(), p.predictions()).withClassTable(classTable).withName(p.name());
        DatasetCases.Opened opened = DatasetCases.open(f, Progress.NONE);
        // a region model's regions (one binary case each) become the classes of one cohort case
        List<CohortCase> each = new ArrayList<>();
        for (Case c : opened.cases()) {
            each.add(CohortCase.of(p.name(), Engine.build(c, Progress.NONE)));
        }
        return new One(opened.regions() ? CohortCase.ofRegions(p.name(), each) : each.get(0), f, null);
    }
}
