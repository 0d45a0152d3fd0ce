package org.dicelens.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dicelens.common.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhantomDescriptionTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatTheWriterWrote() throws Exception {
        Phantom p = PhantomGenerator.generate(PhantomSpec.lesion().withSize(24, 24, 12));
        PhantomWriter.write(p, dir, List.of());
        Map<Integer, Double> e = PhantomDescription.expectedMl(dir);
        assertEquals(2, e.size());
        double sum = 0;
        for (float q : p.q()[1]) {
            sum += q;
        }
        // phantom.json keeps 6 significant digits
        assertEquals(sum * p.geometry().voxelMl(), e.get(1), 1e-5 * Math.max(1, e.get(1)));
    }

    @Test
    void noFileNoVolumesAndBadFilesNamed() throws Exception {
        assertTrue(PhantomDescription.expectedMl(dir).isEmpty());
        Files.writeString(dir.resolve("phantom.json"), "{\"classes\": [{\"label\": 1}]}");
        InputException e = assertThrows(InputException.class, () -> PhantomDescription.expectedMl(dir));
        assertTrue(e.getMessage().contains("phantom.json") && e.getMessage().contains("expectedMl"), e.getMessage());
        Files.writeString(dir.resolve("phantom.json"), "{not json");
        assertThrows(InputException.class, () -> PhantomDescription.expectedMl(dir));
    }
}
