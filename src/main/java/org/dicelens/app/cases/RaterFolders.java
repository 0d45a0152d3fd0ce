package org.dicelens.app.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dicelens.common.InputException;

/**
 * A batch's raters ({@code --raters-dir DIR}), in one of the two layouts multi-rater data sets come in:
 * <ul>
 * <li>a folder per case, {@code DIR/CASE/} holding the raters' files named like raters (QUBIQ's
 * {@code case01/task01_seg01.nii.gz …}, CURVAS's {@code UKCHLL001/annotation_1.nii.gz …}, {@code rater_1}, …; other
 * files there, such as the image, are left out), read in name order;</li>
 * <li>a folder per rater, {@code DIR/RATER/CASE.nii.gz} (an nnU-Net-style labels folder per annotator, e.g. LIDC's four
 * readers exported as {@code reader1/ … reader4/}), raters in the order of the folders' names; a case missing from
 * some rater folders is evaluated with the raters that have it (listed in {@link Found#notes()}).</li>
 * </ul>
 * A subfolder holding files named like raters is a case folder, any other a rater folder; both kinds in one DIR is
 * refused.
 */
public final class RaterFolders {
    private RaterFolders() {
    }

    /** The raters' files of each case (name order), and notes on cases some raters lack. */
    public record Found(Map<String, List<Path>> byCase, List<String> notes) {
        /** Each case's first rater: the file that fixes the case's grid and classes, for pairing with predictions. */
        public Map<String, Path> firstRaters() {
            Map<String, Path> out = new TreeMap<>();
            byCase.forEach((name, files) -> out.put(name, files.get(0)));
            return out;
        }
    }

    public static Found read(Path dir) throws InputException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, "--raters-dir", Files.exists(dir) ? "is not a folder" : "no such folder");
        }
        Map<String, List<Path>> caseFolders = new TreeMap<>();
        Map<String, Map<String, Path>> raterFolders = new LinkedHashMap<>();
        for (Path sub : list(dir, true)) {
            List<Path> raters = new ArrayList<>();
            for (Path f : list(sub, false)) {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (BatchPairing.stem(f) != null && (FileRoles.isRaterName(n) || RaterMaskNames.parse(f) != null)) {
                    raters.add(f);
                }
            }
            if (!raters.isEmpty()) {
                caseFolders.put(sub.getFileName().toString(), raters);
            } else {
                Map<String, Path> files = BatchPairing.volumeFiles(sub, "--raters-dir");
                if (!files.isEmpty()) {
                    raterFolders.put(sub.getFileName().toString(), files);
                }
            }
        }
        if (!caseFolders.isEmpty() && !raterFolders.isEmpty()) {
            throw new InputException(dir, "--raters-dir", "holds both case folders with rater files (e.g. "
                    + caseFolders.keySet().iterator().next() + ") and rater folders of cases (e.g. "
                    + raterFolders.keySet().iterator().next() + "); keep one layout");
        }
        if (!caseFolders.isEmpty()) {
            return new Found(caseFolders, List.of());
        }
        if (raterFolders.isEmpty()) {
            throw new InputException(dir, "--raters-dir", "no raters: expected a folder per case holding rater files "
                    + "(rater_1, task01_seg01, annotation_1 …) or a folder per rater holding CASE.nii.gz files");
        }
        Map<String, List<Path>> byCase = new TreeMap<>();
        for (Map<String, Path> folder : raterFolders.values()) {
            folder.forEach((name, file) -> byCase.computeIfAbsent(name, k -> new ArrayList<>()).add(file));
        }
        List<String> notes = new ArrayList<>();
        byCase.forEach((name, files) -> {
            if (files.size() < raterFolders.size()) {
                notes.add("case " + name + " is in " + files.size() + " of the " + raterFolders.size() + " rater folders "
                        + "of " + dir + ": evaluated with those raters");
            }
        });
        return new Found(byCase, notes);
    }

    private static List<Path> list(Path dir, boolean folders) throws InputException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> folders ? Files.isDirectory(p) : Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir, "--raters-dir", "cannot list: " + e.getMessage(), e);
        }
    }
}
