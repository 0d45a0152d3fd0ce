package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench runs end to end on a tiny phantom and prints its table (no timing is asserted: figures go in docs/perf). */
class BenchCommandTest {
    @Test
    void printsEveryRowOfTheTableAndCleansUp(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("bench", "--size", "16", "--classes", "2", "--repeat", "1", "--changes", "10", "--dir", dir.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| measurement")).toList();
        assertEquals(11, rows.size(), r.out());
        for (String key : List.of("load scan .nii.gz", "gzip -dc", "load phantom prediction", "statistics pass", "GB/s",
                "log pass", "Engine.build", "control change", "p99", "slice compose")) {
            assertTrue(r.out().contains(key), key + " in " + r.out());
        }
        assertTrue(r.out().contains("16×16×16, 2 classes (lesion phantom)"), r.out());
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "the temporary .nii.gz is deleted");
        }
    }

    @Test
    void refusesClassCountsWithoutAPhantom() {
        Cli r = Cli.run("bench", "--classes", "3");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: --classes: '3'"), r.err());
    }

    @Test
    void medianOfOddAndEvenRuns() {
        assertEquals(2, BenchCommand.median(new double[] {3, 1, 2}));
        assertEquals(2.5, BenchCommand.median(new double[] {4, 1, 2, 3}));
    }
}
