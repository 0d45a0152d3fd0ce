package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dicelens.volume.formats.RegionFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cohort} over a region model's outputs (three small BraTS-like cases, CASE.npz with a dataset.json naming
 * regions): one summary row per region, named by the region, whose means, sd and median over the cases equal those of
 * brute-force counts of each case's label union (whole volume and a margin around each region's own box); the case
 * reports are evaluate's, one per region.
 */
class RegionCohortCliTest {
    @TempDir
    Path dir;

    @Test
    void aRegionCohortIsSummarisedPerRegionAsBruteForceCountsGive() throws Exception {
        Path labels = dir.resolve("labelsTs");
        Path out = dir.resolve("nnunet_output");
        // one case as a 4D NIfTI: both read the same way
        List<RegionFixture> cases = RegionFixture.writeCohort(labels, out, 40, "BraTS_00", k -> k != 1);
        check(cases, labels, out, 500, -1);
        check(cases, labels, out, 350, 1);
        // argmax asked for: a region model is still thresholded
        JsonNode argmax = json(Cli.run("cohort", "--reference-dir", labels.toString(), "--prediction-dir", out.toString(),
                "--mode", "argmax", "-q"));
        assertEquals(json(Cli.run("cohort", "--reference-dir", labels.toString(), "--prediction-dir", out.toString(),
                "-q")).get("summary"), argmax.get("summary"));
        // and the batch evaluate gives the same case reports
        JsonNode batch = json(Cli.run("evaluate", "--reference-dir", labels.toString(), "--prediction-dir", out.toString(),
                "-q"));
        assertEquals(batch, argmax.get("cases"));
    }

    private void check(List<RegionFixture> cases, Path labels, Path out, int step, int margin) throws Exception {
        List<String> args = new ArrayList<>(List.of("cohort", "--reference-dir", labels.toString(), "--prediction-dir",
                out.toString(), "--threshold", String.valueOf(step / 1000.0), "-q"));
        if (margin >= 0) {
            args.addAll(List.of("--margin", String.valueOf(margin)));
        }
        JsonNode r = json(Cli.run(args.toArray(String[]::new)));
        assertEquals(9, r.get("cases").size(), "one report per region and case");
        assertTrue(r.get("cases").get(0).get("case").asText().startsWith("BraTS_000: "), r.get("cases").get(0).toString());
        assertEquals(0, r.get("failed").size());
        JsonNode summary = r.get("summary");
        assertEquals(3, summary.size());
        for (int reg = 0; reg < 3; reg++) {
            JsonNode row = summary.get(reg);
            String what = RegionFixture.NAMES.get(reg) + " t=" + step + " m=" + margin;
            assertEquals(RegionFixture.NAMES.get(reg), row.get("name").asText(), what);
            assertEquals(3, row.get("cases").asInt(), what);
            double[] hard = new double[3];
            double[] soft = new double[3];
            double[] dHard = new double[3];
            double[] dSoft = new double[3];
            for (int k = 0; k < 3; k++) {
                RegionFixture.Counts c = cases.get(k).counts(reg, step, margin);
                hard[k] = c.hardDice();
                soft[k] = c.softDice();
                dHard[k] = (c.tp() + c.fp() - c.ref()) * RegionFixture.VOXEL_ML;
                dSoft[k] = (c.sumP() - c.ref()) * RegionFixture.VOXEL_ML;
            }
            assertEquals(mean(hard), row.get("meanHardDice").asDouble(), 1e-12, what);
            assertEquals(sd(hard), row.get("sdHardDice").asDouble(), 1e-12, what);
            double[] sorted = hard.clone();
            Arrays.sort(sorted);
            assertEquals(sorted[1], row.get("medianHardDice").asDouble(), 1e-12, what);
            assertEquals(mean(soft), row.get("meanSoftDice").asDouble(), 1e-6, what);
            assertEquals(mean(dHard), row.get("meanDeltaHardMl").asDouble(), 1e-9, what);
            assertEquals(mean(dSoft), row.get("meanDeltaSoftMl").asDouble(), 1e-6, what);
        }
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }

    private static JsonNode json(Cli r) throws Exception {
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }
}
