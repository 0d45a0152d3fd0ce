package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dataset.json through {@code evaluate}: a region model's archive (one sigmoid channel per region, no background) is
 * evaluated per region, named by the region, with Dice equal to a brute-force count of the reference's label unions;
 * a label model's classes take the file's names. The dataset.json is found beside the predictions or given with
 * {@code --dataset-json}.
 */
class DatasetJsonCliTest {
    static final int NX = NnUnetCliTest.NX;
    static final int NY = NnUnetCliTest.NY;
    static final int NZ = NnUnetCliTest.NZ;
    static final String REGIONS = """
            {"labels": {"background": 0, "whole tumor": [1, 2, 3], "tumor core": [2, 3], "enhancing tumor": 3},
             "regions_class_order": [1, 2, 3], "file_ending": ".nii.gz"}""";

    @TempDir
    Path dir;

    @Test
    void regionDiceEqualsBruteForceCountsOfLabelUnions() throws Exception {
        int n = NX * NY * NZ;
        Random rnd = new Random(23);
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(4);
        }
        float[][] p = new float[3][n];
        for (float[] ch : p) {
            for (int i = 0; i < n; i++) {
                ch[i] = rnd.nextInt(6) == 0 ? 0.5f : rnd.nextFloat(); // exact 0.5: the threshold is inclusive
            }
        }
        Path ref = TinyNifti.write(dir.resolve("BraTS_001.nii.gz"), NX, NY, NZ, NnUnetCliTest.SPACING, TinyNifti.UINT8,
                labels);
        Path out = Files.createDirectories(dir.resolve("nnunet-out"));
        Path npz = NnUnetCliTest.npz(out.resolve("BraTS_001.npz"), p);
        Files.writeString(out.resolve("dataset.json"), REGIONS);
        JsonNode beside = NnUnetCliTest.json(Cli.run("evaluate", "--reference", ref.toString(), "--prediction",
                npz.toString(), "-q"));
        // the same with --dataset-json from elsewhere (and none beside the predictions)
        Path other = Files.createDirectories(dir.resolve("other"));
        Path npz2 = Files.copy(npz, other.resolve("BraTS_001.npz"));
        Path json = Files.writeString(dir.resolve("my-dataset.json"), REGIONS);
        JsonNode given = NnUnetCliTest.json(Cli.run("evaluate", "--reference", ref.toString(), "--prediction",
                npz2.toString(), "--dataset-json", json.toString(), "-q"));
        assertEquals(beside, given);
        assertEquals(3, beside.size(), beside.toString());
        List<String> names = List.of("whole tumor", "tumor core", "enhancing tumor");
        int[][] unions = {{1, 2, 3}, {2, 3}, {3}};
        for (int r = 0; r < 3; r++) {
            JsonNode c = beside.get(r);
            assertTrue(c.toString().contains("BraTS_001: " + names.get(r)), c.toString());
            JsonNode k = c.get("classes").get(1);
            assertTrue(k.toString().contains(names.get(r)), k.toString());
            long tp = 0;
            long fp = 0;
            long fn = 0;
            double inter = 0;
            double sumP = 0;
            long sumG = 0;
            for (int i = 0; i < n; i++) {
                boolean g = false;
                for (int l : unions[r]) {
                    g |= labels[i] == l;
                }
                boolean h = p[r][i] >= 0.5f;
                tp += h && g ? 1 : 0;
                fp += h && !g ? 1 : 0;
                fn += !h && g ? 1 : 0;
                inter += g ? p[r][i] : 0;
                sumP += p[r][i];
                sumG += g ? 1 : 0;
            }
            assertEquals(tp, k.get("tp").asLong(), names.get(r));
            assertEquals(fp, k.get("fp").asLong(), names.get(r));
            assertEquals(fn, k.get("fn").asLong(), names.get(r));
            assertEquals(2.0 * tp / (2.0 * tp + fp + fn), k.get("hardDice").asDouble(), 1e-12, names.get(r));
            assertEquals(2 * inter / (sumP + sumG), k.get("softDice").asDouble(), 1e-6, names.get(r));
        }
        // argmax asked for: regions are still thresholded (their channels are independent sigmoids)
        JsonNode argmax = NnUnetCliTest.json(Cli.run("evaluate", "--reference", ref.toString(), "--prediction",
                npz.toString(), "--mode", "argmax", "-q"));
        assertEquals(beside.get(2).get("classes").get(1).get("tp"), argmax.get(2).get("classes").get(1).get("tp"));
        // a cohort summarises a region model per region (RegionCohortCliTest checks its numbers)
        JsonNode cohort = NnUnetCliTest.json(Cli.run("cohort", "--reference-dir", dir.toString(), "--prediction-dir",
                out.toString(), "-q"));
        assertEquals(names, cohort.get("summary").findValuesAsText("name"));
        assertEquals(beside, cohort.get("cases"));
    }

    @Test
    void aLabelModelsClassesTakeTheNamesOfEitherStyle() throws Exception {
        float[][] p = NnUnetCliTest.probabilities(8);
        Path ref = TinyNifti.write(dir.resolve("ref.nii.gz"), NX, NY, NZ, NnUnetCliTest.SPACING, TinyNifti.UINT8,
                NnUnetCliTest.labels(9));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path npz = NnUnetCliTest.npz(out.resolve("case_01.npz"), p);
        Files.writeString(out.resolve("dataset.json"), "{\"labels\": {\"background\": 0, \"liver\": 1, \"tumour\": 2}}");
        JsonNode v2 = NnUnetCliTest.json(Cli.run("evaluate", "--reference", ref.toString(), "--prediction", npz.toString(),
                "-q"));
        Files.writeString(out.resolve("dataset.json"), "{\"labels\": {\"0\": \"background\", \"1\": \"liver\", \"2\": \"tumour\"}}");
        JsonNode msd = NnUnetCliTest.json(Cli.run("evaluate", "--reference", ref.toString(), "--prediction", npz.toString(),
                "-q"));
        assertEquals(v2, msd);
        assertTrue(v2.get("classes").get(1).toString().contains("\"liver\""), v2.toString());
        assertTrue(v2.get("classes").get(2).toString().contains("\"tumour\""), v2.toString());
    }

    /** nnU-Net's layout: labelsTs/CASE.nii.gz against an output folder (CASE.npz, CASE.nii.gz, CASE.pkl, jsons). */
    @Test
    void aCohortOverAnNnUnetOutputFolderUsesTheArchivesAndTheClassNames() throws Exception {
        Path labelsTs = Files.createDirectories(dir.resolve("labelsTs"));
        Path imagesTs = Files.createDirectories(dir.resolve("imagesTs"));
        Path out = Files.createDirectories(dir.resolve("predictions"));
        for (int k = 1; k <= 2; k++) {
            String name = "case_0" + k;
            TinyNifti.write(labelsTs.resolve(name + ".nii.gz"), NX, NY, NZ, NnUnetCliTest.SPACING, TinyNifti.UINT8,
                    NnUnetCliTest.labels(10 + k));
            TinyNifti.write(imagesTs.resolve(name + "_0000.nii.gz"), NX, NY, NZ, NnUnetCliTest.SPACING, TinyNifti.FLOAT32,
                    NnUnetCliTest.probabilities(k)[0]);
            TinyNifti.write(out.resolve(name + ".nii.gz"), NX, NY, NZ, NnUnetCliTest.SPACING, TinyNifti.UINT8,
                    NnUnetCliTest.labels(20 + k));
            NnUnetCliTest.npz(out.resolve(name + ".npz"), NnUnetCliTest.probabilities(30 + k));
            Files.write(out.resolve(name + ".pkl"), new byte[] {(byte) 0x80, 4, '.'}); // never read
        }
        Files.writeString(out.resolve("dataset.json"), "{\"labels\": {\"background\": 0, \"liver\": 1, \"tumour\": 2}}");
        Files.writeString(out.resolve("plans.json"), "{\"image_reader_writer\": \"SimpleITKIO\"}");
        Cli r = Cli.run("cohort", "--reference-dir", labelsTs.toString(), "--prediction-dir", out.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        JsonNode cohort = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals(2, cohort.get("cases").size());
        assertTrue(cohort.get("summary").toString().contains("\"tumour\""), cohort.get("summary").toString());
        // the batch evaluate pairs the same way and reads the archives: its case reports equal the cohort's
        JsonNode batch = NnUnetCliTest.json(Cli.run("evaluate", "--reference-dir", labelsTs.toString(), "--prediction-dir",
                out.toString(), "-q"));
        assertEquals(batch, cohort.get("cases"));
        // and they are the numbers of the archives, not of the segmentations beside them
        Path nifti = Files.createDirectories(dir.resolve("nifti"));
        for (int k = 1; k <= 2; k++) {
            TinyNifti.write(nifti.resolve("case_0" + k + ".nii.gz"), NX, NY, NZ, NnUnetCliTest.SPACING, TinyNifti.FLOAT32,
                    NnUnetCliTest.probabilities(30 + k));
        }
        Files.copy(out.resolve("dataset.json"), nifti.resolve("dataset.json"));
        assertEquals(NnUnetCliTest.json(Cli.run("evaluate", "--reference-dir", labelsTs.toString(), "--prediction-dir",
                nifti.toString(), "-q")), batch);
    }
}
