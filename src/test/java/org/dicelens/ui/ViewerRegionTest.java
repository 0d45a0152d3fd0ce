package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.function.IntPredicate;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.render.RegionBox;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19, item 8: the viewer's region is Ω_m as a box the views can outline, voxel for voxel the same region. */
class ViewerRegionTest {
    @TempDir
    Path dir;
    private final ViewerModel vm = new ViewerModel(Tasks.direct(), AppWiring.reader(), AppWiring.factory());

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    @Test
    void theRegionIsTheForegroundBoxGrownByTheMargin() throws Exception {
        vm.open(new UiTestCase(7).write(dir));
        vm.controls().marginProperty().set(1);
        IntPredicate r = vm.current().analysis().region(vm.controls().toSettings());
        // UiTestCase's foreground spans x 3..6, y 2..5, z 2..5; Chebyshev margin 1 grows each side by one voxel
        RegionBox b = RegionBox.of(r);
        assertArrayEquals(new int[] {2, 1, 1, 7, 6, 6}, new int[] {b.low(0), b.low(1), b.low(2), b.high(0), b.high(1),
            b.high(2)});
        long inside = 0;
        for (int z = 0; z < UiTestCase.NZ; z++) {
            for (int y = 0; y < UiTestCase.NY; y++) {
                for (int x = 0; x < UiTestCase.NX; x++) {
                    boolean expected = x >= 2 && x <= 7 && y >= 1 && y <= 6 && z >= 1 && z <= 6;
                    assertEquals(expected, r.test(x + UiTestCase.NX * (y + UiTestCase.NY * z)), x + "," + y + "," + z);
                    inside += expected ? 1 : 0;
                }
            }
        }
        assertEquals(6 * 6 * 6, inside);
        vm.controls().marginProperty().set(org.dicelens.metrics.Settings.WHOLE_VOLUME);
        assertNull(vm.current().analysis().region(vm.controls().toSettings()), "the whole volume: nothing to outline");
    }
}
