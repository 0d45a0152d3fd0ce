package org.dicelens.app.cases;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicelens.volume.formats.InputFormats;

/**
 * Names of binary rater masks, one file per rater and class: QUBIQ's {@code task01_seg02} (class 1, rater 2), or
 * {@code class1_rater2} / {@code label_1_rater_2} / {@code rater2_class1} in either order. Class and rater are the
 * numbers in the name, not channel indices: classes are the foreground classes in the order of their numbers, raters in
 * the order of theirs.
 */
final class RaterMaskNames {
    private static final String CLASS = "(?:task|class|label|structure)[_-]?(\\d+)";
    private static final String RATER = "(?:seg|rater|annotator|annotation|expert|reader)[_-]?(\\d+)";
    private static final Pattern CLASS_FIRST = Pattern.compile(CLASS + ".*?" + RATER);
    private static final Pattern RATER_FIRST = Pattern.compile(RATER + ".*?" + CLASS);

    /** The class and rater numbers of one mask's name. */
    record Parsed(int classNumber, int raterNumber) {
    }

    private RaterMaskNames() {
    }

    /** The numbers of a mask file's name, or null when it is not named like a per-class rater mask. */
    static Parsed parse(Path file) {
        String n = InputFormats.stem(file).toLowerCase(Locale.ROOT);
        Matcher m = CLASS_FIRST.matcher(n);
        if (m.find()) {
            return new Parsed(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = RATER_FIRST.matcher(n);
        if (m.find()) {
            return new Parsed(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        }
        return null;
    }

    /** True when every file is named like a per-class rater mask. */
    static boolean allMasks(List<Path> files) {
        return !files.isEmpty() && files.stream().allMatch(f -> parse(f) != null);
    }
}
