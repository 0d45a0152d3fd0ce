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
 * numpy from the files (gzip + the NIfTI header read by hand; V_hard at t = 0.5), as sample-data/README.md quotes them:
 * the lab's logistic model trained with cross-entropy and with soft Dice on the same five lesion phantoms.
 */
class SampleCohortTest {
    private static final Path COHORT = Path.of("sample-data", "cohort");

    private static JsonNode lesion(String model) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(COHORT.resolve(model)), "sample cohort absent");
        Cli r = Cli.run("cohort", "--reference-dir", COHORT.resolve("labels").toString(), "--prediction-dir",
                COHORT.resolve(model).toString(), "--labels", COHORT.resolve("labels.txt").toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(5, root.get("cases").size());
        return root.get("summary").get(1);
    }

    @Test
    void crossEntropyModelUnderSegmentsWithAHardThreshold() throws Exception {
        JsonNode s = lesion("lab_ce");
        assertEquals(5, s.get("cases").asInt());
        assertEquals(0.11821642817088518, s.get("meanSoftDice").asDouble(), 1e-9);
        assertEquals(0.2002919023018496, s.get("meanHardDice").asDouble(), 1e-12);
        assertEquals(0.1901541291579557, s.get("sdHardDice").asDouble(), 1e-12);
        assertEquals(0.1811320754716981, s.get("medianHardDice").asDouble(), 1e-12);
        assertEquals(9.157248509521619, s.get("meanDeltaSoftMl").asDouble(), 1e-6);
        assertEquals(-2.7918, s.get("meanDeltaHardMl").asDouble(), 1e-9);
        assertEquals(1.7718177847905237, s.get("sdDeltaHardMl").asDouble(), 1e-9);
        assertEquals(-0.3080627243913034, s.get("correlationSoftRef").asDouble(), 1e-6);
    }

    @Test
    void softDiceModelOverEstimatesTheVolume() throws Exception {
        JsonNode s = lesion("lab_dice");
        assertEquals(0.24687852331567822, s.get("meanSoftDice").asDouble(), 1e-9);
        assertEquals(0.4105652599998778, s.get("meanHardDice").asDouble(), 1e-12);
        assertEquals(0.42594763579523254, s.get("medianHardDice").asDouble(), 1e-12);
        assertEquals(13.020616839245708, s.get("meanDeltaSoftMl").asDouble(), 1e-6);
        assertEquals(4.043249999999999, s.get("meanDeltaHardMl").asDouble(), 1e-9);
        assertEquals(4.696603240641048, s.get("sdDeltaHardMl").asDouble(), 1e-9);
        assertEquals(-0.17782783673516256, s.get("correlationHardRef").asDouble(), 1e-6);
    }
}
