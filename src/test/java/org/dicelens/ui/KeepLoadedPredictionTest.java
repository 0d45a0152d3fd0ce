package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: adding an image to an open case reads the image only; the loaded prediction is kept. */
class KeepLoadedPredictionTest {
    @TempDir
    Path dir;
    private final ViewerModel vm = new ViewerModel(Runnable::run, AppWiring.reader(), AppWiring.factory());

    @AfterEach
    void tearDown() {
        vm.shutdown();
    }

    private LoadedCase open(CaseFiles f, LoadedCase before) {
        vm.open(f);
        Await.until("the case", () -> vm.current() != null && vm.current() != before && vm.metricsProperty().get() != null);
        return vm.current();
    }

    @Test
    void addingAnImageKeepsThePredictionAndOtherChangesReadAgain() throws Exception {
        UiTestCase tc = new UiTestCase(3);
        CaseFiles all = tc.write(dir);
        LoadedCase first = open(all.withImage(null), null);
        assertNull(first.data().image());
        LoadedCase withImage = open(first.files().withImage(all.image()), first);
        assertSame(first.data().prediction(), withImage.data().prediction(), "the prediction is not read again");
        assertSame(first.data().referenceClass(), withImage.data().referenceClass());
        assertEquals(tc.image[17], withImage.data().image().values()[17]);
        // another prediction is a full read
        LoadedCase other = open(first.files().withImage(all.image()).withPredictions(all.predictions()).withName("again")
                , withImage);
        assertNotSame(withImage.data().prediction(), other.data().prediction(), "a changed case reads everything");
    }
}
