package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.dicelens.common.Progress;
import org.dicelens.metrics.spatial.Connectivity;
import org.dicelens.metrics.spatial.Grid;
import org.dicelens.metrics.spatial.SpatialMetrics;
import org.dicelens.metrics.spatial.SpatialOptions;
import org.dicelens.metrics.spatial.SpatialResult;
import org.dicelens.metrics.spatial.SurfaceMetrics;
import org.dicelens.metrics.spatial.VoxelMask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --spatial} on a small anisotropic case built here: two reference lesions (A found by a prediction
 * shifted one voxel, B missed) and one false-positive blob. Lesion counts and A's Dice are worked by hand; the
 * distances are compared with {@link SpatialMetrics} called directly on masks thresholded in the test.
 */
class SpatialCliTest {
    private static final int NX = 20;
    private static final int NY = 16;
    private static final int NZ = 8;
    private static final double[] SPACING = {1.0, 1.5, 2.0};

    @TempDir
    Path dir;
    private Path ref;
    private Path pred;
    private final boolean[] refMask = new boolean[NX * NY * NZ];
    private final float[] p = new float[NX * NY * NZ];

    private static int idx(int x, int y, int z) {
        return x + NX * (y + NY * z);
    }

    private static void box(int x0, int x1, int y0, int y1, int z0, int z1, java.util.function.IntConsumer f) {
        for (int z = z0; z <= z1; z++) {
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    f.accept(idx(x, y, z));
                }
            }
        }
    }

    @BeforeEach
    void write() throws Exception {
        java.util.Arrays.fill(p, 0.2f);
        box(3, 6, 3, 6, 2, 4, i -> refMask[i] = true); // lesion A, 48 voxels
        box(14, 16, 10, 12, 4, 5, i -> refMask[i] = true); // lesion B, 18 voxels, missed
        box(4, 7, 3, 6, 2, 4, i -> p[i] = 0.9f); // A shifted by one voxel in x: 36 voxels overlap
        box(10, 11, 1, 2, 6, 7, i -> p[i] = 0.7f); // false-positive blob of 8 voxels
        float[] labels = new float[refMask.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = refMask[i] ? 1 : 0;
        }
        ref = TinyNifti.write(dir.resolve("ref.nii"), NX, NY, NZ, SPACING, TinyNifti.UINT8, labels);
        pred = TinyNifti.write(dir.resolve("pred.nii"), NX, NY, NZ, SPACING, TinyNifti.FLOAT32, p);
    }

    private Cli run(String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("evaluate", "--reference", ref.toString(), "--prediction",
                pred.toString(), "-q"));
        a.addAll(List.of(extra));
        return Cli.run(a.toArray(new String[0]));
    }

    private static JsonNode foreground(JsonNode o) {
        for (JsonNode c : o.get("classes")) {
            if (c.get("label").asInt() == 1) {
                return c;
            }
        }
        throw new AssertionError("no class 1");
    }

    private SpatialResult direct(double threshold, SpatialOptions o) {
        boolean[] m = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            m[i] = p[i] >= threshold;
        }
        Grid g = Grid.of(NX, NY, NZ, SPACING[0], SPACING[1], SPACING[2]);
        return SpatialMetrics.compute(VoxelMask.ofBooleans(m), VoxelMask.ofBooleans(refMask), null, g, o, Progress.NONE);
    }

    private static void sameSurface(SurfaceMetrics s, JsonNode c) {
        assertEquals(s.hd(), c.get("hd").asDouble(), 1e-12, "hd");
        assertEquals(s.hd95(), c.get("hd95").asDouble(), 1e-12, "hd95");
        assertEquals(s.assd(), c.get("assd").asDouble(), 1e-12, "assd");
        assertEquals(s.masd(), c.get("masd").asDouble(), 1e-12, "masd");
        assertEquals(s.nsd(), c.get("nsd").asDouble(), 1e-12, "nsd");
        assertEquals(s.nsdToleranceMm(), c.get("nsdTolerance").asDouble(), 0, "nsdTolerance");
    }

    @Test
    void jsonHasTheSpatialKeysOfEachForegroundClass() throws Exception {
        JsonNode o = EvaluateCommandTest.json(run("--spatial"));
        JsonNode c = foreground(o);
        sameSurface(direct(0.5, SpatialOptions.defaults()).surface(), c);
        // hand-worked: A detected, B missed, the blob a false positive; F1 = 2·1 / (2·1 + 1 + 1)
        assertEquals(2, c.get("lesionsRef").asInt());
        assertEquals(2, c.get("lesionsPred").asInt());
        assertEquals(1, c.get("lesionsDetected").asInt());
        assertEquals(1, c.get("lesionsMissed").asInt());
        assertEquals(1, c.get("lesionsFalsePositive").asInt());
        assertEquals(0.5, c.get("lesionF1").asDouble(), 1e-12);
        JsonNode lesions = c.get("lesions");
        assertEquals(3, lesions.size());
        double voxelMl = 1.0 * 1.5 * 2.0 / 1000;
        JsonNode a = lesions.get(0);
        assertEquals("reference", a.get("kind").asText());
        assertEquals(48 * voxelMl, a.get("volumeMl").asDouble(), 1e-12);
        assertEquals(48 * voxelMl, a.get("predictedMl").asDouble(), 1e-12);
        assertEquals(2.0 * 36 / 96, a.get("dice").asDouble(), 1e-12);
        assertTrue(a.get("detected").asBoolean());
        JsonNode b = lesions.get(1);
        assertFalse(b.get("detected").asBoolean());
        assertEquals(0, b.get("dice").asDouble(), 0);
        assertEquals(18 * voxelMl, b.get("volumeMl").asDouble(), 1e-12);
        assertEquals(15, b.get("centre").get(0).asInt()); // B spans x 14..16, y 10..12, z 4..5
        assertEquals(11, b.get("centre").get(1).asInt());
        JsonNode fp = lesions.get(2);
        assertEquals("falsePositive", fp.get("kind").asText());
        assertEquals(8 * voxelMl, fp.get("volumeMl").asDouble(), 1e-12);
        // the background gets no spatial numbers
        for (JsonNode k : o.get("classes")) {
            if (k.get("label").asInt() == 0) {
                assertTrue(k.get("hd95").isNull());
                assertTrue(k.get("lesions").isNull());
            }
        }
    }

    @Test
    void optionsReachTheMetrics() throws Exception {
        JsonNode c = foreground(EvaluateCommandTest.json(run("--spatial", "--nsd-tolerances", "1=2.5", "--connectivity",
                "6", "--min-lesion-voxels", "10", "--threshold", "0.6")));
        SpatialOptions o = SpatialOptions.defaults().withNsdTolerance(2.5).withConnectivity(Connectivity.SIX)
                .withMinLesion(10, 0);
        sameSurface(direct(0.6, o).surface(), c);
        // the 8-voxel blob falls below the minimum size: no false positive any more
        assertEquals(0, c.get("lesionsFalsePositive").asInt());
        assertEquals(1, c.get("lesionsPred").asInt());
        assertEquals(2.0 / 3, c.get("lesionF1").asDouble(), 1e-12);
    }

    @Test
    void emptyPredictionGivesNullDistances() throws Exception {
        JsonNode c = foreground(EvaluateCommandTest.json(run("--spatial", "--threshold", "0.95")));
        for (String k : List.of("hd", "hd95", "assd", "masd", "nsd")) {
            assertTrue(c.get(k).isNull(), k);
        }
        assertEquals(2, c.get("lesionsMissed").asInt());
        assertEquals(0, c.get("lesionF1").asDouble(), 0);
    }

    @Test
    void aBatchCarriesTheSameSpatialKeysPerCase() throws Exception {
        Path refs = java.nio.file.Files.createDirectories(dir.resolve("refs"));
        Path preds = java.nio.file.Files.createDirectories(dir.resolve("preds"));
        java.nio.file.Files.copy(ref, refs.resolve("caseA.nii"));
        java.nio.file.Files.copy(pred, preds.resolve("caseA.nii"));
        Cli r = Cli.run("evaluate", "--reference-dir", refs.toString(), "--prediction-dir", preds.toString(), "-q",
                "--spatial", "--jobs", "1");
        JsonNode c = foreground(EvaluateCommandTest.json(r).get(0));
        sameSurface(direct(0.5, SpatialOptions.defaults()).surface(), c);
        assertEquals(1, c.get("lesionsMissed").asInt());
    }

    @Test
    void csvHasTheScalarColumnsOnly() {
        Cli r = run("--spatial", "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        List<String> header = List.of(r.out().lines().findFirst().orElseThrow().split(","));
        assertTrue(header.containsAll(List.of("hd", "hd95", "assd", "masd", "nsd", "nsdTolerance", "lesionsRef",
                "lesionsPred", "lesionsDetected", "lesionsMissed", "lesionsFalsePositive", "lesionF1")), header.toString());
        assertFalse(header.contains("lesions"));
    }

    @Test
    void withoutSpatialTheReportIsUnchanged() throws Exception {
        JsonNode c = foreground(EvaluateCommandTest.json(run()));
        assertFalse(c.has("hd95"));
    }

    @Test
    void badOptionsExitTwoWithOneLine() {
        String[][] bad = {{"--spatial", "--connectivity", "7"}, {"--spatial", "--connectivity", "x"},
            {"--spatial", "--nsd-tolerance", "-1"}, {"--spatial", "--nsd-tolerance", "abc"},
            {"--spatial", "--min-lesion-voxels", "-3"}, {"--spatial", "--nsd-tolerances", "5=1"},
            {"--spatial", "--nsd-tolerances", "1=x"}, {"--spatial", "--nsd-tolerances", "0=1"},
            {"--spatial", "--nsd-tolerance", "1", "--nsd-tolerances", "1=2"}, {"--nsd-tolerance", "1"},
            {"--connectivity", "6"}};
        for (String[] args : bad) {
            Cli r = run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.errLines(), String.join(" ", args) + ": " + r.err());
        }
    }
}
