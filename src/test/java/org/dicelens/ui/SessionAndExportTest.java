package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.WeightScheme;
import org.dicelens.ui.io.AtomicWriter;
import org.dicelens.ui.io.MetricsExport;
import org.dicelens.ui.io.Sessions;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.MetricsRows;
import org.dicelens.ui.model.OverlayModel;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions round-trip every control; exports carry the command line's fields; nothing is written over an input. */
class SessionAndExportTest {
    @TempDir
    Path dir;
    private CaseFiles files;
    private ViewerModel vm;
    private DisplayModel display;

    @BeforeEach
    void setUp() throws Exception {
        files = new UiTestCase(11).write(dir);
        vm = new ViewerModel(Runnable::run, AppWiring.reader(), AppWiring.factory());
        display = new DisplayModel();
        vm.currentProperty().addListener((o, a, lc) -> display.crosshair().reset(lc.data().geometry()));
        vm.open(files);
        Await.until("metrics", () -> vm.metricsProperty().get() != null);
    }

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    @Test
    void sessionRestoresEveryControlOnAFreshViewer() throws Exception {
        vm.controls().classes().get(1).thresholdStepProperty().set(321);
        vm.controls().classes().get(2).thresholdStepProperty().set(777);
        vm.controls().classes().get(2).visibleProperty().set(false);
        vm.controls().marginProperty().set(2);
        vm.controls().weightSchemeProperty().set(WeightScheme.UNIFORM);
        vm.controls().losses().tverskyBeta.set(0.7);
        vm.controls().selectedClassProperty().set(2);
        display.crosshair().set(3, 4, 5);
        display.windowLowProperty().set(12.5);
        display.windowHighProperty().set(99);
        display.overlays().layer(OverlayModel.Layer.ERRORS).enabled.set(true);
        display.overlays().colormap.set(OverlayModel.Colormap.HOT);
        Path session = dir.resolve("out").resolve("s.dicelens.json");
        Sessions.save(vm, display, session);

        ViewerModel fresh = new ViewerModel(Runnable::run, AppWiring.reader(), AppWiring.factory());
        DisplayModel d2 = new DisplayModel();
        fresh.currentProperty().addListener((o, a, lc) -> d2.crosshair().reset(lc.data().geometry()));
        try {
            Sessions.open(session, fresh, d2);
            // the restore runs on the load thread and sets the overlays last: wait for them, or the controls read
            // below may be caught half-restored (seen once: the colormap still VIRIDIS)
            Await.until("the session's case", () -> fresh.current() != null && fresh.metricsProperty().get() != null
                    && fresh.controls().marginProperty().get() == 2
                    && d2.overlays().colormap.get() == OverlayModel.Colormap.HOT);
            assertArrayEquals(vm.controls().toSettings().thresholdSteps(), fresh.controls().toSettings().thresholdSteps());
            assertEquals(vm.controls().toSettings().losses(), fresh.controls().toSettings().losses());
            assertEquals(WeightScheme.UNIFORM, fresh.controls().weightSchemeProperty().get());
            assertFalse(fresh.controls().classes().get(2).visibleProperty().get());
            assertEquals(2, fresh.controls().selectedClassProperty().get());
            assertArrayEquals(new int[] {3, 4, 5}, d2.crosshair().voxel());
            assertEquals(12.5, d2.windowLowProperty().get());
            assertTrue(d2.overlays().on(OverlayModel.Layer.ERRORS));
            assertEquals(OverlayModel.Colormap.HOT, d2.overlays().colormap.get());
        } finally {
            fresh.shutdown();
        }
    }

    @Test
    void corruptOrStaleSessionsAreInputErrorsNamingTheSession() throws Exception {
        Path corrupt = dir.resolve("corrupt.dicelens.json");
        Files.writeString(corrupt, "{\"version\": 1, \"files\": ");
        InputException e = assertThrows(InputException.class, () -> Sessions.open(corrupt, vm, display));
        assertTrue(e.getMessage().contains("corrupt.dicelens.json"), e.getMessage());

        Path good = dir.resolve("good.dicelens.json");
        Sessions.save(vm, display, good);
        Files.move(files.reference(), dir.resolve("moved_seg.nii.gz"));
        InputException moved = assertThrows(InputException.class, () -> Sessions.open(good, vm, display));
        assertTrue(moved.getMessage().contains("case_seg.nii.gz"), moved.getMessage());
    }

