package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.FolderRoleMemory;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.ui.model.AnalysisFactory;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.volume.CaseLoader;
import org.dicelens.volume.formats.ReadVolume;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: adding an image or a class table to an open case reads that file only: the prediction and reference are
 * not read again (counted at the volume reader) and the engine's statistics are not built again (counted at the
 * factory); another prediction, or a table giving other channels, reads everything.
 */
class KeepLoadedPredictionTest {
    @TempDir
    Path dir;
    private final List<Path> reads = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger builds = new AtomicInteger();
    private final CaseLoader.VolumeReader counting = new CaseLoader.VolumeReader() {
        @Override
        public NiftiVolume read(Path file, Progress progress) throws InputException {
            return readVolume(file, progress).data();
        }

        @Override
        public ReadVolume readVolume(Path file, Progress progress) throws InputException {
            reads.add(file);
            return CaseLoader.FILES.readVolume(file, progress);
        }
    };
    private final AnalysisFactory factory = (c, p) -> {
        builds.incrementAndGet();
        return AppWiring.factory().build(c, p);
    };
    private final ViewerModel vm = new ViewerModel(Tasks.direct(), AppWiring.reader(FolderRoleMemory.NONE, counting),
            factory);

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    private LoadedCase open(CaseFiles f) {
        LoadedCase before = vm.current();
        vm.open(f);
        Await.until("the case", () -> vm.current() != null && vm.current() != before && vm.metricsProperty().get() != null);
        return vm.current();
    }

    private long readsOf(Path p) {
        synchronized (reads) {
            return reads.stream().filter(p::equals).count();
        }
    }

    @Test
    void addingAnImageOrAClassTableReadsThatFileOnly() throws Exception {
        UiTestCase tc = new UiTestCase(3);
        CaseFiles all = tc.write(dir);
        Path prediction = all.predictions().get(0);
        LoadedCase first = open(all.withImage(null));
        assertNull(first.data().image());
        assertEquals(1, readsOf(prediction));
        assertEquals(1, readsOf(all.reference()));
        assertEquals(1, builds.get());
        CaseMetrics before = vm.metricsProperty().get();

        LoadedCase withImage = open(first.files().withImage(all.image()));
        assertEquals(1, readsOf(prediction), "the prediction is not read again");
        assertEquals(1, readsOf(all.reference()), "nor the reference");
        assertEquals(1, readsOf(all.image()));
        assertEquals(1, builds.get(), "the engine's statistics are kept");
        assertSame(first.data().prediction(), withImage.data().prediction());
        assertEquals(tc.image[17], withImage.data().image().values()[17]);

        Path table = dir.resolve("classes.txt");
        Files.writeString(table, "0 0 0 0 0 1 1 \"outside\"\n1 0 200 0 1 1 1 \"grey matter\"\n"
                + "2 255 0 0 1 1 1 \"lesion\"\n");
        LoadedCase named = open(withImage.files().withClassTable(table));
        assertEquals(1, readsOf(prediction), "a table naming the same labels reads no volume");
        assertEquals(1, readsOf(all.image()));
        assertEquals(1, builds.get());
        assertEquals(List.of("outside", "grey matter", "lesion"), named.data().classes().all().stream()
                .map(c -> c.name()).toList());
        assertEquals(org.dicelens.app.cases.CaseOpener.open(named.files(), Progress.NONE).classes().all(),
                named.data().classes().all(), "as a full read names them");
        CaseMetrics after = vm.metricsProperty().get();
        assertEquals("lesion", after.classes().get(2).name(), "the metrics carry the table's names");
        for (int c = 0; c < 3; c++) {
            assertEquals(before.classes().get(c).softDice(), after.classes().get(c).softDice(), 0.0, "class " + c);
            assertEquals(before.classes().get(c).hardDice(), after.classes().get(c).hardDice(), 0.0, "class " + c);
            assertEquals(tc.hardDice(c, 500), after.classes().get(c).hardDice(), 1e-12, "class " + c + " brute force");
        }

        // a table without label 0: the loader puts background first (the reference holds 0), so nothing is read
        Path foreground = dir.resolve("foreground.txt");
        Files.writeString(foreground, "1 0 200 0 1 1 1 \"cortex\"\n2 255 0 0 1 1 1 \"lesion\"\n");
        named = open(named.files().withClassTable(foreground));
        assertEquals(1, readsOf(prediction));
        assertEquals(1, builds.get());
        assertEquals(List.of(0, 1, 2), named.data().classes().all().stream().map(c -> c.label()).toList());
        assertEquals("cortex", named.data().classes().get(1).name());
        // what a full read of the same files gives (outside the counted reader)
        org.dicelens.volume.Case full = org.dicelens.app.cases.CaseOpener.open(named.files(), Progress.NONE);
        assertEquals(full.classes().all(), named.data().classes().all());

        // a table listing the labels in another order gives other channels: everything is read again
        Path reordered = dir.resolve("reordered.txt");
        Files.writeString(reordered, "0 0 0 0 0 1 1 \"outside\"\n2 255 0 0 1 1 1 \"lesion\"\n"
                + "1 0 200 0 1 1 1 \"grey matter\"\n");
        LoadedCase other = open(named.files().withClassTable(reordered));
        assertEquals(2, readsOf(prediction));
        assertEquals(2, builds.get());
        assertEquals(List.of(0, 2, 1), other.data().classes().all().stream().map(c -> c.label()).toList());
        // another prediction is a full read
        LoadedCase again = open(other.files().withPredictions(List.of(prediction)).withName("again"));
        assertEquals(3, readsOf(prediction));
        assertEquals(3, builds.get());
        assertNotSame(other.data().prediction(), again.data().prediction(), "a changed case reads everything");
    }
}
