package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.dicelens.app.tasks.Delay;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.app.tasks.UiThread;
import org.dicelens.common.Progress;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.voxel.BorderVoxels;
import org.dicelens.metrics.voxel.VoxelInput;
import org.dicelens.metrics.voxel.VoxelMetric;
import org.dicelens.metrics.voxel.VoxelRequest;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.ui.model.VoxelChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view model's one channel for voxel metrics, driven by hand: the debounce timer and the voxel lane are queues
 * this test runs, everything else is synchronous. A real metric (6-connected border voxels of the hard mask) is
 * checked against a brute-force count; debouncing, supersession, cancellation and caching are checked by counting
 * computations.
 */
class VoxelChannelTest {
    @TempDir
    Path dir;
    private final Deque<Runnable> timers = new ArrayDeque<>();
    private final Deque<Runnable> voxelLane = new ArrayDeque<>();
    private final List<VoxelRequest> computed = new ArrayList<>();
    private Runnable duringCompute;
    private ViewerModel vm;
    private UiTestCase tc;

    /** BorderVoxels, counting its computations; {@link #duringCompute} simulates the user acting meanwhile. */
    private final VoxelMetric<BorderVoxels.Result> metric = new VoxelMetric<>() {
        @Override
        public String key() {
            return "border-voxels-test";
        }

        @Override
        public BorderVoxels.Result compute(VoxelInput in, VoxelRequest r, Progress p) {
            computed.add(r);
            if (duringCompute != null) {
                Runnable d = duringCompute;
                duringCompute = null;
                d.run();
            }
            return BorderVoxels.INSTANCE.compute(in, r, p);
        }

        @Override
        public Map<String, Object> reportFields(BorderVoxels.Result r) {
            return BorderVoxels.INSTANCE.reportFields(r);
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        tc = new UiTestCase(3);
        Delay manual = (millis, r) -> {
            timers.add(r);
            return () -> timers.remove(r);
        };
        Tasks.Lanes lanes = (name, n) -> name.equals("voxel") ? (Executor) voxelLane::add : Runnable::run;
        vm = new ViewerModel(new Tasks(UiThread.direct(), lanes, manual), AppWiring.reader(), AppWiring.factory());
        vm.open(tc.write(dir));
        assertNotNull(vm.current());
    }

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    private VoxelChannel<BorderVoxels.Result> register() {
        return vm.voxelMetric(metric, v -> VoxelRequest.of(v.controls().toSettings(), v.selectedChannel()));
    }

    private void fireTimers() {
        while (!timers.isEmpty()) {
            timers.poll().run();
        }
    }

    private void runLane() {
        while (!voxelLane.isEmpty()) {
            voxelLane.poll().run();
        }
    }

    /** Brute force on the test case's own arrays: mask p_c ≥ t, a voxel with a 6-neighbour outside is on the border. */
    private long[] bruteForce(int c, int step) {
        int nx = UiTestCase.NX;
        int ny = UiTestCase.NY;
        int nz = UiTestCase.NZ;
        long inside = 0;
        long border = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    if (!in(c, step, x, y, z)) {
                        continue;
                    }
                    inside++;
                    if (!in(c, step, x + 1, y, z) || !in(c, step, x - 1, y, z) || !in(c, step, x, y + 1, z)
                            || !in(c, step, x, y - 1, z) || !in(c, step, x, y, z + 1) || !in(c, step, x, y, z - 1)) {
                        border++;
                    }
                }
            }
        }
        return new long[] {inside, border};
    }

    private boolean in(int c, int step, int x, int y, int z) {
        if (x < 0 || y < 0 || z < 0 || x >= UiTestCase.NX || y >= UiTestCase.NY || z >= UiTestCase.NZ) {
            return false;
        }
        return tc.p[c][x + UiTestCase.NX * (y + UiTestCase.NY * z)] >= step / 1000.0;
    }

    @Test
    void theLatestResultFollowsTheControlsAfterTheDebounce() {
        VoxelChannel<BorderVoxels.Result> ch = register();
        assertTrue(ch.busyProperty().get(), "busy from the registration until the first result");
        assertTrue(voxelLane.isEmpty(), "nothing runs before the quiet time");
        fireTimers();
        runLane();
        assertFalse(ch.busyProperty().get());
        int c = vm.selectedChannel();
        BorderVoxels.Result r = ch.resultProperty().get();
        long[] expected = bruteForce(c, 500);
        assertEquals(expected[0], r.maskVoxels());
        assertEquals(expected[1], r.borderVoxels());
        assertTrue(expected[1] > 0, "the fixture's mask has a border");
        assertEquals(Settings.WHOLE_VOLUME, ch.requestProperty().get().margin());

        // a drag: three positions in a row, one computation for the last
        for (int step : new int[] {420, 380, 333}) {
            vm.controls().classes().get(c).thresholdStepProperty().set(step);
        }
        assertTrue(ch.busyProperty().get());
        fireTimers();
        runLane();
        assertEquals(2, computed.size(), "debounced: " + computed);
        assertEquals(333, computed.get(1).thresholdStep());
        expected = bruteForce(c, 333);
        assertEquals(expected[1], ch.resultProperty().get().borderVoxels());
        assertFalse(ch.busyProperty().get());
    }

    @Test
    void aNewerRequestCancelsTheOneComputingAndMovingBackIsCached() {
        VoxelChannel<BorderVoxels.Result> ch = register();
        fireTimers();
        runLane();
        int c = vm.selectedChannel();
        BorderVoxels.Result at500 = ch.resultProperty().get();
        // while 250 is computing, the user moves on to 700: 250 is cancelled mid-way and never shown
        vm.controls().classes().get(c).thresholdStepProperty().set(250);
        fireTimers();
        duringCompute = () -> {
            vm.controls().classes().get(c).thresholdStepProperty().set(700);
            fireTimers();
        };
        List<BorderVoxels.Result> shown = new ArrayList<>();
        ch.resultProperty().addListener((o, a, b) -> shown.add(b));
        runLane();
        assertEquals(List.of(500, 250, 700), computed.stream().map(VoxelRequest::thresholdStep).toList());
        assertEquals(1, shown.size(), "only the newest result is shown");
        assertEquals(bruteForce(c, 700)[1], ch.resultProperty().get().borderVoxels());
        assertEquals(700, ch.requestProperty().get().thresholdStep());

        // back to 500: answered by the tier's cache, no computation
        vm.controls().classes().get(c).thresholdStepProperty().set(500);
        fireTimers();
        runLane();
        assertEquals(3, computed.size());
        assertSame(at500, ch.resultProperty().get());
        // a control that does not decide this mask (another class's threshold) computes nothing either
        int other = (c + 1) % 3;
        vm.controls().classes().get(other).thresholdStepProperty().set(123);
        fireTimers();
        runLane();
        assertEquals(3, computed.size());
        assertFalse(ch.busyProperty().get());
    }

    @Test
    void cancellingDropsTheScheduledComputationAndANewCaseClearsTheResult() throws Exception {
        VoxelChannel<BorderVoxels.Result> ch = register();
        fireTimers();
        runLane();
        int c = vm.selectedChannel();
        vm.controls().classes().get(c).thresholdStepProperty().set(100);
        assertTrue(ch.busyProperty().get());
        ch.cancel();
        assertFalse(ch.busyProperty().get());
        fireTimers();
        runLane();
        assertEquals(1, computed.size(), "the cancelled request never ran");
        assertEquals(500, ch.requestProperty().get().thresholdStep(), "the shown result stays");

        vm.open(new UiTestCase(4).write(dir.resolve("second")));
        assertNull(ch.resultProperty().get(), "the old case's result is gone");
        fireTimers();
        runLane();
        assertNotNull(ch.resultProperty().get(), "recomputed for the new case");
        assertEquals(2, computed.size());
    }

    @Test
    void movingAwayAndBackWhileComputingStaysBusyUntilTheResult() {
        VoxelChannel<BorderVoxels.Result> ch = register();
        fireTimers(); // request at 500 submitted, not yet run
        int c = vm.selectedChannel();
        vm.controls().classes().get(c).thresholdStepProperty().set(200);
        vm.controls().classes().get(c).thresholdStepProperty().set(500);
        fireTimers(); // the same request as the one computing: nothing new to submit
        assertTrue(ch.busyProperty().get(), "its result has not arrived yet");
        runLane();
        assertFalse(ch.busyProperty().get());
        assertEquals(1, computed.size());
        assertEquals(500, ch.requestProperty().get().thresholdStep());
    }

    @Test
    void aMetricNobodyWantsIsNotComputedUntilItIsWanted() {
        javafx.beans.property.BooleanProperty on = new javafx.beans.property.SimpleBooleanProperty(false);
        VoxelChannel<BorderVoxels.Result> ch = vm.voxelMetric(metric,
                v -> VoxelRequest.of(v.controls().toSettings(), v.selectedChannel()), on::get, on);
        int c = vm.selectedChannel();
        vm.controls().classes().get(c).thresholdStepProperty().set(420);
        fireTimers();
        runLane();
        assertTrue(computed.isEmpty(), "off: nothing computed");
        assertFalse(ch.busyProperty().get());
        on.set(true); // the trigger: computed for the current controls
        fireTimers();
        runLane();
        assertEquals(1, computed.size());
        assertEquals(bruteForce(c, 420)[1], ch.resultProperty().get().borderVoxels());
        on.set(false);
        vm.controls().classes().get(c).thresholdStepProperty().set(300);
        fireTimers();
        runLane();
        assertEquals(1, computed.size(), "off again: control changes compute nothing");
    }
}
