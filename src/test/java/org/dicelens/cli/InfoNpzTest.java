package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dicelens.npz.TestNpy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code info CASE.npz} describes nnU-Net's archive: dtype, shape and statistics of each array, summed by hand here. */
class InfoNpzTest {
    @TempDir
    Path dir;

    @Test
    void infoDescribesEachArrayOfAnArchive() throws Exception {
        float[] v = {0f, 0.25f, 0.5f, 1f, 0f, 0.75f}; // shape (2, 3): sum 2.5, 4 non-zero, min 0, max 1
        Path f = Files.write(dir.resolve("case_01.npz"), TestNpy.zip(Map.of("probabilities.npy", TestNpy.f4(v, 2, 3)),
                true));
        Cli r = Cli.run("info", f.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode a = new ObjectMapper().readTree(r.out()).get("arrays").get("probabilities");
        assertEquals("<f4", a.get("descr").asText());
        assertEquals("[2,3]", a.get("shape").toString());
        assertEquals(0.0, a.get("min").asDouble());
        assertEquals(1.0, a.get("max").asDouble());
        assertEquals(2.5, a.get("sum").asDouble(), 1e-12);
        assertEquals(4, a.get("nonZero").asLong());
        Cli text = Cli.run("info", f.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("probabilities: <f4 (2, 3), C order"), text.out());
    }
}
