package org.dicelens.app.report;

import java.nio.file.Path;
import java.util.Locale;

/** The two formats of a report. */
public enum ReportFormat {
    JSON, CSV;

    /** The explicit format, else CSV when the target's name ends in .csv, else JSON; null when the text is neither. */
    public static ReportFormat of(String explicit, Path target) {
        if (explicit != null) {
            return switch (explicit.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "csv" -> CSV;
                default -> null;
            };
        }
        return target != null && target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSON;
    }
}