    @Test
    void csvHasTheCommandLineFieldsAndTheEnginesValues() throws Exception {
        CaseMetrics m = vm.metricsProperty().get();
        Path csv = dir.resolve("m.csv");
        MetricsExport.writeCsv(m, csv, files.inputs());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + m.classes().size(), lines.size());
        List<String> header = List.of(lines.get(0).split(",", -1));
        for (RecordComponent rc : ClassMetrics.class.getRecordComponents()) {
            assertTrue(header.contains(rc.getName()), "column " + rc.getName());
        }
        assertTrue(header.containsAll(List.of("case", "gdl", "gdlScore", "meanSoftDice", "regionVoxels")));
        String[] row = lines.get(2).split(",", -1);
        assertEquals(m.classes().get(1).hardDice(), Double.parseDouble(row[header.indexOf("hardDice")]));
        assertEquals(m.classes().get(1).tp(), Long.parseLong(row[header.indexOf("tp")]));
        assertEquals(m.gdl(), Double.parseDouble(row[header.indexOf("gdl")]));
    }

    @Test
    void jsonHasTheCommandLineKeysWithNaNAsNull() throws Exception {
        vm.controls().selectedClassProperty().set(1);
        CaseMetrics m = vm.metricsProperty().get();
        Path json = dir.resolve("m.json");
        MetricsExport.writeJson(m, json, files.inputs());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        for (String k : List.of("case", "voxelMl", "regionVoxels", "foregroundFraction", "mode", "classes", "gdl", "gdlScore",
                "gdlWeights", "emptyRule", "meanSoftDice", "meanHardDice", "ceMulticlass", "expLog")) {
            assertTrue(root.has(k), "key " + k);
        }
        JsonNode c1 = root.get("classes").get(1);
        for (RecordComponent rc : ClassMetrics.class.getRecordComponents()) {
            assertTrue(c1.has(rc.getName()), "class key " + rc.getName());
        }
        assertEquals(m.classes().get(1).softDice(), c1.get("softDice").asDouble());
        // a NaN value is written as null (pandas reads it as NaN)
        assertTrue(new ObjectMapper().readTree(MetricsExport.mapper().writeValueAsString(
                java.util.Map.of("x", Double.NaN))).get("x").isNull());
    }

    @Test
    void exportsRefuseToWriteOverAnInputAndLeaveItIntact() throws Exception {
        byte[] before = Files.readAllBytes(files.reference());
        CaseMetrics m = vm.metricsProperty().get();
        assertThrows(InputException.class, () -> MetricsExport.writeCsv(m, files.reference(), files.inputs()));
        assertThrows(InputException.class, () -> Sessions.save(vm, display, files.predictions().get(0)));
        assertArrayEquals(before, Files.readAllBytes(files.reference()));
    }

    @Test
    void aFailedWriteLeavesThePreviousFileIntact() throws Exception {
        Path target = dir.resolve("keep.csv");
        Files.writeString(target, "previous");
        assertThrows(InputException.class, () -> AtomicWriter.write(target, List.of(), out -> {
            out.write("partial".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("previous", Files.readString(target));
        try (var s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temp file left behind");
        }
    }

    @Test
    void tsvHasOneLinePerClassPlusMeanWithTheEnginesNumbers() {
        CaseMetrics m = vm.metricsProperty().get();
        String tsv = MetricsRows.tsv(MetricsRows.rows(m));
        String[] lines = tsv.split("\n");
        assertEquals(1 + m.classes().size() + 1, lines.length);
        String[] c2 = lines[3].split("\t", -1);
        assertEquals(m.classes().get(2).name(), c2[0]);
        assertEquals(m.classes().get(2).hardDice(), Double.parseDouble(c2[2]));
        assertEquals(m.classes().get(2).deltaHardMl(), Double.parseDouble(c2[11]));
        String[] mean = lines[lines.length - 1].split("\t", -1);
        assertEquals(m.meanSoftDice(), Double.parseDouble(mean[1]));
        assertEquals("", mean[3]);
    }
}
