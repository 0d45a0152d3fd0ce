package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.ui.model.ClassControl;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.ui.panels.ClampNotice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19, items 2 and 3: a class table renames the class controls; clamped probabilities are told per file. */
class ClassTableAndClampTest {
    @TempDir
    Path dir;
    private final ViewerModel vm = new ViewerModel(Tasks.direct(), AppWiring.reader(), AppWiring.factory());

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    @Test
    void aClassTableLoadedLaterRenamesAndRecoloursTheClassControls() throws Exception {
        CaseFiles files = new UiTestCase(7).write(dir);
        vm.open(files);
        assertEquals(3, vm.controls().classes().size());
        vm.controls().classes().get(1).thresholdStepProperty().set(321);
        Path table = dir.resolve("labels.txt");
        Files.writeString(table, """
                0 0 0 0 0 0 0 "background"
                1 10 20 30 1 1 1 "oedema"
                2 200 100 50 1 1 1 "non-enhancing tumour core"
                """);
        vm.open(files.withClassTable(table));
        List<ClassControl> c = vm.controls().classes();
        assertEquals("oedema", c.get(1).nameProperty().get());
        assertEquals("non-enhancing tumour core", c.get(2).nameProperty().get());
        assertEquals(0x0A141E, c.get(1).argbProperty().get() & 0xFFFFFF, "the table's colour, not the default");
        assertEquals(0xC86432, c.get(2).argbProperty().get() & 0xFFFFFF);
        assertEquals(321, c.get(1).thresholdStepProperty().get(), "same labels: the other controls are kept");
        // the controls agree with what the slices and charts take from the case
        assertEquals(vm.current().data().classes().all().get(2).argb(), c.get(2).argbProperty().get());
    }

    @Test
    void clampedProbabilitiesAreCountedPerFile() throws Exception {
        UiTestCase tc = new UiTestCase(3);
        tc.p[1][0] = 1.25f; // two values above 1 and one below 0, all in the one prediction file
        tc.p[1][5] = 1.5f;
        tc.p[2][7] = -0.5f;
        CaseFiles files = tc.write(dir);
        vm.open(files);
        String s = ClampNotice.summary(vm.current().data());
        assertTrue(s.contains("3 probabilities clamped"), s);
        assertTrue(s.contains("case_prob.nii.gz channel 1: 2 values") && s.contains("case_prob.nii.gz channel 2: 1 value"),
                s);
        assertEquals(3, vm.metricsProperty().get().clampedValues(), "the reports' count agrees");

        vm.open(new UiTestCase(3).write(Files.createDirectories(dir.resolve("clean"))));
        assertEquals("", ClampNotice.summary(vm.current().data()), "nothing clamped: nothing said");
    }
}
