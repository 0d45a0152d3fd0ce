package org.dicelens.ui.io;

import com.fasterxml.jackson.core.JacksonException;
import java.nio.file.Files;
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
        /** What the Recent menu shows: a case names each file's role (a folder's case too). */
        public String label() {
            if (session != null) {
                return "session " + session;
            }
            if (!files.hasFiles()) {
                return "folder " + files.folder(); // an entry of an older version: roles read again on opening
            }
            StringBuilder sb = new StringBuilder(files.folder() != null ? "folder " + files.folder()
                    : files.displayName()).append(": reference ");
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
            if (files.hasRaters()) {
                sb.append(", ").append(files.raters().size()).append(" raters");
            }
            return sb.toString();
        }

        /** The named files (and folder) that are no longer there; empty when the entry can open. */
        public List<Path> missing() {
            List<Path> gone = new ArrayList<>();
            if (session != null) {
                if (!Files.isRegularFile(session)) {
                    gone.add(session);
                }
                return gone;
            }
            if (files.folder() != null && !Files.isDirectory(files.folder())) {
                gone.add(files.folder());
            }
            List<Path> named = new ArrayList<>(files.predictions());
            named.addAll(files.referenceMasks());
            named.addAll(files.raters());
            for (Path p : new Path[] {files.reference(), files.image(), files.classTable(), files.datasetJson()}) {
                if (p != null) {
                    named.add(p);
                }
            }
            for (Path p : named) {
                if (!Files.exists(p) && !gone.contains(p)) {
                    gone.add(p);
                }
            }
            return gone;
        }

        /** What makes two entries the same: a session's file, a folder (whatever roles), else the case's files. */
        String key() {
            if (session != null) {
                return "session:" + session.toAbsolutePath().normalize();
            }
            return files.folder() != null ? "folder:" + files.folder().toAbsolutePath().normalize() : encode(this);
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
        put(Files.isDirectory(abs) ? new Entry(CaseFiles.ofFolder(abs), null) : new Entry(null, abs));
    }

    /**
     * Puts a case that opened first, with the role of each file: a case folder's entry keeps the files its roles gave
     * (the role picker's answer), so choosing it opens the same case without asking. A phantom is not remembered (the
     * File menu has it).
     */
    public void addCase(CaseFiles f) {
        if (f.phantom() != null || !f.isComplete()) {
            return;
        }
        put(new Entry(f.folder() != null && !f.hasFiles() ? CaseFiles.ofFolder(f.folder().toAbsolutePath().normalize())
                : f, null));
    }

    /** Drops an entry (its files are gone). */
    public void remove(Entry e) {
        String key = e.key();
        write(entries().stream().filter(x -> !x.key().equals(key)).map(RecentFiles::encode).toList());
    }

    private void put(Entry e) {
        String key = e.key();
        List<String> l = new ArrayList<>();
        l.add(encode(e));
        for (Entry x : entries()) {
            if (!x.key().equals(key)) { // the same folder with other roles, or the same files: one entry, on top
                l.add(encode(x));
            }
        }
        write(l);
    }

    private void write(List<String> l) {
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
        if (!e.files().hasFiles()) {
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
            return Files.isDirectory(p) ? new Entry(CaseFiles.ofFolder(p), null) : new Entry(null, p);
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
