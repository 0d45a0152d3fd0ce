package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.raters.RaterClassMetrics;
import org.dicelens.metrics.raters.RaterMetrics;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.ui.io.MetricsExport;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raters' other forms in the viewer's model (issue 18): K raters × 2 foreground classes of binary masks named as
 * QUBIQ names them give the numbers of the same raters' label maps; a soft reference (view --soft-reference) keeps the
 * case's reference for the usual numbers and gives Σq̂·v counted here. "Export metrics" writes what {@code evaluate}
 * writes on the same files, byte for byte after the case name.
 */
class RaterFormsViewerTest {
    private static final int K = 3;
    @TempDir
    Path dir;
    private UiTestCase tc;
    private int[][] raters;
    private final List<Path> labelFiles = new ArrayList<>();
    private final List<Path> maskFiles = new ArrayList<>();
    private Path soft;
    private ViewerModel vm;

    @BeforeEach
    void setUp() throws Exception {
        tc = new UiTestCase(12);
        Random rnd = new Random(8);
        raters = new int[K][UiTestCase.N];
        float[][] q = new float[3][UiTestCase.N];
        for (int k = 0; k < K; k++) {
            float[] l = new float[UiTestCase.N];
            for (int i = 0; i < UiTestCase.N; i++) {
                raters[k][i] = rnd.nextInt(5) == 0 ? rnd.nextInt(3) : tc.labels[i];
                l[i] = raters[k][i];
                q[raters[k][i]][i] += 1f / K;
            }
            Path f = dir.resolve("rater_" + (k + 1) + ".nii.gz");
            NiftiWriter.write(f, UiTestCase.header(), NiftiDatatype.UINT8, l);
            labelFiles.add(f);
            for (int c = 1; c < 3; c++) {
                float[] m = new float[UiTestCase.N];
                for (int i = 0; i < UiTestCase.N; i++) {
                    m[i] = raters[k][i] == c ? 1 : 0;
                }
                Path mf = dir.resolve(String.format("task%02d_seg%02d.nii.gz", c, k + 1));
                NiftiWriter.write(mf, UiTestCase.header(), NiftiDatatype.UINT8, m);
                maskFiles.add(mf);
            }
        }
        NiftiHeader h4 = UiTestCase.header();
        h4.dim = new long[] {4, UiTestCase.NX, UiTestCase.NY, UiTestCase.NZ, 3, 1, 1, 1};
        soft = dir.resolve("q_soft.nii.gz");
        NiftiWriter.write(soft, h4, NiftiDatatype.FLOAT32, q[0], q[1], q[2]);
        vm = new ViewerModel(Tasks.direct(), AppWiring.reader(), AppWiring.factory());
    }

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    private RaterMetrics open(CaseFiles f) {
        vm.open(f);
        assertNotNull(vm.current(), "the case opened: " + vm.problemProperty().get());
        assertNotNull(vm.raterMetricsProperty().get());
        return vm.raterMetricsProperty().get();
    }

    private static void same(RaterClassMetrics a, RaterClassMetrics b, String ctx) {
        assertArrayEquals(new double[] {a.expectedMl(), a.semimetricDice(), a.softDiceVsMean(), a.interRaterDice(),
            a.qubiq(), a.consensusDice(), a.deltaHardVsExpectedMl(), a.eceVsMean()}, new double[] {b.expectedMl(),
                b.semimetricDice(), b.softDiceVsMean(), b.interRaterDice(), b.qubiq(), b.consensusDice(),
                b.deltaHardVsExpectedMl(), b.eceVsMean()}, 0, ctx);
        assertArrayEquals(a.raterMl(), b.raterMl(), 0, ctx);
        assertArrayEquals(a.raterDice(), b.raterDice(), 0, ctx);
        assertArrayEquals(a.raterEce(), b.raterEce(), 0, ctx);
    }

