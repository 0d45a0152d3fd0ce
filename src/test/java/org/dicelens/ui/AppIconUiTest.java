package org.dicelens.ui;

import static org.dicelens.ui.FxCall.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.ViewerModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The main window carries the application's icon at every size, each decoded at its own size and not blank. */
@ExtendWith(ApplicationExtension.class)
class AppIconUiTest {
    private ViewerModel vm;
    private Stage stage;
    private Preferences prefs;

    @Start
    void start(Stage s) {
        stage = s;
        vm = new ViewerModel(Platform::runLater, AppWiring.reader(), AppWiring.factory());
        prefs = Preferences.userRoot().node("org/dicelens/test-recent-" + System.nanoTime());
        DiceLensApp.build(stage, vm, new DisplayModel(), new RecentFiles(prefs));
    }

    @AfterEach
    void tearDown() throws Exception {
        vm.shutdown();
        prefs.removeNode();
    }

    @Test
    void theWindowHasTheIconAtEachSize() throws Exception {
        List<Image> icons = fx(() -> List.copyOf(stage.getIcons()));
        assertEquals(AppIcon.SIZES.length, icons.size(), "one image per size");
        for (int k = 0; k < icons.size(); k++) {
            Image im = icons.get(k);
            assertFalse(im.isError(), "icon " + AppIcon.SIZES[k] + " decodes");
            assertEquals(AppIcon.SIZES[k], im.getWidth(), 0, "width of icon " + k);
            assertEquals(AppIcon.SIZES[k], im.getHeight(), 0, "height of icon " + k);
            // the centre lies on the prediction disc or the reference ring: opaque, not the transparent corner
            int centre = im.getPixelReader().getArgb(AppIcon.SIZES[k] / 2, AppIcon.SIZES[k] / 2);
            int corner = im.getPixelReader().getArgb(0, 0);
            assertEquals(0xFF, centre >>> 24, "opaque centre of icon " + AppIcon.SIZES[k]);
            assertEquals(0, corner >>> 24, "transparent (rounded) corner of icon " + AppIcon.SIZES[k]);
        }
    }
}
