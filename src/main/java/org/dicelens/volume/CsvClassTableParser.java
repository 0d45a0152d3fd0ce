package org.dicelens.volume;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicelens.common.InputException;

/**
 * CSV class tables: {@code label,name,color} rows (name and color optional), an optional header row naming the
 * columns ({@code label}/{@code value}/{@code id}, {@code name}, {@code color}/{@code colour}, any order),
 * {@code #} comment lines, RFC 4180 quotes ("a, b" and "" for a quote).
 */
final class CsvClassTableParser {
    private CsvClassTableParser() {
    }

    static ClassTable parse(String text, Path file) throws InputException {
        ClassTableBuilder b = new ClassTableBuilder(file);
        String[] lines = text.split("\\R", -1);
        int labelCol = 0;
        int nameCol = 1;
        int colourCol = 2;
        boolean header = false;
        boolean first = true;
        for (int n = 0; n < lines.length; n++) {
            int lineNo = n + 1;
            String line = lines[n];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            List<String> f = split(b, lineNo, line);
            if (first) {
                first = false;
                if (!isInteger(f.get(0).strip())) {
                    header = true;
                    labelCol = -1;
                    nameCol = -1;
                    colourCol = -1;
                    for (int i = 0; i < f.size(); i++) {
                        switch (f.get(i).strip().toLowerCase(Locale.ROOT)) {
                            case "label", "value", "id", "idx" -> labelCol = i;
                            case "name", "class" -> nameCol = i;
                            case "color", "colour" -> colourCol = i;
                            default -> {
                            }
                        }
                    }
                    if (labelCol < 0) {
                        throw b.error(lineNo, "header row " + f + " has no \"label\" column (expected label,name,color)");
                    }
                    continue;
                }
            }
            if (!header && f.size() > 3) {
                throw b.error(lineNo, "expected label,name,color; found " + f.size() + " fields");
            }
            String labelText = field(f, labelCol).strip();
            if (labelText.isEmpty()) {
                throw b.error(lineNo, "label is empty");
            }
            if (!isInteger(labelText)) {
                throw b.error(lineNo, "label \"" + labelText + "\" is not an integer");
            }
            Integer argb;
            try {
                argb = ClassTableReader.parseHexColour(field(f, colourCol));
            } catch (IllegalArgumentException e) {
                throw b.error(lineNo, e.getMessage());
            }
            b.add(lineNo, Integer.parseInt(labelText), field(f, nameCol), argb);
        }
        return b.build();
    }

    private static String field(List<String> f, int col) {
        return col >= 0 && col < f.size() ? f.get(col) : "";
    }

    private static boolean isInteger(String s) {
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** One CSV record on one line; quotes may hold commas and doubled quotes. */
    static List<String> split(ClassTableBuilder b, int lineNo, String line) throws InputException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && cur.toString().isBlank() && !wasQuoted) {
                cur.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (wasQuoted && !Character.isWhitespace(c)) {
                throw b.error(lineNo, "unexpected '" + c + "' after a quoted field");
            } else if (!wasQuoted) {
                cur.append(c);
            }
        }
        if (quoted) {
            throw b.error(lineNo, "unterminated quote");
        }
        out.add(cur.toString());
        return out;
    }
}
