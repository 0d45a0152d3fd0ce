package org.dicelens.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.dicelens.common.InputException;
import org.dicelens.volume.PredictionKind;
import org.dicelens.volume.formats.InputFormats;
import org.dicelens.ui.io.MetricsExport;
import org.dicelens.ui.io.RecentCases;
import org.dicelens.ui.io.RecentFiles;
import org.dicelens.ui.io.Sessions;
import org.dicelens.app.cases.CaseChecks;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.app.cases.FileRoles;
import org.dicelens.app.cases.FolderRoleChoice;
import org.dicelens.app.cases.FolderRoleMemory;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;

/** What the File menu and drag-and-drop do: choose files, open, save and export, report problems in dialogs. */
public final class FileActions {
    private final ViewerModel vm;
    private final DisplayModel display;
    private final RecentCases recent;
    private final Window owner;
    /** Files chosen one by one (reference, prediction, …) until there is enough to load. */
    private CaseFiles pending;
    private PngExporter png;
    /** The roles chosen for case folders whose names leave them open (the role picker's answers). */
    private FolderRoleMemory roleMemory = FolderRoleMemory.forUser();

    /** Saves the views as PNG (implemented by the slice grid). */
    public interface PngExporter {
        /** The figure's {width, height} at magnification k of the views' resolution; null without a case. */
        int[] size(int k);

        void export(Path target, int k) throws InputException;
    }

    public FileActions(ViewerModel vm, DisplayModel display, RecentFiles recent, Window owner) {
        this.vm = vm;
        this.display = display;
        this.recent = new RecentCases(vm, recent);
        this.owner = owner;
    }

    /** Runs after every change of the Recent list (the menu refills). */
    public void setOnRecentChanged(Runnable r) {
        recent.setOnChanged(r);
    }

    /** The Recent list (cases with their roles, and sessions). */
    public RecentCases recent() {
        return recent;
    }

    public void setPngExporter(PngExporter p) {
        png = p;
    }

    /** Where the role picker's answers are kept (the view model's reader must read the same memory). */
    public void setFolderRoleMemory(FolderRoleMemory m) {
        roleMemory = m;
    }

