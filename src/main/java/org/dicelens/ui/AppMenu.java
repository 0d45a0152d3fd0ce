package org.dicelens.ui;

import java.nio.file.Path;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.OverlayModel;
import org.dicelens.render.ViewAxis;
import org.dicelens.ui.panels.HelpText;

/** The menu bar: File (open, recent, sessions, exports), View (maximise a view, overlays), Help. */
public final class AppMenu {
    private AppMenu() {
    }

    public static MenuBar build(FileActions files, RecentFiles recent, DisplayModel display, Runnable sampleCase,
            Runnable phantomCase, Runnable quit) {
        Menu file = new Menu("File");
        file.setId("fileMenu");
        MenuItem ref = item("Open reference…", "Shortcut+R", files::openReference);
        MenuItem pred = item("Open prediction(s)…", "Shortcut+P", files::openPredictions);
        MenuItem img = item("Open image…", "Shortcut+I", files::openImage);
        MenuItem raters = item("Open raters…", null, files::openRaters);
        MenuItem table = item("Open class table…", null, files::openClassTable);
        MenuItem folder = item("Open case folder…", "Shortcut+O", files::chooseFolder);
        Menu recentMenu = new Menu("Recent");
        Runnable[] refill = new Runnable[1];
        Runnable fill = () -> {
            recentMenu.getItems().clear();
            for (RecentFiles.Entry entry : recent.entries()) {
                MenuItem m = new MenuItem(entry.label());
                m.setMnemonicParsing(false);
                m.setOnAction(e -> files.openRecent(entry));
                recentMenu.getItems().add(m);
            }
            if (recentMenu.getItems().isEmpty()) {
                MenuItem none = new MenuItem("(none yet)");
                none.setDisable(true);
                recentMenu.getItems().add(none);
            } else {
                recentMenu.getItems().addAll(new SeparatorMenuItem(), item("Clear recent", null, () -> {
                    recent.clear();
                    refill[0].run();
                }));
            }
        };
        refill[0] = fill;
        fill.run();
        files.setOnRecentChanged(fill);
        MenuItem sample = item("Open sample case", null, sampleCase);
        Menu samples = new Menu("Bundled samples");
        for (Path p : DefaultCase.samples()) {
            MenuItem m = new MenuItem(p.getFileName().toString());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> files.openPath(p));
            samples.getItems().add(m);
        }
        samples.setDisable(samples.getItems().isEmpty());
        MenuItem phantom = item("Open generated phantom", null, phantomCase);
        MenuItem openS = item("Open session…", "Shortcut+Shift+O", files::openSession);
        MenuItem saveS = item("Save session…", "Shortcut+S", files::saveSession);
        MenuItem png = item("Export views as PNG…", "Shortcut+E", files::exportPng);
        MenuItem csv = item("Export metrics as CSV…", null, files::exportCsv);
        MenuItem json = item("Export metrics as JSON…", null, files::exportJson);
        MenuItem exit = item("Quit", "Shortcut+Q", quit);
        file.getItems().addAll(ref, pred, raters, img, table, folder, recentMenu, new SeparatorMenuItem(), sample, samples,
                phantom,
                new SeparatorMenuItem(), openS, saveS, new SeparatorMenuItem(), png, csv, json, new SeparatorMenuItem(), exit);

        Menu view = new Menu("View");
        // Ctrl+0 restores the standard display, as viewers' "reset view" does: the grid and fitted slices
        MenuItem grid = item("Tri-planar grid, zoom reset", "Shortcut+0", () -> {
            display.maximisedProperty().set(null);
            display.zoom().reset();
        });
        MenuItem resetZoom = item("Reset zoom (Home in a view)", null, display.zoom()::reset);
        resetZoom.setId("resetZoom");
        CheckMenuItem link = new CheckMenuItem("Link zoom and pan across views");
        link.setId("linkZoom");
        link.selectedProperty().bindBidirectional(display.zoom().linkedProperty());
        view.getItems().addAll(grid, resetZoom, link, new SeparatorMenuItem());
        int k = 1;
        for (ViewAxis a : ViewAxis.values()) {
            view.getItems().add(item("Maximise " + org.dicelens.ui.slices.SliceView.title(a), "Shortcut+" + k++, () -> display.maximisedProperty().set(a)));
        }
        view.getItems().add(new SeparatorMenuItem());
        for (OverlayModel.Layer l : OverlayModel.Layer.values()) {
            CheckMenuItem c = new CheckMenuItem(l.label);
            c.selectedProperty().bindBidirectional(display.overlays().layer(l).enabled);
            view.getItems().add(c);
        }

        Menu help = new Menu("Help");
        help.getItems().addAll(
                item("Using the views", null, () -> Dialogs.info(null, "Using the views", HelpText.VIEWS)),
                item("Soft vs hard Dice", null, () -> Dialogs.info(null, "Soft vs hard Dice", HelpText.METRICS)),
                item("Volume bias", null, () -> Dialogs.info(null, "Volume bias", HelpText.VOLUME)),
                item("Class weights", null, () -> Dialogs.info(null, "Generalised Dice weights", HelpText.WEIGHTS)),
                item("About DiceLens", null, () -> Dialogs.info(null, "DiceLens " + org.dicelens.common.Version.get(),
                        "DiceLens " + org.dicelens.common.Version.get() + "\n\nA lab for soft vs hard Dice, volume bias and Generalised Dice weights on NIfTI volumes. "
                                + "Every number comes from the same engine as the command line.")));
        return new MenuBar(file, view, help);
    }

    /** File ▸ Open cohort…, after "Open case folder…" (the cohort view is the window's, not the file actions'). */
    public static void addOpenCohort(MenuBar bar, Runnable openCohort) {
        Menu file = bar.getMenus().get(0);
        int at = 0;
        while (at < file.getItems().size() && !"Open case folder…".equals(file.getItems().get(at).getText())) {
            at++;
        }
        MenuItem cohort = item("Open cohort (references and predictions folders)…", "Shortcut+Shift+C", openCohort);
        cohort.setId("openCohort");
        file.getItems().add(Math.min(at + 1, file.getItems().size()), cohort);
    }

    /**
     * File ▸ Bundled samples ▸ cohort opens the bundled cohort in the cohort view ({@code open} gets its folder) instead
     * of opening the folder as one case.
     */
    public static void openSampleCohortWith(MenuBar bar, java.util.function.Consumer<Path> open) {
        for (MenuItem i : bar.getMenus().get(0).getItems()) {
            if (i instanceof Menu m && "Bundled samples".equals(m.getText())) {
                for (Path p : DefaultCase.samples()) {
                    if (p.getFileName().toString().equals("cohort")) {
                        m.getItems().stream().filter(x -> "cohort".equals(x.getText())).forEach(x -> {
                            x.setText("cohort (soft Dice vs cross-entropy, 5 cases)");
                            x.setId("sampleCohort");
                            x.setOnAction(e -> open.accept(p));
                        });
                    }
                }
            }
        }
    }

    private static MenuItem item(String text, String accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accel != null) {
            m.setAccelerator(KeyCombination.keyCombination(accel));
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
