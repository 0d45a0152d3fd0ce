package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7's case-level problems through the viewer's model: each one is reported with the offending file's name and
 * the case already shown stays (the dialog the window shows is bound to {@code problemProperty}).
 */
class CaseProblemsViewerTest {
    @TempDir
    Path dir;
    private UiTestCase tc;
    private CaseFiles good;
    private ViewerModel vm;

    @BeforeEach
    void setUp() throws Exception {
        tc = new UiTestCase(11);
        good = tc.write(dir);
        vm = new ViewerModel(Runnable::run, AppWiring.reader(), AppWiring.factory());
        vm.open(good);
        Await.until("the good case", () -> vm.current() != null && vm.metricsProperty().get() != null);
    }

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    @ParameterizedTest
    @ValueSource(strings = {"otherDims", "shiftedAffine", "tooFewChannels", "nanProbabilities", "imageOnAnotherGrid",
        "tableDoesNotParse", "labelMissingFromTable", "nanSform"})
    void theProblemNamesTheFileAndTheCaseStays(String problem) throws Exception {
        LoadedCase before = vm.current();
        int n = UiTestCase.N;
        Path bad = dir.resolve("bad_" + problem + (problem.startsWith("table") || problem.startsWith("label") ? ".txt"
                : problem.equals("nanSform") ? ".nii" : ".nii.gz"));
        CaseFiles files;
        switch (problem) {
            case "otherDims" -> {
                NiftiHeader h = UiTestCase.header();
                h.dim = new long[] {4, UiTestCase.NX, UiTestCase.NY, UiTestCase.NZ - 1, 3, 1, 1, 1};
                int m = UiTestCase.NX * UiTestCase.NY * (UiTestCase.NZ - 1);
                NiftiWriter.write(bad, h, NiftiDatatype.FLOAT32, new float[m], new float[m], new float[m]);
                files = good.withPredictions(List.of(bad));
            }
            case "shiftedAffine" -> {
                NiftiHeader h = UiTestCase.header();
                h.dim = new long[] {4, UiTestCase.NX, UiTestCase.NY, UiTestCase.NZ, 3, 1, 1, 1};
                h.sform_code = 1;
                h.srow_x = new double[] {1, 0, 0, 25};
                h.srow_y = new double[] {0, 1, 0, 0};
                h.srow_z = new double[] {0, 0, 2, 0};
                NiftiWriter.write(bad, h, NiftiDatatype.FLOAT32, tc.p[0], tc.p[1], tc.p[2]);
                files = good.withPredictions(List.of(bad));
            }
            case "tooFewChannels" -> {
                NiftiHeader h = UiTestCase.header();
                // one probability channel cannot describe a reference with labels 0, 1 and 2
                h.dim = new long[] {3, UiTestCase.NX, UiTestCase.NY, UiTestCase.NZ, 1, 1, 1, 1};
                NiftiWriter.write(bad, h, NiftiDatatype.FLOAT32, tc.p[1]);
                files = good.withPredictions(List.of(bad));
            }
            case "nanProbabilities" -> {
                NiftiHeader h = UiTestCase.header();
                h.dim = new long[] {4, UiTestCase.NX, UiTestCase.NY, UiTestCase.NZ, 3, 1, 1, 1};
                float[] withNan = tc.p[1].clone();
                withNan[n / 2] = Float.NaN;
                NiftiWriter.write(bad, h, NiftiDatatype.FLOAT32, tc.p[0], withNan, tc.p[2]);
                files = good.withPredictions(List.of(bad));
            }
            case "imageOnAnotherGrid" -> {
                NiftiHeader h = UiTestCase.header();
                h.pixdim = new double[] {1, 1, 1, 3, 1, 1, 1, 1};
                NiftiWriter.write(bad, h, NiftiDatatype.FLOAT32, tc.image);
                files = good.withImage(bad);
            }
            case "nanSform" -> { // issue 15: a NaN in the sform is named, not an index error
                NiftiHeader h = UiTestCase.header();
                h.dim = new long[] {4, UiTestCase.NX, UiTestCase.NY, UiTestCase.NZ, 3, 1, 1, 1};
                h.sform_code = 1;
                h.srow_x = new double[] {1, 0, 0, 0};
                h.srow_y = new double[] {0, 1, 0, 0};
                h.srow_z = new double[] {0, 0, 2, 0};
                NiftiWriter.write(bad, h, NiftiDatatype.FLOAT32, tc.p[0], tc.p[1], tc.p[2]);
                byte[] bytes = Files.readAllBytes(bad); // the writer refuses a NaN transform: patch srow_y[1] in place
                java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(296 + 4, Float.NaN);
                Files.write(bad, bytes);
                files = good.withPredictions(List.of(bad));
            }
            case "tableDoesNotParse" -> {
                Files.writeString(bad, "0 0 0 0 0 1 1 \"background\"\n1 300 0 0 1 1 1 \"lesion\"\n");
                files = good.withClassTable(bad);
            }
            default -> { // a table that lists labels 0 and 1 only, while the reference also has 2
                Files.writeString(bad, "0 0 0 0 0 1 1 \"background\"\n1 255 0 0 1 1 1 \"lesion\"\n");
                files = good.withClassTable(bad);
            }
        }
        vm.open(files);
        Await.until("a problem report", () -> vm.problemProperty().get() != null);
        String message = vm.problemProperty().get().message();
        assertTrue(message.contains(bad.getFileName().toString()) || message.contains("case_seg.nii.gz"),
                problem + ": " + message);
        assertSame(before, vm.current(), problem + ": the previous case must stay");
        if (List.of("nanSform", "otherDims", "nanProbabilities", "imageOnAnotherGrid", "tableDoesNotParse").contains(problem)) {
            // issue 15: the dialog's title names the file that failed, not the case's reference
            assertTrue(vm.problemProperty().get().title().contains(bad.getFileName().toString()),
                    problem + ": " + vm.problemProperty().get().title());
        }
        if (problem.equals("nanSform")) {
            assertTrue(message.contains(bad + ": srow_y[1]: is NaN"), message);
        }
        Await.until("loading to end", () -> !vm.loadingProperty().get());
    }
}