    private static FileChooser nifti(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Volumes", InputFormats.globs()),
                new FileChooser.ExtensionFilter("All files", "*"));
        return fc;
    }

    private CaseFiles base() {
        if (pending != null) {
            return pending;
        }
        LoadedCase lc = vm.current();
        return lc == null ? null : lc.files();
    }

    public void openReference() {
        File f = nifti("Open reference label map").showOpenDialog(owner);
        if (f != null) {
            add(List.of(f.toPath()), List.of(FileRoles.Role.REFERENCE));
        }
    }

    public void openPredictions() {
        List<File> fs = nifti("Open prediction (one 4D file, or one file per class)").showOpenMultipleDialog(owner);
        if (fs != null && !fs.isEmpty()) {
            List<Path> ps = fs.stream().map(File::toPath).toList();
            add(ps, ps.stream().map(p -> FileRoles.Role.PREDICTION).toList());
        }
    }

    /**
     * Several raters on the case's grid (issue 18): label maps, per-class binary masks (task01_seg02 …) or one soft map
     * q̂ (read by {@code RaterFiles}); the engine then compares with their majority vote (a soft map keeps the reference).
     */
    public void openRaters() {
        List<File> fs = nifti("Open raters (label maps, per-class masks like task01_seg02, or one soft map q̂)")
                .showOpenMultipleDialog(owner);
        if (fs != null && !fs.isEmpty()) {
            List<Path> ps = fs.stream().map(File::toPath).toList();
            add(ps, ps.stream().map(p -> FileRoles.Role.RATER).toList());
        }
    }

    public void openImage() {
        File f = nifti("Open image").showOpenDialog(owner);
        if (f != null) {
            add(List.of(f.toPath()), List.of(FileRoles.Role.IMAGE));
        }
    }

    public void openClassTable() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open class table (ITK-SNAP label description, JSON or CSV)");
        File f = fc.showOpenDialog(owner);
        if (f != null) {
            add(List.of(f.toPath()), List.of(FileRoles.Role.CLASS_TABLE));
        }
    }

    public void chooseFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open case folder");
        File d = dc.showDialog(owner);
        if (d != null) {
            openPath(d.toPath());
        }
    }

    /** Opens a recent entry: a case with its files in their roles, or a session; an entry whose files went is dropped. */
    public void openRecent(RecentFiles.Entry e) {
        pending = null;
        recent.open(e, this::openSession, this::openFolder);
    }

    /** Opens a single dropped path by what it is. */
    public void openPath(Path p) {
        FileRoles.Role r = FileRoles.guess(p);
        if (r == FileRoles.Role.SESSION) {
            openSession(p);
        } else if (r == FileRoles.Role.CASE_FOLDER) {
            openFolder(p);
        } else {
            drop(List.of(p));
        }
    }

    /**
     * Opens a case folder; when its names leave the roles open (two candidate label maps) and no choice is remembered
     * for it, the role picker asks first and its answer is remembered for the folder. False when nothing was opened
     * (the picker cancelled, or the folder unreadable: reported).
     */
    public boolean openFolder(Path folder) {
        FolderRoleChoice choice;
        try {
            choice = FolderRoleChoice.of(folder, roleMemory.roles(folder));
        } catch (InputException e) {
            vm.report("Could not open " + folder.getFileName(), e);
            return false;
        }
        if (choice.needsAsking()) {
            if (!RolePickerDialog.ask(owner, choice)) {
                return false;
            }
            roleMemory.remember(folder, choice.byName());
        }
        pending = null;
        vm.open(CaseFiles.ofFolder(folder));
        return true;
    }

    /** Adds files in given roles; loads when the case is complete, else says what is still missing. */
    public void add(List<Path> files, List<FileRoles.Role> roles) {
        add(files, roles, null);
    }

    /** As {@link #add(List, List)}, reading the prediction as {@code kind} (null: keep the case's). */
    public void add(List<Path> files, List<FileRoles.Role> roles, PredictionKind kind) {
        for (int i = 0; i < files.size(); i++) {
            if (roles.get(i) == FileRoles.Role.REFERENCE) {
                try { // a 4D file is no reference: say so now, from its header, not after the next file
                    CaseChecks.checkReferenceShape(files.get(i));
                } catch (InputException e) {
                    vm.report("Could not open " + files.get(i).getFileName(), e);
                    return;
                }
            }
        }
        CaseFiles base = base();
        String misfit = misfit(base, files, roles);
        if (misfit != null) {
            // the file belongs to another case: start that case, asking first when files would be set aside
            if (!Dialogs.confirm(owner, "Start a new case?", misfit + ": it does not fit the open case. Start a new "
                    + "case with " + (files.size() == 1 ? "it" : "these files") + " (the open case stays on screen until "
                    + "the new one is complete)?")) {
                return;
            }
            base = null;
        }
        CaseFiles f = FileRoles.apply(base, files, roles);
        if (kind != null && kind != f.predictionKind()) {
            f = f.withPredictionKind(kind);
        }
        if (f.isComplete()) {
            pending = null;
            vm.open(f);
        } else {
            pending = f;
            if (f.reference() != null && files.contains(f.reference())) {
                checkReferenceLater(f.reference());
            }
            Dialogs.info(owner, "More files needed", "Now open " + (!f.hasReference() ? "a reference label map"
                    : "a prediction") + " (File menu or drag and drop); the current case stays until then.");
        }
    }

    /** Why the added files do not fit {@code base} (grid size from headers), or null. */
    private static String misfit(CaseFiles base, List<Path> files, List<FileRoles.Role> roles) {
        if (base == null || !base.hasReference() && base.predictions().isEmpty()) {
            return null;
        }
        // a new reference with new predictions replaces both: only files joining the kept ones must fit them
        CaseFiles kept = FileRoles.apply(base, List.of(), List.of());
        if (roles.contains(FileRoles.Role.REFERENCE) && roles.contains(FileRoles.Role.PREDICTION)) {
            return null;
        }
        if (roles.contains(FileRoles.Role.REFERENCE)) {
            kept = kept.withReference(null);
        } else if (roles.contains(FileRoles.Role.PREDICTION)) {
            kept = kept.withPredictions(List.of());
        }
        for (int i = 0; i < files.size(); i++) {
            FileRoles.Role r = roles.get(i);
            if (r == FileRoles.Role.REFERENCE || r == FileRoles.Role.PREDICTION || r == FileRoles.Role.IMAGE
                    || r == FileRoles.Role.REFERENCE_MASK) {
                String m = CaseChecks.misfit(kept, files.get(i));
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    /** Reads a reference chosen on its own in the background and reports an intensity image (or worse) at once. */
    private void checkReferenceLater(Path reference) {
        Thread t = new Thread(() -> {
            try {
                CaseChecks.checkReferenceValues(reference, org.dicelens.common.Progress.NONE);
            } catch (InputException e) {
                javafx.application.Platform.runLater(() -> {
                    if (pending != null && reference.equals(pending.reference())) {
                        pending = pending.withReference(null);
                        vm.report("Could not open " + reference.getFileName(), e);
                    }
                });
            } catch (RuntimeException | OutOfMemoryError e) {
                // loading the complete case reports it
            }
        }, "dicelens-reference-check");
        t.setDaemon(true);
        t.start();
    }

    /** Drag-and-drop: a session or folder opens directly; files get their guessed roles, confirmed when ambiguous. */
    public void drop(List<Path> files) {
        FileRoles.Role first = files.size() == 1 ? FileRoles.guess(files.get(0)) : null;
        if (first == FileRoles.Role.SESSION || first == FileRoles.Role.CASE_FOLDER) {
            openPath(files.get(0));
            return;
        }
        CaseFiles before = base();
        DropDialog.ask(owner, files, before == null ? PredictionKind.AUTO : before.predictionKind())
                .ifPresent(a -> add(files, a.roles(), a.kind()));
    }

    public void saveSession() {
        if (vm.current() == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Save session");
        fc.setInitialFileName("session" + FileRoles.SESSION_SUFFIX);
        File f = fc.showSaveDialog(owner);
        if (f != null) {
            try {
                Sessions.save(vm, display, f.toPath());
                recent.rememberSession(f.toPath());
            } catch (InputException e) {
                vm.report("Could not save the session", e);
            }
        }
    }

    public void openSession() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open session");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("DiceLens session", "*" + FileRoles.SESSION_SUFFIX),
                new FileChooser.ExtensionFilter("JSON", "*.json"));
        File f = fc.showOpenDialog(owner);
        if (f != null) {
            openSession(f.toPath());
        }
    }

    public void openSession(Path p) {
        try {
            pending = null;
            Sessions.open(p, vm, display, lc -> recent.rememberSession(p)); // remembered once its case has opened
        } catch (InputException e) {
            vm.report("Could not open the session", e);
        }
    }

    private Path chooseExport(String title, String name, String ext) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(), "*." + ext));
        File f = fc.showSaveDialog(owner);
        return f == null ? null : f.toPath();
    }

    public void exportCsv() {
        LoadedCase lc = vm.current();
        if (lc == null || vm.metricsProperty().get() == null) {
            return;
        }
        Path p = chooseExport("Export metrics as CSV", lc.data().name() + "-metrics.csv", "csv");
        if (p != null) {
            try {
                MetricsExport.writeCsv(vm.metricsProperty().get(), vm.raterMetricsProperty().get(), p,
                        lc.files().inputs());
            } catch (InputException e) {
                vm.report("Could not export the metrics", e);
            }
        }
    }

    public void exportJson() {
        LoadedCase lc = vm.current();
        if (lc == null || vm.metricsProperty().get() == null) {
            return;
        }
        Path p = chooseExport("Export metrics as JSON", lc.data().name() + "-metrics.json", "json");
        if (p != null) {
            try {
                MetricsExport.writeJson(vm.metricsProperty().get(), vm.raterMetricsProperty().get(), p,
                        lc.files().inputs());
            } catch (InputException e) {
                vm.report("Could not export the metrics", e);
            }
        }
    }

    public void exportPng() {
        LoadedCase lc = vm.current();
        if (lc == null || png == null) {
            return;
        }
        Integer k = ExportScaleDialog.ask(owner, png::size);
        if (k == null) {
            return;
        }
        Path p = chooseExport("Save the views as PNG", org.dicelens.ui.model.CaseName.of(lc) + "-views"
                + (k > 1 ? "@" + k + "x" : "") + ".png", "png");
        if (p != null) {
            try {
                png.export(p, k);
            } catch (InputException e) {
                vm.report("Could not save the PNG", e);
            }
        }
    }
}
