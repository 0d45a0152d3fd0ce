package org.dicelens.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.volume.Case;
import org.dicelens.volume.CaseLoader;
import org.dicelens.volume.CaseSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by the phantom writer load back, through the app's own case loader, as the in-memory case. */
class PhantomWriterTest {
    @TempDir
    Path dir;

    @Test
    void writtenBrainLoadsBackAsTheSameCase() throws Exception {
        Phantom p = PhantomGenerator.generate(PhantomTest.small().withRaters(2));
        PhantomWriter.Written w = PhantomWriter.write(p, dir, EnumSet.allOf(PhantomPrediction.class));
        for (Path f : w.all()) {
            assertTrue(Files.isRegularFile(f), f.toString());
        }
        try (var s = Files.list(dir)) {
            assertEquals(w.all().size(), s.count(), "no temporary files left");
        }
        for (PhantomPrediction kind : PhantomPrediction.values()) {
            Case loaded = CaseLoader.load(CaseSpec.of(w.reference(), w.predictions().get(kind)).withImage(w.image())
                    .withClassTable(w.labels()), Progress.NONE);
            Case mem = p.toCase(kind);
            assertNull(loaded.geometry().mismatch(mem.geometry(), 1e-4), kind.toString());
            assertEquals(mem.geometry().voxelMl(), loaded.geometry().voxelMl(), 1e-9);
            assertArrayEquals(mem.referenceClass(), loaded.referenceClass());
            assertArrayEquals(mem.image().values(), loaded.image().values());
            assertEquals(4, loaded.classCount());
            for (int c = 0; c < 4; c++) {
                assertEquals(mem.classes().get(c).name(), loaded.classes().get(c).name());
                assertEquals(mem.classes().get(c).label(), loaded.classes().get(c).label());
                assertArrayEquals(mem.prediction().channels()[c], loaded.prediction().channels()[c], kind + " " + c);
            }
        }
        NiftiVolume rater1 = NiftiReader.read(w.raters().get(0), Progress.NONE);
        byte[] r1 = p.rater(1);
        for (int i = 0; i < r1.length; i++) {
            assertEquals(r1[i], (int) rater1.get(0, i));
        }
        NiftiVolume pred = NiftiReader.read(w.predictions().get(PhantomPrediction.CALIBRATED), Progress.NONE);
        assertEquals(4, pred.channels());
        assertEquals(2, pred.header().xyzt_units & 7, "spatial units are mm");
    }

    @Test
    void descriptionHoldsSpecLesionsAndExpectedVolumes() throws Exception {
        Phantom p = PhantomGenerator.generate(PhantomTest.small().withKind(PhantomKind.LESION));
        PhantomWriter.Written w = PhantomWriter.write(p, dir, EnumSet.of(PhantomPrediction.CALIBRATED));
        JsonNode j = new ObjectMapper().readTree(w.description().toFile());
        assertEquals("lesion", j.get("kind").asText());
        assertEquals(24, j.get("size").get(0).asInt());
        assertEquals(p.lesions().size(), j.get("lesions").size());
        assertEquals(p.expectedVolumeMl(1), j.get("classes").get(1).get("expectedMl").asDouble(), 1e-5 * p.expectedVolumeMl(1));
        assertEquals(2, j.get("classes").size());
        assertEquals(1, w.predictions().size());
    }
}
