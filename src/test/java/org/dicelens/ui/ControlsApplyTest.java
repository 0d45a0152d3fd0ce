package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dicelens.metrics.Settings;
import org.dicelens.ui.model.ControlsModel;
import org.dicelens.volume.ClassTable;
import org.junit.jupiter.api.Test;

/** A reopened session sets the "All" threshold slider too, when every class has one threshold. */
class ControlsApplyTest {
    private static ControlsModel threeClasses() {
        ControlsModel m = new ControlsModel();
        m.resetClasses(ClassTable.forLabels(0, 1, 2));
        return m;
    }

    @Test
    void equalThresholdsMoveTheAllSlider() {
        ControlsModel m = threeClasses();
        m.apply(Settings.defaults(3).withThresholdSteps(new int[] {300, 300, 300}));
        assertEquals(300, m.globalThresholdStepProperty().get());
        for (int c = 0; c < 3; c++) {
            assertEquals(300, m.classes().get(c).thresholdStepProperty().get());
        }
    }

    @Test
    void differentThresholdsKeepEachClassAndLeaveTheAllSlider() {
        ControlsModel m = threeClasses();
        m.apply(Settings.defaults(3).withThresholdSteps(new int[] {500, 200, 700}));
        assertEquals(Settings.STEPS / 2, m.globalThresholdStepProperty().get());
        assertEquals(200, m.classes().get(1).thresholdStepProperty().get());
        assertEquals(700, m.classes().get(2).thresholdStepProperty().get());
    }
}
