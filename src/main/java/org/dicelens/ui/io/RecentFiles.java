package org.dicelens.ui.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The most recently opened files and folders, kept in java.util.prefs so they survive a restart. */
public final class RecentFiles {
    public static final int MAX = 10;
    private final Preferences prefs;

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The user's own list (per user, per machine). */
    public static RecentFiles forUser() {
        return new RecentFiles(Preferences.userRoot().node("org/dicelens/recent"));
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String v = prefs.get("file" + i, null);
            if (v != null) {
                out.add(Path.of(v));
            }
        }
        return out;
    }

    /** Puts a path first, dropping an older entry for it and the oldest beyond {@link #MAX}. */
    public void add(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        List<Path> l = list();
        l.remove(abs);
        l.add(0, abs);
        for (int i = 0; i < MAX; i++) {
            if (i < l.size()) {
                prefs.put("file" + i, l.get(i).toString());
            } else {
                prefs.remove("file" + i);
            }
        }
    }

    public void clear() {
        for (int i = 0; i < MAX; i++) {
            prefs.remove("file" + i);
        }
    }
}
