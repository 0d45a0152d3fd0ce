package org.dicelens.ui.io;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.dicelens.ui.model.ViewerModel;

/**
 * What File ▸ Recent does, without the menu: a case enters the list once it has opened (with its files' roles; a failed
 * open never does), a session once its case has opened, and choosing an entry whose files have gone drops it with a
 * note in the status line instead of failing to open.
 */
public final class RecentCases {
    private final ViewerModel vm;
    private final RecentFiles store;
    private Runnable onChanged = () -> { };

    public RecentCases(ViewerModel vm, RecentFiles store) {
        this.vm = vm;
        this.store = store;
        vm.currentProperty().addListener((o, was, now) -> {
            if (now != null) {
                store.addCase(now.files());
                onChanged.run();
            }
        });
    }

    /** Runs after every change of the list (the menu refills). */
    public void setOnChanged(Runnable r) {
        onChanged = r == null ? () -> { } : r;
    }

    public List<RecentFiles.Entry> entries() {
        return store.entries();
    }

    public void clear() {
        store.clear();
        onChanged.run();
    }

    /** A session saved, or one whose case has opened (a session that fails to open is not remembered). */
    public void rememberSession(Path session) {
        store.add(session);
        onChanged.run();
    }

    /**
     * Opens an entry: a case with its files in their roles (no question asked, whatever the folder's names say), a
     * session through {@code openSession}, an older version's bare folder through {@code openFolder}. An entry whose
     * files are gone is dropped and the status line says so; false then.
     */
    public boolean open(RecentFiles.Entry e, Consumer<Path> openSession, Consumer<Path> openFolder) {
        List<Path> gone = e.missing();
        if (!gone.isEmpty()) {
            store.remove(e);
            onChanged.run();
            vm.note("Removed from Recent: " + gone.get(0) + (gone.size() > 1 ? " and " + (gone.size() - 1) + " more"
                    : "") + (gone.size() > 1 ? " are" : " is") + " no longer there");
            return false;
        }
        if (e.session() != null) {
            openSession.accept(e.session());
        } else if (!e.files().hasFiles()) {
            openFolder.accept(e.files().folder());
        } else {
            vm.open(e.files());
        }
        return true;
    }
}
