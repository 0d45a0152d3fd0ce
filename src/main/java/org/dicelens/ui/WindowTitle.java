package org.dicelens.ui;

import java.nio.file.Path;
import org.dicelens.app.cases.CaseFiles;

/**
 * The window's title: the case (its name, else its folder, else the phantom, else the folder holding the reference,
 * since reference files are often just "reference" or "seg") and the prediction shown, so two windows or a screenshot
 * say what they show.
 */
public final class WindowTitle {
    private WindowTitle() {
    }

    public static String of(CaseFiles f, String caseName) {
        if (f == null) {
            return "DiceLens";
        }
        String name = caseName;
        if (f.name() != null && !f.name().isBlank()) {
            name = f.name();
        } else if (f.folder() != null && f.folder().getFileName() != null) {
            name = f.folder().getFileName().toString();
        } else if (f.phantom() != null) {
            name = f.phantom() + " phantom";
        } else {
            Path ref = f.reference() != null ? f.reference() : f.referenceMasks().isEmpty() ? null : f.referenceMasks().get(0);
            Path parent = ref == null ? null : ref.toAbsolutePath().getParent();
            if (parent != null && parent.getFileName() != null) {
                name = parent.getFileName().toString();
            }
        }
        String title = "DiceLens — " + name;
        if (!f.predictions().isEmpty() && f.predictions().get(0).getFileName() != null) {
            title += " — " + f.predictions().get(0).getFileName()
                    + (f.predictions().size() > 1 ? " (+" + (f.predictions().size() - 1) + " channel files)" : "");
        }
        return title;
    }
}
