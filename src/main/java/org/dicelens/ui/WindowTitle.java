package org.dicelens.ui;

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
        String name = org.dicelens.ui.model.CaseName.of(f, caseName);
        String title = "DiceLens — " + name;
        if (!f.predictions().isEmpty() && f.predictions().get(0).getFileName() != null) {
            title += " — " + f.predictions().get(0).getFileName()
                    + (f.predictions().size() > 1 ? " (+" + (f.predictions().size() - 1) + " channel files)" : "");
        }
        return title;
    }
}
