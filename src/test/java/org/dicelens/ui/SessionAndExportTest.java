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
import org.dicelens.metrics.EmptyClasses;
import org.dicelens.metrics.WeightScheme;
import org.dicelens.ui.io.AtomicWriter;
import org.dicelens.ui.io.MetricsExport;
import org.dicelens.ui.io.SessionFile;
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
        display.overlays().colormap.set(OverlayModel.ColormapChoice.HOT);
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
                    && d2.overlays().colormap.get() == OverlayModel.ColormapChoice.HOT);
            assertArrayEquals(vm.controls().toSettings().thresholdSteps(), fresh.controls().toSettings().thresholdSteps());
            assertEquals(vm.controls().toSettings().losses(), fresh.controls().toSettings().losses());
            assertEquals(WeightScheme.UNIFORM, fresh.controls().weightSchemeProperty().get());
            assertFalse(fresh.controls().classes().get(2).visibleProperty().get());
            assertEquals(2, fresh.controls().selectedClassProperty().get());
            assertArrayEquals(new int[] {3, 4, 5}, d2.crosshair().voxel());
            assertEquals(12.5, d2.windowLowProperty().get());
            assertTrue(d2.overlays().on(OverlayModel.Layer.ERRORS));
            assertEquals(OverlayModel.ColormapChoice.HOT, d2.overlays().colormap.get());
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
        // one decision for both faces: the empty-Dice flags per class, the clamped count per case
        assertEquals(m.hardDiceEmpty()[1], c1.get("hardDiceEmpty").asBoolean());
        assertEquals(m.clampedValues(), root.get("clampedValues").asLong());
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
        assertEquals(1 + m.classes().size() + 2, lines.length);
        String[] c2 = lines[3].split("\t", -1);
        assertEquals(m.classes().get(2).name(), c2[0]);
        assertEquals(m.classes().get(2).hardDice(), Double.parseDouble(c2[2]));
        assertEquals(m.classes().get(2).deltaHardMl(), Double.parseDouble(c2[11]));
        // the mean rows name the labels they cover: all three classes (background in by default), then the foreground
        String[] mean = lines[lines.length - 2].split("\t", -1);
        assertEquals("mean 0,1,2", mean[0]);
        assertEquals(m.meanSoftDice(), Double.parseDouble(mean[1]));
        assertEquals("", mean[3]);
        String[] fg = lines[lines.length - 1].split("\t", -1);
        assertEquals("fg mean 1,2", fg[0]);
        double fgHard = (m.classes().get(1).hardDice() + m.classes().get(2).hardDice()) / 2;
        assertEquals(fgHard, Double.parseDouble(fg[2]), 1e-15);
    }

    /** The viewer's "Export metrics" writes exactly what {@code evaluate} writes, after the case name. */
    @Test
    void exportIsWhatEvaluateWritesByteForByte() throws Exception {
        compareWithEvaluate("default");
        vm.controls().emptyClassesProperty().set(EmptyClasses.EXCLUDE);
        vm.controls().losses().comboBeta.set(0.25);
        vm.controls().marginProperty().set(1);
        Await.until("metrics under the new controls", () -> vm.metricsProperty().get().emptyClasses() == EmptyClasses.EXCLUDE
                && vm.metricsProperty().get().regionVoxels() < UiTestCase.N);
        compareWithEvaluate("changed", "--empty-classes", "exclude", "--combo-beta", "0.25", "--margin", "1");
    }

    private void compareWithEvaluate(String tag, String... options) throws Exception {
        CaseMetrics m = vm.metricsProperty().get();
        for (String format : List.of("json", "csv")) {
            Path viewer = dir.resolve("viewer-" + tag + "." + format);
            Path cli = dir.resolve("cli-" + tag + "." + format);
            if (format.equals("json")) {
                MetricsExport.writeJson(m, viewer, files.inputs());
            } else {
                MetricsExport.writeCsv(m, viewer, files.inputs());
            }
            List<String> args = new java.util.ArrayList<>(List.of("evaluate", "--reference", files.reference().toString(),
                    "--prediction", files.predictions().get(0).toString(), "--image", files.image().toString(), "--format",
                    format, "--out", cli.toString(), "-q"));
            args.addAll(List.of(options));
            assertEquals(0, org.dicelens.cli.DiceLensCommand.commandLine().execute(args.toArray(String[]::new)));
            assertEquals(withoutCaseName(Files.readString(cli), format), withoutCaseName(Files.readString(viewer), format),
                    tag + " " + format);
        }
    }

    /** The report with its case name blanked: the JSON "case" value, or each CSV row's first field. */
    private static String withoutCaseName(String report, String format) {
        if (format.equals("json")) {
            return report.replaceFirst("\"case\" : \"[^\"]*\"", "\"case\" : \"\"");
        }
        StringBuilder sb = new StringBuilder();
        report.lines().forEach(l -> sb.append(sb.length() == 0 ? l : l.substring(l.indexOf(','))).append('\n'));
        assertTrue(report.startsWith("case,"), report);
        return sb.toString();
    }

    /**
     * A session written by version 1 (before --empty-classes) that also lacks a loss parameter added later: every
     * missing control gets its documented default, not 0.
     */
    @Test
    void anOldSessionGetsTheDocumentedDefaultOfWhatItLacks() throws Exception {
        String v1 = """
                {"version": 1,
                 "files": {"reference": "%s", "predictions": ["%s"], "image": null, "classTable": null, "folder": null,
                           "phantom": null},
                 "settings": {"mode": "THRESHOLD", "thresholdSteps": [500, 321, 777], "confidenceFloorStep": 0,
                              "margin": 2, "weightScheme": "UNIFORM", "customWeights": null, "emptyRule": "MAX",
                              "includeBackground": true,
                              "losses": {"smoothNr": 1e-5, "smoothDr": 1e-5, "tverskyAlpha": 0.3, "tverskyBeta": 0.7,
                                         "focalTverskyGamma": 1.3333333333333333, "wceWeightSource": "REFERENCE",
                                         "ssLambda": 0.05, "focalGamma": 2.0, "expLogGamma": 0.3, "expLogWDice": 0.8,
                                         "expLogWCe": 0.2, "comboAlpha": 0.5}},
                 "classes": [], "selectedClass": 1, "perSliceAxis": 0}
                """.formatted(files.reference().toString().replace("\\", "\\\\"),
                files.predictions().get(0).toString().replace("\\", "\\\\"));
        Path old = dir.resolve("old.dicelens.json");
        Files.writeString(old, v1);
        org.dicelens.metrics.Settings s = SessionFile.read(old).settings();
        assertEquals(0.5, s.losses().comboBeta(), "comboBeta: the formula sheet's default, not 0");
        assertEquals(10, s.calibrationBins(), "calibrationBins: 10, not 0 (which the engine would refuse)");
        assertEquals(EmptyClasses.ZERO, s.emptyClasses());
        assertEquals(0.7, s.losses().tverskyBeta(), "what the session has is kept");
        assertArrayEquals(new int[] {500, 321, 777}, s.thresholdSteps());
        assertEquals(2, s.margin());

        Files.writeString(old, v1.replace("\"ssLambda\": 0.05", "\"ssLambda\": 1.5"));
        InputException e = assertThrows(InputException.class, () -> SessionFile.read(old));
        assertTrue(e.getMessage().contains("settings.losses.ssLambda") && e.getMessage().contains("1.5"), e.getMessage());
        Files.writeString(old, v1.replace("\"version\": 1", "\"version\": 99"));
        e = assertThrows(InputException.class, () -> SessionFile.read(old));
        assertTrue(e.getMessage().contains("99"), e.getMessage());
    }
}
