package org.dicelens.volume;

import java.nio.file.Path;
import org.dicelens.common.InputException;

/**
 * ITK-SNAP label description files, as ITK-SNAP writes them:
 * <pre>
 * # IDX   -R-  -G-  -B-  -A--  VIS MSH  LABEL
 *     0     0    0    0     0   0   0  "Clear Label"
 *     1   255    0    0     1   1   1  "Label 1"
 * </pre>
 * The label may be unquoted (the rest of the line). Alpha, visibility and mesh flags are checked but not kept:
 * DiceLens colours are opaque and its own controls decide visibility.
 */
final class ItkSnapLabelParser {
    private static final String LAYOUT = "IDX -R- -G- -B- -A-- VIS MSH \"LABEL\"";

    private ItkSnapLabelParser() {
    }

    static ClassTable parse(String text, Path file) throws InputException {
        ClassTableBuilder b = new ClassTableBuilder(file);
        String[] lines = text.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            int lineNo = n + 1;
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = new String[7];
            int pos = 0;
            for (int k = 0; k < 7; k++) {
                while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
                    pos++;
                }
                int start = pos;
                while (pos < line.length() && !Character.isWhitespace(line.charAt(pos)) && line.charAt(pos) != '"') {
                    pos++;
                }
                if (start == pos) {
                    throw b.error(lineNo, "expected " + LAYOUT + ", found " + k + " field" + (k == 1 ? "" : "s") + " in \""
                            + line + "\"");
                }
                f[k] = line.substring(start, pos);
            }
            int label = integer(b, lineNo, "IDX", f[0], Integer.MIN_VALUE, Integer.MAX_VALUE);
            int r = integer(b, lineNo, "-R-", f[1], 0, 255);
            int g = integer(b, lineNo, "-G-", f[2], 0, 255);
            int bl = integer(b, lineNo, "-B-", f[3], 0, 255);
            double alpha;
            try {
                alpha = Double.parseDouble(f[4]);
            } catch (NumberFormatException e) {
                throw b.error(lineNo, "-A- (transparency) \"" + f[4] + "\" is not a number");
            }
            if (!(alpha >= 0 && alpha <= 1)) {
                throw b.error(lineNo, "-A- (transparency) " + f[4] + " is outside 0..1");
            }
            integer(b, lineNo, "VIS", f[5], 0, 1);
            integer(b, lineNo, "MSH", f[6], 0, 1);
            b.add(lineNo, label, name(b, lineNo, line.substring(pos).strip()), 0xFF000000 | r << 16 | g << 8 | bl);
        }
        return b.build();
    }

    private static String name(ClassTableBuilder b, int lineNo, String rest) throws InputException {
        if (!rest.startsWith("\"")) {
            return rest;
        }
        int end = rest.lastIndexOf('"');
        if (end == 0) {
            throw b.error(lineNo, "LABEL " + rest + " has no closing quote");
        }
        if (end != rest.length() - 1 && !rest.substring(end + 1).isBlank()) {
            throw b.error(lineNo, "unexpected text after the quoted LABEL: " + rest.substring(end + 1).strip());
        }
        return rest.substring(1, end);
    }

    private static int integer(ClassTableBuilder b, int lineNo, String field, String s, int min, int max) throws InputException {
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw b.error(lineNo, field + " \"" + s + "\" is not an integer");
        }
        if (v < min || v > max) {
            throw b.error(lineNo, field + " " + v + " is outside " + min + ".." + max);
        }
        return v;
    }
}
