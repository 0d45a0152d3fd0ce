package org.dicelens.app.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dicelens.common.InputException;
import org.dicelens.volume.formats.InputFormat;
import org.dicelens.volume.formats.InputFormats;

/**
 * Pairs a folder of references with a folder of predictions by name, as nnU-Net lays them out: {@code case.nii.gz}
 * with {@code case.nii.gz} (one 4D or foreground file), or with per-class files {@code case_0000.nii.gz},
 * {@code case_0001.nii.gz} … (channel order = the number). Cases are driven by the predictions (a fold's
 * predictions against the full labelsTr is the usual layout): a prediction with no reference is a failed case,
 * a reference with no prediction is only counted.
 */
public final class BatchPairing {
    private static final Pattern CHANNEL = Pattern.compile("(.+)_(\\d{4})");

    /** One case to evaluate: its predictions in channel order, or the reason it cannot be evaluated. */
    public record Pair(String name, Path reference, List<Path> predictions, String error) {
    }

    /** The pairs in name order and the references that have no prediction. */
    public record Result(List<Pair> pairs, List<String> referencesWithoutPrediction) {
    }

    private BatchPairing() {
    }

    public static Result pair(Path referenceDir, Path predictionDir) throws InputException {
        return pair(volumeFiles(referenceDir, "--reference-dir"), referenceDir, predictionDir);
    }

    /**
     * The same pairing against references given by case name ({@code referenceDir} names where they came from in
     * messages): a batch of raters gives each case's first rater here ({@link RaterFolders}).
     */
    public static Result pair(Map<String, Path> refs, Path referenceDir, Path predictionDir) throws InputException {
        Map<String, Path> preds = volumeFiles(predictionDir, "--prediction-dir");
        Map<String, Path> whole = new TreeMap<>();
        Map<String, TreeMap<Integer, Path>> perClass = new TreeMap<>();
        Map<String, String> errors = new TreeMap<>();
        for (Map.Entry<String, Path> e : preds.entrySet()) {
            String stem = e.getKey();
            Matcher m = CHANNEL.matcher(stem);
            if (refs.containsKey(stem)) {
                whole.put(stem, e.getValue()); // a case whose own name ends in _NNNN stays whole
            } else if (m.matches() && refs.containsKey(m.group(1))) {
                perClass.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), e.getValue());
            } else {
                String caseName = m.matches() ? m.group(1) : stem;
                errors.putIfAbsent(caseName, "no reference named " + caseName + " in " + referenceDir);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (String name : refs.keySet()) {
            Path ref = refs.get(name);
            if (whole.containsKey(name) && perClass.containsKey(name)) {
                pairs.add(new Pair(name, ref, List.of(), "both " + whole.get(name).getFileName()
                        + " and per-class files " + name + "_NNNN in " + predictionDir + "; keep one layout"));
            } else if (whole.containsKey(name)) {
                pairs.add(new Pair(name, ref, List.of(whole.get(name)), null));
            } else if (perClass.containsKey(name)) {
                TreeMap<Integer, Path> channels = perClass.get(name);
                String gap = gap(channels);
                pairs.add(new Pair(name, ref, List.copyOf(channels.values()), gap == null ? null
                        : "per-class files of " + name + " in " + predictionDir + " skip " + gap));
            }
        }
        errors.forEach((name, why) -> pairs.add(new Pair(name, null, List.of(), why)));
        pairs.sort((a, b) -> a.name().compareTo(b.name()));
        List<String> orphans = new ArrayList<>();
        for (String name : refs.keySet()) {
            if (!whole.containsKey(name) && !perClass.containsKey(name)) {
                orphans.add(name);
            }
        }
        if (pairs.isEmpty()) {
            throw new InputException(predictionDir, "--prediction-dir", "no NIfTI prediction pairs with a reference in "
                    + referenceDir);
        }
        return new Result(pairs, orphans);
    }

    /** Channels must run 0000, 0001, … without a hole, or channel c would silently describe another class. */
    private static String gap(TreeMap<Integer, Path> channels) {
        int expected = 0;
        for (int c : channels.keySet()) {
            if (c != expected) {
                return String.format(Locale.ROOT, "_%04d", expected);
            }
            expected++;
        }
        return null;
    }

    /**
     * Volume files of a folder by case name (the file name without its format's ending, from the input-format
     * registry). Two files of one case are refused, except a NIfTI beside a .npz of the same name (nnU-Net's
     * {@code --save_probabilities}: the segmentation and the probabilities): the probabilities are used when their
     * format is read, the NIfTI until then.
     */
    public static Map<String, Path> volumeFiles(Path dir, String option) throws InputException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, option, Files.exists(dir) ? "is not a folder" : "no such folder");
        }
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String stem = stem(p);
                if (stem == null || !Files.isRegularFile(p)) {
                    continue;
                }
                Path before = out.put(stem, p);
                if (before != null && preferred(before, p) != null) {
                    out.put(stem, preferred(before, p));
                } else if (before != null) {
                    throw new InputException(dir, option, "two files for case " + stem + ": " + before.getFileName()
                            + " and " + p.getFileName());
                }
            }
        } catch (IOException e) {
            throw new InputException(dir, option, "cannot list: " + e.getMessage(), e);
        }
        return out;
    }

    /** Of two files of one case, the one to use when they are a NIfTI and a .npz; null for any other clash. */
    private static Path preferred(Path a, Path b) {
        InputFormat fa = InputFormats.byName(a);
        InputFormat fb = InputFormats.byName(b);
        boolean aNpz = fa != null && InputFormats.NPZ.equals(fa.name());
        boolean bNpz = fb != null && InputFormats.NPZ.equals(fb.name());
        if (aNpz == bNpz) {
            return null;
        }
        Path npz = aNpz ? a : b;
        Path other = aNpz ? b : a;
        return InputFormats.isSupported(npz) ? npz : other;
    }

    /** The case name of a volume file, or null for other files (.img halves, .json, .pkl …). */
    public static String stem(Path p) {
        return InputFormats.caseName(p);
    }
}
