package org.dicelens.common;

import java.nio.file.Path;

/**
 * The one checked exception family for problems with a user's input (files, tables, sessions).
 * Its message always names the file and, where there is one, the field and the offending value,
 * so the command line can print it as one line and the viewer can show it in a dialog.
 */
public class InputException extends Exception {
    private final Path file;
    private final String field;

    public InputException(Path file, String field, String problem) {
        this(file, field, problem, null);
    }

    public InputException(Path file, String field, String problem, Throwable cause) {
        super(compose(file, field, problem), cause);
        this.file = file;
        this.field = field;
    }

    /** The file at fault, or null when the problem is not tied to one file. */
    public Path file() {
        return file;
    }

    /** The header field, column or key at fault, or null. */
    public String field() {
        return field;
    }

    private static String compose(Path file, String field, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(": ");
        }
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        sb.append(problem);
        return sb.toString();
    }
}
