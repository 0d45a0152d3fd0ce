package org.dicelens.ui.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.dicelens.ui.model.ControlsModel;
import org.dicelens.volume.ClassTable;
import org.junit.jupiter.api.Test;

/**
 * One visibility toggle repaints once, however many cases were opened: the grid used to add a listener to every class
 * on every class-list change (so class 0 of a 3-class case heard one toggle three times, more with each case).
 */
class ClassVisibilityTest {
    @Test
    void aToggleIsHeardOnceAfterSeveralCasesAndOldClassesAreDropped() {
        ControlsModel controls = new ControlsModel();
        AtomicInteger heard = new AtomicInteger();
        ClassVisibility.watch(controls.classes(), heard::incrementAndGet);
        controls.resetClasses(ClassTable.forLabels(0, 1, 2));
        var firstCase = controls.classes().get(0);
        controls.resetClasses(ClassTable.forLabels(0, 1, 2));
        controls.resetClasses(ClassTable.forLabels(0, 1, 2, 3));
        heard.set(0);
        controls.classes().get(0).visibleProperty().set(false);
        assertEquals(1, heard.get(), "one toggle, one repaint request");
        controls.classes().get(3).visibleProperty().set(false);
        assertEquals(2, heard.get());
        firstCase.visibleProperty().set(false);
        assertEquals(2, heard.get(), "a class of a closed case is no longer watched");
        controls.classes().get(2).opacityProperty().set(0.4);
        assertEquals(3, heard.get(), "a class's overlay opacity repaints too, once");
        firstCase.opacityProperty().set(0.4);
        assertEquals(3, heard.get());
    }
}
