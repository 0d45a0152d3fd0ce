package org.dicelens.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The application's icon at the sizes window managers and task bars pick from (the installers carry the 256 px one
 * from src/package/jpackage). Dialogs owned by the main window take its icons.
 */
final class AppIcon {
    static final int[] SIZES = {16, 32, 48, 64, 256};

    private AppIcon() {
    }

    /** The icon's images, smallest first; a size whose resource is missing is left out. */
    static List<Image> images() {
        List<Image> out = new ArrayList<>();
        for (int s : SIZES) {
            try (InputStream in = AppIcon.class.getResourceAsStream("icons/dicelens-" + s + ".png")) {
                if (in != null) {
                    out.add(new Image(in));
                }
            } catch (IOException e) {
                // a size that cannot be read is left out: the window manager scales another
            }
        }
        return out;
    }
}
