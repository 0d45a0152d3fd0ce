package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.CaseFolder;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.HardMode;
import org.dicelens.ui.io.MetricsExport;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.volume.formats.RegionFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A region model's nnU-Net output folder (CASE.npz or a 4D NIfTI, with a dataset.json naming regions) in the viewer
 * model: one case per region, named by the region, against the union of its labels, threshold mode locked. Every
 * number equals a brute-force count over the voxels, and the exported metrics of each region are what {@code evaluate}
 * writes for that region (CSV byte for byte, JSON as a tree).
 */
class RegionViewerModelTest {
    @TempDir
    Path dir;
    private ViewerModel vm;

    @AfterEach
    void tearDown() {
        if (vm != null) {
            vm.shutdown();
        }
    }

    @Test
    void anNpzRegionModelShowsEachRegionAgainstItsLabelUnion() throws Exception {
        check(true);
    }

    @Test
    void aFourDimensionalNiftiRegionModelToo() throws Exception {
        check(false);
    }

    private void check(boolean npz) throws Exception {
        RegionFixture fx = new RegionFixture(npz ? 5 : 6);
        Path ref = fx.writeReference(dir.resolve("labelsTs"), "BraTS_005");
        Path out = dir.resolve("nnunet_output");
        Path pred = fx.writePrediction(out, "BraTS_005", npz);
        CaseFiles files = CaseFolder.forReference(out, ref);
        assertEquals(pred, files.predictions().get(0));
        vm = new ViewerModel(Runnable::run, AppWiring.reader(), AppWiring.factory());
        vm.controls().modeProperty().set(HardMode.ARGMAX); // what the user had before: a region model must undo it
        vm.open(files);
        Await.until("the first region's metrics", () -> vm.metricsProperty().get() != null);
        LoadedCase lc = vm.current();
        assertTrue(lc.hasRegions());
        assertEquals(RegionFixture.NAMES, lc.regions().stream().map(c -> c.classes().get(1).name()).toList());
        assertEquals(0, lc.region());
        assertEquals(HardMode.THRESHOLD, vm.controls().modeProperty().get());
        assertNotNull(vm.controls().modeLockProperty().get());
        vm.controls().modeProperty().set(HardMode.ARGMAX);
        assertEquals(HardMode.THRESHOLD, vm.controls().modeProperty().get(), "argmax refused while locked");

        String evaluated = cli(ref, pred, "csv");
        JsonNode evaluatedJson = new ObjectMapper().readTree(cli(ref, pred, "json"));
        assertEquals(3, evaluatedJson.size());
        for (int r = 0; r < 3; r++) {
            String name = "BraTS_005: " + RegionFixture.NAMES.get(r);
            vm.chooseRegion(r);
            Await.until(name, () -> vm.metricsProperty().get() != null && vm.metricsProperty().get().caseName()
                    .equals(name) && vm.metricsSettingsProperty().get().thresholdSteps()[1] == 500);
            assertEquals(r, vm.current().region());
            assertEquals(HardMode.THRESHOLD, vm.metricsSettingsProperty().get().mode());
            expect(fx, r, 500, vm.metricsProperty().get());

            CaseMetrics m = vm.metricsProperty().get();
            Path csv = dir.resolve("viewer-" + r + ".csv");
            Path json = dir.resolve("viewer-" + r + ".json");
            MetricsExport.writeCsv(m, csv, files.inputs());
            MetricsExport.writeJson(m, json, files.inputs());
            List<String> viewerLines = Files.readAllLines(csv);
            List<String> expected = new ArrayList<>();
            List<String> cliLines = evaluated.lines().toList();
            expected.add(cliLines.get(0));
            String first = viewerLines.get(1).substring(0, viewerLines.get(1).indexOf(','));
            assertTrue(first.contains(RegionFixture.NAMES.get(r)), first);
            cliLines.stream().skip(1).filter(l -> l.startsWith(first + ",")).forEach(expected::add);
            assertEquals(String.join("\n", expected) + "\n", Files.readString(csv).replace("\r\n", "\n"), "CSV of " + name);
            assertEquals(evaluatedJson.get(r), new ObjectMapper().readTree(json.toFile()), "JSON of " + name);

            // another threshold for the region's class: the counts follow p ≥ t
            vm.controls().classes().get(1).thresholdStepProperty().set(270);
            Await.until("t = 0.27", () -> vm.metricsSettingsProperty().get().thresholdSteps()[1] == 270);
            expect(fx, r, 270, vm.metricsProperty().get());
            vm.controls().classes().get(1).thresholdStepProperty().set(500);
        }
    }

    private static void expect(RegionFixture fx, int r, int step, CaseMetrics m) {
        RegionFixture.Counts k = fx.counts(r, step);
        ClassMetrics c = m.classes().get(1);
        String what = RegionFixture.NAMES.get(r) + " at " + step;
        assertEquals(RegionFixture.NAMES.get(r), c.name(), what);
        assertEquals(k.tp(), c.tp(), what);
        assertEquals(k.fp(), c.fp(), what);
        assertEquals(k.fn(), c.fn(), what);
        assertEquals(k.ref(), c.refVoxels(), 0, what);
        assertEquals(k.hardDice(), c.hardDice(), 1e-12, what);
        assertEquals(k.softDice(), c.softDice(), 1e-6, what);
    }

    private String cli(Path ref, Path pred, String format) throws Exception {
        Path out = dir.resolve("evaluate." + format);
        Files.deleteIfExists(out);
        int code = org.dicelens.cli.DiceLensCommand.commandLine().execute("evaluate", "--reference", ref.toString(),
                "--prediction", pred.toString(), "--format", format, "--out", out.toString(), "-q");
        assertEquals(0, code);
        return Files.readString(out).replace("\r\n", "\n");
    }
}
