package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.cli.DiceLensCommand;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.NiftiHeaders;
import org.dicelens.volume.PredictionKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every kind of case the command line accepts opens in the view model through the one case model, and the numbers
 * the viewer computes at its start-up controls are those {@code evaluate} prints for the same files: a label map with
 * a 4D prediction, per-class prediction files, a single foreground map, logits (softmax and sigmoid), per-class
 * reference masks, a case folder and a phantom.
 */
class CaseKindsParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private UiTestCase tc;
    private ViewerModel vm;
    private Geometry g;

    @BeforeEach
    void setUp() {
        tc = new UiTestCase(11);
        g = Geometry.ofSpacing(UiTestCase.NX, UiTestCase.NY, UiTestCase.NZ, 1, 1, 2);
        vm = new ViewerModel(Runnable::run, AppWiring.reader(), AppWiring.factory());
    }

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    /** evaluate's JSON for these arguments (exit code 0 required). */
    private JsonNode evaluate(String... args) throws Exception {
        CommandLine cl = DiceLensCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("evaluate", "--quiet", "--format", "json"));
        all.addAll(List.of(args));
        int code = cl.execute(all.toArray(String[]::new));
        assertEquals(0, code, err.toString());
        return JSON.readTree(out.toString());
    }

    /** The viewer's metrics for a case (a fresh view model, as at start-up), as evaluate would write them. */
    private JsonNode view(CaseFiles f) {
        vm.shutdown();
        vm = new ViewerModel(Runnable::run, AppWiring.reader(), AppWiring.factory());
        vm.open(f);
        Await.until("the case " + f.describe() + " and its metrics", () -> vm.current() != null
                && vm.metricsProperty().get() != null);
        CaseMetrics m = vm.metricsProperty().get();
        return org.dicelens.app.report.Reporter.standard().toNode(m);
    }

    /** Same numbers: every key of the case and of every class, the case name aside. */
    private static void assertSameNumbers(JsonNode cli, JsonNode viewer, String what) {
        ObjectNode a = (ObjectNode) cli.deepCopy();
        ObjectNode b = (ObjectNode) viewer.deepCopy();
        a.remove("case");
        b.remove("case");
        assertTrue(a.get("classes").size() > 1, what + ": " + a);
        assertEquals(a.toPrettyString(), b.toPrettyString(), what);
    }

    private Path write(String name, float[]... channels) throws Exception {
        Path p = dir.resolve(name);
        NiftiHeaders.writeFloat32(p, g, "test", channels);
        return p;
    }

    private Path labelMap(String name, int onlyLabel) throws Exception {
        float[] v = new float[UiTestCase.N];
        for (int i = 0; i < v.length; i++) {
            v[i] = onlyLabel < 0 ? tc.labels[i] : tc.labels[i] == onlyLabel ? 1 : 0;
        }
        Path p = dir.resolve(name);
        NiftiHeaders.writeUint8(p, g, "test", v);
        return p;
    }

    private float[] map(int c, java.util.function.DoubleUnaryOperator f) {
        float[] out = new float[UiTestCase.N];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) f.applyAsDouble(tc.p[c][i]);
        }
        return out;
    }

    @Test
    void labelMapWith4dPerClassFilesAndForegroundMap() throws Exception {
        Path ref = labelMap("ref_seg.nii.gz", -1);
        Path p4 = write("prob4d.nii.gz", tc.p[0], tc.p[1], tc.p[2]);
        assertSameNumbers(evaluate("--reference", ref.toString(), "--prediction", p4.toString()),
                view(CaseFiles.of(ref, List.of(p4))), "label map + 4D");

        Path c0 = write("pc_0000.nii.gz", tc.p[0]);
        Path c1 = write("pc_0001.nii.gz", tc.p[1]);
        Path c2 = write("pc_0002.nii.gz", tc.p[2]);
        assertSameNumbers(evaluate("--reference", ref.toString(), "--prediction", c0.toString(), c1.toString(),
                c2.toString()), view(CaseFiles.of(ref, List.of(c0, c1, c2))), "per-class files");

        Path fgRef = labelMap("fg_seg.nii.gz", 1);
        Path fg = write("fg_prob.nii.gz", map(1, p -> p));
        assertSameNumbers(evaluate("--reference", fgRef.toString(), "--prediction", fg.toString()),
                view(CaseFiles.of(fgRef, List.of(fg))), "single foreground map");
    }

    @Test
    void logitsWithSoftmaxAndSigmoid() throws Exception {
        Path ref = labelMap("ref_seg.nii.gz", -1);
        Path p4 = write("prob4d.nii.gz", tc.p[0], tc.p[1], tc.p[2]);
        JsonNode probs = evaluate("--reference", ref.toString(), "--prediction", p4.toString());
        Path log = write("logits.nii.gz", map(0, Math::log), map(1, Math::log), map(2, Math::log));
        JsonNode softmax = view(CaseFiles.of(ref, List.of(log)).withPredictionKind(PredictionKind.LOGITS_SOFTMAX));
        assertSameNumbers(evaluate("--reference", ref.toString(), "--prediction", log.toString(), "--prediction-kind",
                "logits-softmax"), softmax, "softmax logits");
        // softmax(log p) = p: read as logits, the viewer sees the probabilities (not the raw logits, clamped)
        assertCloseDice(probs, softmax);
        Path logit = write("logit.nii.gz", map(0, p -> Math.log(p / (1 - p))), map(1, p -> Math.log(p / (1 - p))),
                map(2, p -> Math.log(p / (1 - p))));
        JsonNode sigmoid = view(CaseFiles.of(ref, List.of(logit)).withPredictionKind(PredictionKind.LOGITS_SIGMOID));
        assertSameNumbers(evaluate("--reference", ref.toString(), "--prediction", logit.toString(), "--prediction-kind",
                "logits-sigmoid"), sigmoid, "sigmoid logits");
        assertCloseDice(probs, sigmoid); // sigmoid(logit p) = p, channel by channel
    }

    private static void assertCloseDice(JsonNode expected, JsonNode actual) {
        for (int c = 0; c < 3; c++) {
            assertEquals(expected.get("classes").get(c).get("softDice").asDouble(),
                    actual.get("classes").get(c).get("softDice").asDouble(), 1e-5, "class " + c);
        }
    }

    @Test
    void perClassReferenceMasks() throws Exception {
        Path m1 = labelMap("mask_1.nii.gz", 1);
        Path m2 = labelMap("mask_2.nii.gz", 2);
        Path p4 = write("prob4d.nii.gz", tc.p[0], tc.p[1], tc.p[2]);
        JsonNode cli = evaluate("--reference-masks", m1.toString(), m2.toString(), "--prediction", p4.toString());
        assertSameNumbers(cli, view(CaseFiles.ofMasks(List.of(m1, m2), List.of(p4))), "reference masks");
        // the masks give the same numbers as the label map they were cut from (an independent check of the path)
        Path ref = labelMap("ref_seg.nii.gz", -1);
        JsonNode fromLabels = evaluate("--reference", ref.toString(), "--prediction", p4.toString());
        assertEquals(fromLabels.get("classes").get(1).get("softDice"), cli.get("classes").get(1).get("softDice"));
    }

    @Test
    void aCaseFolder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("case"));
        tc.write(folder);
        assertSameNumbers(evaluate(folder.toString()), view(CaseFiles.ofFolder(folder)), "case folder");
    }

    @Test
    void aPhantom() throws Exception {
        Path out = dir.resolve("phantom");
        CommandLine cl = DiceLensCommand.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("phantom", "--kind", "lesion", "--out", out.toString()));
        JsonNode cli = evaluate("--reference", out.resolve("reference.nii.gz").toString(), "--prediction",
                out.resolve("prediction_calibrated.nii.gz").toString(), "--labels", out.resolve("labels.txt").toString());
        assertSameNumbers(cli, view(CaseFiles.ofPhantom("lesion")), "generated phantom");
    }
}
