package org.dicelens.volume;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.dicelens.common.InputException;

/**
 * Reads a class table (label value, name, colour; in channel order) from one of three text forms:
 * <ul>
 * <li>an ITK-SNAP label description file: {@code IDX -R- -G- -B- -A-- VIS MSH "LABEL"} per line, {@code #} comments;</li>
 * <li>JSON: {@code [{"label":1,"name":"tumour","color":"#ff0000"}, ...]} (name and color optional);</li>
 * <li>CSV: {@code label,name,color} with an optional header row, {@code #} comments, quoted names.</li>
 * </ul>
 * Entries keep the file's order. Anything that does not parse raises an InputException naming the file, the
 * line and the problem.
 */
public final class ClassTableReader {
    /** The text forms a class table can take. */
    public enum Format {
        ITK_SNAP, JSON, CSV
    }

    /** Class tables are a few lines; a bigger file is almost surely the wrong file. */
    static final long MAX_BYTES = 4L << 20;

    private ClassTableReader() {
    }

    /** Reads a class table, picking the form by extension ({@code .json}, {@code .csv}) or else by content. */
    public static ClassTable read(Path file) throws InputException {
        String text = readText(file);
        return parse(text, detect(file, text), file);
    }

    /** Reads a class table in a given form. */
    public static ClassTable read(Path file, Format format) throws InputException {
        return parse(readText(file), format, file);
    }

    /** Parses text in a given form; {@code file} only names the source in messages (may be null). */
    public static ClassTable parse(String text, Format format, Path file) throws InputException {
        return switch (format) {
            case ITK_SNAP -> ItkSnapLabelParser.parse(text, file);
            case JSON -> JsonClassTableParser.parse(text, file);
            case CSV -> CsvClassTableParser.parse(text, file);
        };
    }

    /** Name endings of class tables (ITK-SNAP text, JSON, CSV), for choosers and role guessing. */
    public static final java.util.List<String> ENDINGS = java.util.List.of(".txt", ".json", ".csv", ".label");

    /** True when {@code file} is named like a class table. */
    public static boolean isTableName(Path file) {
        Path n = file.getFileName();
        String name = (n == null ? file.toString() : n.toString()).toLowerCase(Locale.ROOT);
        return ENDINGS.stream().anyMatch(name::endsWith);
    }

    /**
     * The form of a class table: {@code .json} and {@code .csv} by extension; otherwise JSON when the text
     * starts with '[' or '{', ITK-SNAP when the first data line starts with 7 numbers, CSV when it has a comma.
     */
    public static Format detect(Path file, String text) {
        String name = file == null || file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        String t = text.strip();
        if (t.startsWith("[") || t.startsWith("{")) {
            return Format.JSON;
        }
        for (String line : t.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] tok = l.split("\\s+");
            if (tok.length >= 7 && allNumbers(tok, 7)) {
                return Format.ITK_SNAP;
            }
            return l.indexOf(',') >= 0 ? Format.CSV : Format.ITK_SNAP;
        }
        return Format.ITK_SNAP;
    }

    private static boolean allNumbers(String[] tok, int n) {
        for (int i = 0; i < n; i++) {
            try {
                Double.parseDouble(tok[i]);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** The file as text: UTF-8 (a BOM is dropped), else Latin-1; binary content and huge files are refused. */
    static String readText(Path file) throws InputException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(file, null, "is a directory, not a class table file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(file, null, "is " + size + " bytes: too big for a class table (at most " + MAX_BYTES
                        + "); is it the right file?");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file, null, "file not found", e);
        } catch (IOException e) {
            throw new InputException(file, null, "cannot read: " + e.getMessage(), e);
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new InputException(file, null, "is a binary file, not a class table (expected ITK-SNAP label"
                        + " descriptions, JSON or CSV text)");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1); // older ITK-SNAP files with accented names
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * An opaque ARGB colour from "#rrggbb" or "#rgb" (the '#' optional); null for an empty string.
     * Throws IllegalArgumentException with the reason otherwise.
     */
    static Integer parseHexColour(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        String h = t.startsWith("#") ? t.substring(1) : t;
        if (!h.matches("[0-9a-fA-F]{6}|[0-9a-fA-F]{3}")) {
            throw new IllegalArgumentException("colour \"" + s + "\" is not #rrggbb or #rgb");
        }
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        return 0xFF000000 | Integer.parseInt(h, 16);
    }
}
