package org.dicelens.ui.io;

import com.fasterxml.jackson.core.JacksonException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.dicelens.app.cases.CaseFiles;

/**
 * The most recently opened cases (with the role of each file) and sessions, kept in java.util.prefs so they survive a
 * restart. A case is remembered once it has opened, never a file that failed on its own. Entries written by older
 * versions (a bare path) still read: a folder or a session.
 */
public final class RecentFiles {
    public static final int MAX = 10;
    private final Preferences prefs;

    /** One entry: a case (files with roles, or a folder) or a session file. */
    public record Entry(CaseFiles files, Path session) {
        /** What the Recent menu shows. */
        public String label() {
            if (session != null) {
                return "session " + session;
            }
            if (files.folder() != null) {
                return "folder " + files.folder();
            }
            StringBuilder sb = new StringBuilder(files.displayName()).append(": reference ");
            sb.append(files.reference() != null ? files.reference().getFileName()
                    : files.referenceMasks().size() + " masks");
            sb.append(", prediction ").append(files.predictions().get(0).getFileName());
            if (files.predictions().size() > 1) {
                sb.append(" (+").append(files.predictions().size() - 1).append(")");
            }
            if (files.image() != null) {
                sb.append(", image ").append(files.image().getFileName());
            }
            if (files.classTable() != null) {
                sb.append(", classes ").append(files.classTable().getFileName());
            }
            return sb.toString();
        }
    }

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The user's own list (per user, per machine). */
    public static RecentFiles forUser() {
        return new RecentFiles(Preferences.userRoot().node("org/dicelens/recent"));
    }

    /** The entries, newest first. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String v = prefs.get("file" + i, null);
            Entry e = v == null ? null : decode(v);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** The paths of the entries (a case by its folder, or its reference), newest first. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (Entry e : entries()) {
            out.add(e.session() != null ? e.session() : e.files().folder() != null ? e.files().folder()
                    : e.files().reference() != null ? e.files().reference() : e.files().referenceMasks().get(0));
        }
        return out;
    }

    /** Puts a session file or a case folder first. */
    public void add(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        put(java.nio.file.Files.isDirectory(abs) ? new Entry(CaseFiles.ofFolder(abs), null) : new Entry(null, abs));
    }

    /** Puts a case that opened first (a phantom is not remembered: the File menu has it). */
    public void addCase(CaseFiles f) {
        if (f.phantom() != null || !f.isComplete()) {
            return;
        }
        put(new Entry(f.folder() != null ? CaseFiles.ofFolder(f.folder().toAbsolutePath().normalize()) : f, null));
    }

    private void put(Entry e) {
        String value = encode(e);
        List<String> l = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String v = prefs.get("file" + i, null);
            if (v != null && !v.equals(value)) {
                l.add(v);
            }
        }
        l.add(0, value);
        for (int i = 0; i < MAX; i++) {
            if (i < l.size()) {
                prefs.put("file" + i, l.get(i));
            } else {
                prefs.remove("file" + i);
            }
        }
    }

    private static String encode(Entry e) {
        if (e.session() != null) {
            return e.session().toString();
        }
        if (e.files().folder() != null && !e.files().hasFiles()) {
            return e.files().folder().toString();
        }
        try {
            return SessionFile.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(SessionFile.toFiles(e.files()));
        } catch (JacksonException ex) {
            throw new IllegalStateException("a case's file names always serialise", ex);
        }
    }

    /** A stored entry, or null when it cannot be read (an entry from a newer version): skipped. */
    private static Entry decode(String v) {
        if (!v.startsWith("{")) {
            Path p = Path.of(v);
            return java.nio.file.Files.isDirectory(p) ? new Entry(CaseFiles.ofFolder(p), null) : new Entry(null, p);
        }
        try {
            SessionFile.CaseRef ref = SessionFile.mapper().readValue(v, SessionFile.CaseRef.class);
            return new Entry(SessionFile.fromFiles(ref, Path.of("recent").toAbsolutePath()), null);
        } catch (JacksonException | RuntimeException ex) {
            return null;
        }
    }

    public void clear() {
        for (int i = 0; i < MAX; i++) {
            prefs.remove("file" + i);
        }
    }
}