    @Test
    void qubiqMasksGiveTheNumbersOfTheSameRatersLabelMaps() throws Exception {
        RaterMetrics maps = open(tc.write(dir).withRaters(labelFiles));
        CaseMetrics mapMetrics = vm.metricsProperty().get();
        RaterMetrics masks = open(tc.write(dir).withRaters(maskFiles));
        assertEquals(K, masks.raters());
        for (int c = 0; c < 3; c++) {
            same(maps.classes().get(c), masks.classes().get(c), "class " + c);
            assertEquals(mapMetrics.classes().get(c).hardDice(), vm.metricsProperty().get().classes().get(c).hardDice(), 0);
        }
        // choosing rater k of the masks compares with that rater's labels (hard Dice at t = 0.5 counted here)
        for (int k = 1; k <= K; k++) {
            vm.chooseRater(k);
            for (int c = 0; c < 3; c++) {
                long tp = 0;
                long sum = 0;
                for (int i = 0; i < UiTestCase.N; i++) {
                    boolean b = tc.p[c][i] >= 0.5f;
                    boolean r = raters[k - 1][i] == c;
                    tp += b && r ? 1 : 0;
                    sum += (b ? 1 : 0) + (r ? 1 : 0);
                }
                assertEquals(2.0 * tp / sum, vm.metricsProperty().get().classes().get(c).hardDice(), 1e-12,
                        "rater " + k + " class " + c);
            }
        }
        vm.chooseRater(0);
        assertExportIsEvaluate(tc.write(dir).withRaters(maskFiles), argsWith("--raters", maskFiles));
    }

    @Test
    void aSoftReferenceKeepsTheReferenceAndGivesTheExpectedVolume() throws Exception {
        tc.write(dir);
        CaseFiles named = viewArguments("--reference", dir.resolve("case_seg.nii.gz").toString(), "--prediction",
                dir.resolve("case_prob.nii.gz").toString(), "--image", dir.resolve("case_t1.nii.gz").toString(),
                "--soft-reference", soft.toString());
        assertEquals(List.of(soft), named.raters());
        RaterMetrics m = open(named);
        assertTrue(m.soft());
        assertEquals(0, m.raters());
        assertTrue(vm.current().raters().reference().isSoft());
        for (int c = 0; c < 3; c++) {
            // the usual numbers against the case's reference (t = 0.5)
            assertEquals(tc.hardDice(c, 500), vm.metricsProperty().get().classes().get(c).hardDice(), 1e-12);
            double expected = 0;
            for (int k = 0; k < K; k++) {
                for (int i = 0; i < UiTestCase.N; i++) {
                    expected += raters[k][i] == c ? UiTestCase.VOXEL_ML / K : 0;
                }
            }
            assertEquals(expected, m.classes().get(c).expectedMl(), 1e-6, "Σq̂·v of class " + c + " (q̂ in float32)");
        }
        List<String> args = new ArrayList<>(List.of("--reference", named.reference().toString(), "--soft-reference",
                soft.toString()));
        assertExportIsEvaluate(named, args);
    }

    private CaseFiles viewArguments(String... args) {
        List<CaseFiles> launched = new ArrayList<>();
        List<String> all = new ArrayList<>(List.of("view"));
        all.addAll(List.of(args));
        int exit = org.dicelens.cli.DiceLensCommand.commandLine(launched::add).execute(all.toArray(String[]::new));
        assertEquals(0, exit);
        assertEquals(1, launched.size());
        return launched.get(0);
    }

    private static List<String> argsWith(String option, List<Path> files) {
        List<String> a = new ArrayList<>(List.of(option));
        files.forEach(f -> a.add(f.toString()));
        return a;
    }

    /** The viewer's export (JSON, CSV) equals evaluate's on the same files, after the case name. */
    private void assertExportIsEvaluate(CaseFiles f, List<String> referenceArgs) throws Exception {
        open(f);
        for (String format : List.of("json", "csv")) {
            Path viewer = dir.resolve("viewer." + format);
            Path cli = dir.resolve("cli." + format);
            if (format.equals("json")) {
                MetricsExport.writeJson(vm.metricsProperty().get(), vm.raterMetricsProperty().get(), viewer, f.inputs());
            } else {
                MetricsExport.writeCsv(vm.metricsProperty().get(), vm.raterMetricsProperty().get(), viewer, f.inputs());
            }
            List<String> args = new ArrayList<>(List.of("evaluate"));
            args.addAll(referenceArgs);
            args.addAll(List.of("--prediction", f.predictions().get(0).toString(), "--image", f.image().toString(),
                    "--format", format, "--out", cli.toString(), "-q"));
            assertEquals(0, org.dicelens.cli.DiceLensCommand.commandLine().execute(args.toArray(String[]::new)));
            String a = Files.readString(cli);
            assertTrue(a.contains("expectedMl"), a);
            assertEquals(withoutCaseName(a, format), withoutCaseName(Files.readString(viewer), format), format);
        }
    }

    private static String withoutCaseName(String report, String format) {
        if (format.equals("json")) {
            return report.replaceFirst("\"case\" : \"[^\"]*\"", "\"case\" : \"\"");
        }
        StringBuilder sb = new StringBuilder();
        report.lines().forEach(l -> sb.append(sb.length() == 0 ? l : l.substring(l.indexOf(','))).append('\n'));
        return sb.toString();
    }
}
