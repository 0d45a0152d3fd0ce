package org.dicelens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.junit.jupiter.api.Test;

/** The UI and the command line call one Engine from several threads: results must not depend on who asks first. */
class EngineConcurrencyTest {
    @Test
    void concurrentEvaluationsEqualSequentialOnes() throws Exception {
        Random rnd = new Random(4);
        Case c = TestCases.random(rnd, 0);
        while (c.geometry().voxelCount() < 40 || c.classCount() < 2) {
            c = TestCases.random(rnd, 0);
        }
        List<Settings> settings = new ArrayList<>();
        for (int k = 0; k < 60; k++) {
            settings.add(TestCases.settings(rnd, c.classCount(), c));
        }
        List<CaseMetrics> sequential = new ArrayList<>();
        Engine reference = Engine.build(c, Progress.NONE);
        for (Settings s : settings) {
            sequential.add(reference.evaluate(s));
        }
        Engine shared = Engine.build(c, Progress.NONE); // fresh caches, filled concurrently
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CaseMetrics>> futures = new ArrayList<>();
            for (Settings s : settings) {
                futures.add(pool.submit(() -> shared.evaluate(s)));
            }
            for (int k = 0; k < settings.size(); k++) {
                // records compare by value; NaN fields compare equal through Double.equals semantics of records
                assertEquals(sequential.get(k).classes(), futures.get(k).get().classes(), "settings " + k);
                assertEquals(sequential.get(k).gdl(), futures.get(k).get().gdl(), "settings " + k);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
