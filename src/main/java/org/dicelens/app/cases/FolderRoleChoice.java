package org.dicelens.app.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dicelens.common.InputException;
import org.dicelens.volume.formats.InputFormats;

/**
 * The roles of a case folder's volume files while the user chooses them (the role picker's state, no window): each
 * file starts with its remembered role, else the guess from its name; the choice is complete when exactly one file is
 * the reference, at least one a prediction and at most one the image. A folder needs asking when its names alone give
 * two candidate label maps (which {@link CaseFolder#resolve} refuses).
 */
public final class FolderRoleChoice {
    /** The roles the picker offers (a file guessed as a rater also keeps that role as a choice). */
    public static final List<FileRoles.Role> CHOICES = List.of(FileRoles.Role.REFERENCE, FileRoles.Role.PREDICTION,
            FileRoles.Role.IMAGE, FileRoles.Role.IGNORE);

    private final Path folder;
    private final Map<Path, FileRoles.Role> roles = new LinkedHashMap<>();
    private final Map<Path, FileRoles.Role> guessed = new LinkedHashMap<>();

    private FolderRoleChoice(Path folder) {
        this.folder = folder;
    }

    /** The folder's volume files (name order) with their roles: {@code remembered} (by file name) over the guesses. */
    public static FolderRoleChoice of(Path folder, Map<String, FileRoles.Role> remembered) throws InputException {
        FolderRoleChoice c = new FolderRoleChoice(folder);
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).filter(InputFormats::isVolumeFile).sorted().toList();
        } catch (IOException e) {
            throw new InputException(folder, null, "cannot list the folder: " + e.getMessage(), e);
        }
        for (Path p : files) {
            c.guessed.put(p, FileRoles.guess(p));
            c.roles.put(p, CaseFolder.roleOf(p, remembered == null ? Map.of() : remembered));
        }
        return c;
    }

    public Path folder() {
        return folder;
    }

    public List<Path> files() {
        return List.copyOf(roles.keySet());
    }

    public FileRoles.Role role(Path file) {
        return roles.get(file);
    }

    /** What the file's name suggests (shown beside the choice). */
    public FileRoles.Role guessed(Path file) {
        return guessed.get(file);
    }

    /** The roles {@code file} can take: {@link #CHOICES}, plus its guess when that is another (a rater). */
    public List<FileRoles.Role> choicesFor(Path file) {
        List<FileRoles.Role> out = new ArrayList<>(CHOICES);
        FileRoles.Role g = guessed.get(file);
        if (g != null && !out.contains(g)) {
            out.add(out.size() - 1, g);
        }
        return out;
    }

    public void set(Path file, FileRoles.Role role) {
        if (!roles.containsKey(file)) {
            throw new IllegalArgumentException(file + " is not a volume of " + folder);
        }
        roles.put(file, role);
    }

    /** The files in {@code role}, in name order. */
    public List<Path> filesIn(FileRoles.Role role) {
        return roles.entrySet().stream().filter(e -> e.getValue() == role).map(Map.Entry::getKey).toList();
    }

    /** True when the current roles name more than one reference (the folder cannot open without a choice). */
    public boolean needsAsking() {
        return filesIn(FileRoles.Role.REFERENCE).size() > 1;
    }

    /** Why these roles do not make a case, or null when they do. */
    public String problem() {
        int refs = filesIn(FileRoles.Role.REFERENCE).size() + filesIn(FileRoles.Role.RATER).size();
        if (filesIn(FileRoles.Role.REFERENCE).size() > 1) {
            return "Choose one reference: " + names(filesIn(FileRoles.Role.REFERENCE)) + " are all marked reference.";
        }
        if (refs == 0) {
            return "Choose the reference label map.";
        }
        if (filesIn(FileRoles.Role.PREDICTION).isEmpty()) {
            return "Choose at least one prediction.";
        }
        if (filesIn(FileRoles.Role.IMAGE).size() > 1) {
            return "Choose one image at most: " + names(filesIn(FileRoles.Role.IMAGE)) + ".";
        }
        return null;
    }

    private static String names(List<Path> ps) {
        return String.join(", ", ps.stream().map(p -> p.getFileName().toString()).toList());
    }

    /** The roles by file name, as {@link CaseFolder#resolve(Path, Map)} takes and {@link FolderRoleMemory} keeps them. */
    public Map<String, FileRoles.Role> byName() {
        Map<String, FileRoles.Role> out = new LinkedHashMap<>();
        roles.forEach((p, r) -> out.put(p.getFileName().toString(), r));
        return out;
    }

    /** The case these roles make (the folder's class table and dataset.json found as usual). */
    public CaseFiles resolve() throws InputException {
        return CaseFolder.resolve(folder, byName());
    }
}
