package org.dicelens.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.text.Text;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.ui.AppWiring;
import org.dicelens.ui.UiTestCase;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 19, item 15: every ΔV number is coloured by its own sign, not the whole line by ΔV hard's. */
@ExtendWith(ApplicationExtension.class)
class DeltaLineTest {
    @TempDir
    Path dir;

    @Test
    void eachNumberTakesItsOwnSignsColour() throws Exception {
        ViewerModel vm = new ViewerModel(Tasks.direct(), AppWiring.reader(), AppWiring.factory());
        vm.open(new UiTestCase(2).write(dir));
        ClassMetrics c = vm.metricsProperty().get().classes().get(1);
        vm.shutdown();
        assertTrue(c.softMl() != c.hardMl());
        // Σq·v halfway between V_soft and V_hard: the two differences against it have opposite signs
        double e = (c.softMl() + c.hardMl()) / 2;
        double[] expected = {c.deltaSoftMl(), c.deltaHardMl(), c.softMl() - e, c.hardMl() - e};
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            DeltaLine line = new DeltaLine();
            line.show(c, e);
            List<Text> nums = line.numbers();
            assertEquals(4, nums.size());
            for (int i = 0; i < 4; i++) {
                Text t = nums.get(i);
                assertEquals(expected[i] > 0, t.getPseudoClassStates().contains(PseudoClass.getPseudoClass("delta-pos")),
                        t.getText());
                assertEquals(expected[i] < 0, t.getPseudoClassStates().contains(PseudoClass.getPseudoClass("delta-neg")),
                        t.getText());
            }
            assertTrue(line.text().startsWith(c.name() + ": ΔV soft "), line.text());
            // a threshold step changes numbers only: no part's style class is set again (that rebuilds its CSS)
            int[] styleChanges = {0};
            line.getChildren().forEach(n -> n.getStyleClass().addListener(
                    (javafx.collections.ListChangeListener<String>) ch -> styleChanges[0]++));
            String before = line.text();
            line.show(c, e + 0.5);
            assertTrue(!line.text().equals(before), "the Σq·v differences changed");
            assertEquals(0, styleChanges[0], "style-class changes on a step that changes numbers only");
            // shown again without Σq·v: the last four parts are hidden, the numbers keep their own signs
            line.show(c, null);
            assertEquals(2, line.numbers().size());
            assertTrue(line.text().endsWith(" mL vs ref"), line.text());
        });
    }
}
