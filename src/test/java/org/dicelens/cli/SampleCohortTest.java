package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The sample cohort (sample-data/cohort) through {@code dicelens cohort}: the lesion class's figures computed with
 * numpy from the files (gzip + the NIfTI header read by hand; V_hard at t = 0.5), as sample-data/README.md quotes them.
 */
class SampleCohortTest {
    private static final Path COHORT = Path.of("sample-data", "cohort");

    private static JsonNode lesion(String model) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(COHORT.resolve(model)), "sample cohort absent");
        Cli r = Cli.run("cohort", "--reference-dir", COHORT.resolve("labels").toString(), "--prediction-dir",
                COHORT.resolve(model).toString(), "--labels", COHORT.resolve("labels.txt").toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(8, root.get("cases").size());
        return root.get("summary").get(1);
    }

    @Test
    void calibratedSoftVolumeIsNearlyUnbiased() throws Exception {
        JsonNode s = lesion("calibrated");
        assertEquals(8, s.get("cases").asInt());
        assertEquals(0.2736918679982477, s.get("meanSoftDice").asDouble(), 1e-9);
        assertEquals(0.34233271929595266, s.get("meanHardDice").asDouble(), 1e-12);
        assertEquals(0.1407783131982559, s.get("sdHardDice").asDouble(), 1e-12);
        assertEquals(0.3819453640071092, s.get("medianHardDice").asDouble(), 1e-12);
        assertEquals(-0.22295253412949756, s.get("meanDeltaSoftMl").asDouble(), 1e-9);
        assertEquals(-4.04578125, s.get("meanDeltaHardMl").asDouble(), 1e-9);
        assertEquals(-0.46254086101753744, s.get("correlationSoftRef").asDouble(), 1e-9);
    }

    @Test
    void overconfidentSoftVolumeFollowsTheHardOne() throws Exception {
        JsonNode s = lesion("overconfident");
        assertEquals(0.3422272204924555, s.get("meanSoftDice").asDouble(), 1e-9);
        assertEquals(-3.820991396664546, s.get("meanDeltaSoftMl").asDouble(), 1e-9);
        assertEquals(-0.4674191989891634, s.get("correlationSoftRef").asDouble(), 1e-9);
    }
}
