package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.cohort.ClassSummary;
import org.dicelens.ui.model.CohortModel;
import org.dicelens.volume.formats.RegionFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's cohort over a region model: its classes are the regions, threshold mode is locked, and at every margin
 * (each region's box grown by m; the regions' boxes differ, so their margin levels do) and threshold the per-region
 * means equal brute-force counts of the label unions.
 */
class RegionCohortModelTest {
    @TempDir
    Path dir;

    @Test
    void theCohortsClassesAreTheRegionsAtEveryMargin() throws Exception {
        Path labels = dir.resolve("labelsTs");
        Path out = dir.resolve("out");
        List<RegionFixture> cases = RegionFixture.writeCohort(labels, out, 70, "BraTS_01", k -> true);
        CohortModel m = new CohortModel(Tasks.direct());
        m.controls().modeProperty().set(HardMode.ARGMAX);
        m.open(labels, out, null);
        assertNull(m.problemProperty().get());
        assertEquals(0, m.failures().size(), () -> m.failures().toString());
        assertEquals(RegionFixture.NAMES, m.cohortProperty().get().classTable().all().stream().map(c -> c.name()).toList());
        assertNotNull(m.controls().modeLockProperty().get());
        assertEquals(HardMode.THRESHOLD, m.controls().modeProperty().get());
        for (int margin : new int[] {Settings.WHOLE_VOLUME, 0, 1, 3}) {
            for (int step : new int[] {500, 220}) {
                m.controls().marginProperty().set(margin);
                m.controls().globalThresholdStepProperty().set(step);
                for (int r = 0; r < 3; r++) {
                    ClassSummary s = m.summaryProperty().get().classes().get(r).summary();
                    double hard = 0;
                    double dHard = 0;
                    double soft = 0;
                    for (RegionFixture f : cases) {
                        RegionFixture.Counts c = f.counts(r, step, margin);
                        hard += c.hardDice() / 3;
                        soft += c.softDice() / 3;
                        dHard += (c.tp() + c.fp() - c.ref()) * RegionFixture.VOXEL_ML / 3;
                    }
                    String what = RegionFixture.NAMES.get(r) + " m=" + margin + " t=" + step;
                    assertEquals(3, s.cases(), what);
                    assertEquals(hard, s.meanHardDice(), 1e-12, what);
                    assertEquals(soft, s.meanSoftDice(), 1e-6, what);
                    assertEquals(dHard, s.meanDeltaHardMl(), 1e-9, what);
                }
            }
        }
    }
}
