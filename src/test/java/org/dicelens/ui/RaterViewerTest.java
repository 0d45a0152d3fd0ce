package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.CaseFolder;
import org.dicelens.app.cases.FileRoles;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.raters.RaterClassMetrics;
import org.dicelens.metrics.raters.RaterMetrics;
import org.dicelens.metrics.raters.RaterReference;
import org.dicelens.metrics.raters.RaterStatistics;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.ui.io.SessionFile;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several raters in the viewer's model: the raters load with the case, the engine's reference is their majority vote
 * or the chosen rater (hard Dice checked against a brute-force count on that rater's labels), and the multi-rater
 * numbers the view shows are RaterStatistics' on the same inputs, with the volumes counted by hand.
 */
class RaterViewerTest {
    private static final int K = 3;
    @TempDir
    Path dir;
    private UiTestCase tc;
    private int[][] raters;
    private List<Path> raterFiles;
    private ViewerModel vm;

    @BeforeEach
    void setUp() throws Exception {
        tc = new UiTestCase(11);
        Random rnd = new Random(5);
        raters = new int[K][UiTestCase.N];
        raterFiles = new ArrayList<>();
        for (int k = 0; k < K; k++) {
            float[] l = new float[UiTestCase.N];
            for (int i = 0; i < UiTestCase.N; i++) {
                // rater 1 is the case's reference; the others relabel about one voxel in six at random
                raters[k][i] = k > 0 && rnd.nextInt(6) == 0 ? rnd.nextInt(3) : tc.labels[i];
                l[i] = raters[k][i];
            }
            Path f = dir.resolve("rater_" + (k + 1) + ".nii.gz");
            NiftiWriter.write(f, UiTestCase.header(), NiftiDatatype.UINT8, l);
            raterFiles.add(f);
        }
        vm = new ViewerModel(Tasks.direct(), AppWiring.reader(), AppWiring.factory());
    }

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    /** Hard Dice of class c at t = 0.5 against a given label array: 2TP / (2TP + FP + FN), b = [p ≥ 0.5]. */
    private double hardDice(int c, int[] ref) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < UiTestCase.N; i++) {
            boolean b = tc.p[c][i] >= 0.5f;
            boolean r = ref[i] == c;
            tp += b && r ? 1 : 0;
            fp += b && !r ? 1 : 0;
            fn += !b && r ? 1 : 0;
        }
        return 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** The class most raters chose; a tie between a foreground class and the background goes to the foreground. */
    private int[] majority() {
        int[] out = new int[UiTestCase.N];
        for (int i = 0; i < UiTestCase.N; i++) {
            int[] votes = new int[3];
            for (int k = 0; k < K; k++) {
                votes[raters[k][i]]++;
            }
            int best = 0;
            for (int c = 1; c < 3; c++) {
                if (votes[c] > votes[best] || votes[c] == votes[best] && best == 0) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    private void open(CaseFiles f) {
        vm.open(f);
        assertNotNull(vm.current(), "the case opened: " + vm.problemProperty().get());
        assertNotNull(vm.metricsProperty().get());
    }

    @Test
    void engineComparesWithTheMajorityVoteThenWithTheChosenRater() throws Exception {
        open(tc.write(dir).withRaters(raterFiles));
        LoadedCase lc = vm.current();
        assertEquals(K, lc.raters().reference().raterCount());
        int[] maj = majority();
        CaseMetrics m = vm.metricsProperty().get();
        for (int c = 0; c < 3; c++) {
            assertEquals(hardDice(c, maj), m.classes().get(c).hardDice(), 1e-12, "majority, class " + c);
        }
        for (int k = 1; k <= K; k++) {
            vm.chooseRater(k);
            assertEquals(k, vm.current().files().raterChoice());
            CaseMetrics mk = vm.metricsProperty().get();
            for (int c = 0; c < 3; c++) {
                assertEquals(hardDice(c, raters[k - 1]), mk.classes().get(c).hardDice(), 1e-12, "rater " + k + " class " + c);
            }
        }
        // the raters differ, so switching really changed the reference
        assertNotEquals(hardDice(1, raters[0]), hardDice(1, raters[1]));
        vm.chooseRater(0);
        assertEquals(hardDice(1, maj), vm.metricsProperty().get().classes().get(1).hardDice(), 1e-12);
    }

    @Test
    void shownRaterNumbersAreRaterStatisticsAndMatchHandCountedVolumes() throws Exception {
        open(tc.write(dir).withRaters(raterFiles));
        RaterMetrics shown = vm.raterMetricsProperty().get();
        assertNotNull(shown);
        List<byte[]> maps = new ArrayList<>();
        for (int[] r : raters) {
            byte[] b = new byte[r.length];
            for (int i = 0; i < r.length; i++) {
                b[i] = (byte) r[i];
            }
            maps.add(b);
        }
        RaterMetrics direct = RaterStatistics.compute(RaterReference.ofLabelMaps(maps, 3), tc.p,
                vm.current().data().classes(), UiTestCase.VOXEL_ML, vm.controls().toSettings(), null);
        for (int c = 0; c < 3; c++) {
            RaterClassMetrics a = shown.classes().get(c);
            RaterClassMetrics b = direct.classes().get(c);
            assertEquals(b.expectedMl(), a.expectedMl(), 1e-12);
            assertArrayEquals(b.raterMl(), a.raterMl(), 1e-12);
            assertEquals(b.semimetricDice(), a.semimetricDice(), 1e-12);
            assertEquals(b.softDiceVsMean(), a.softDiceVsMean(), 1e-12);
            assertEquals(b.interRaterDice(), a.interRaterDice(), 1e-12);
            double[] ml = new double[K];
            double expected = 0;
            for (int k = 0; k < K; k++) {
                for (int i = 0; i < UiTestCase.N; i++) {
                    ml[k] += raters[k][i] == c ? UiTestCase.VOXEL_ML : 0;
                }
                expected += ml[k] / K;
            }
            assertArrayEquals(ml, a.raterMl(), 1e-9, "rater volumes of class " + c);
            assertEquals(expected, a.expectedMl(), 1e-9, "Σq̂·v of class " + c);
        }
    }

    @Test
    void caseFolderOffersRaterFilesAsRatersAndSessionsKeepThem() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("case"));
        tc.write(folder);
        Files.copy(raterFiles.get(1), folder.resolve("rater_1.nii.gz"));
        Files.copy(raterFiles.get(2), folder.resolve("rater_2.nii.gz"));
        CaseFiles f = CaseFolder.resolve(folder);
        assertEquals(List.of(folder.resolve("case_seg.nii.gz"), folder.resolve("rater_1.nii.gz"),
                folder.resolve("rater_2.nii.gz")), f.raters());
        assertEquals(FileRoles.Role.RATER, FileRoles.guess(Path.of("task01_seg02.nii.gz")));
        assertEquals(FileRoles.Role.REFERENCE, FileRoles.guess(Path.of("case_seg.nii.gz")));
        CaseFiles chosen = f.withRaterChoice(2);
        CaseFiles back = SessionFile.fromFiles(SessionFile.toFiles(chosen), dir.resolve("s.dicelens.json"));
        assertEquals(chosen.raters(), back.raters());
        assertEquals(2, back.raterChoice());

        vm.open(CaseFiles.ofFolder(folder));
        assertEquals(K, vm.current().raters().reference().raterCount());
        assertEquals(hardDice(1, majority()), vm.metricsProperty().get().classes().get(1).hardDice(), 1e-12);
    }

    /** "Export metrics" with raters writes what {@code evaluate --raters} writes, after the case name (JSON and CSV). */
    @Test
    void exportWithRatersIsWhatEvaluateRatersWrites() throws Exception {
        CaseFiles f = tc.write(dir).withRaters(raterFiles);
        open(f);
        for (String format : List.of("json", "csv")) {
            Path viewer = dir.resolve("viewer." + format);
            Path cli = dir.resolve("cli." + format);
            if (format.equals("json")) {
                org.dicelens.ui.io.MetricsExport.writeJson(vm.metricsProperty().get(), vm.raterMetricsProperty().get(),
                        viewer, f.inputs());
            } else {
                org.dicelens.ui.io.MetricsExport.writeCsv(vm.metricsProperty().get(), vm.raterMetricsProperty().get(),
                        viewer, f.inputs());
            }
            List<String> args = new ArrayList<>(List.of("evaluate", "--raters"));
            raterFiles.forEach(r -> args.add(r.toString()));
            args.addAll(List.of("--prediction", f.predictions().get(0).toString(), "--image", f.image().toString(),
                    "--format", format, "--out", cli.toString(), "-q"));
            assertEquals(0, org.dicelens.cli.DiceLensCommand.commandLine().execute(args.toArray(String[]::new)));
            String a = Files.readString(cli);
            String b = Files.readString(viewer);
            assertTrue(a.contains("expectedMl"), a);
            assertEquals(withoutCaseName(a, format), withoutCaseName(b, format), format);
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
