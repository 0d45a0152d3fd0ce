package org.dicelens.app.report;

import java.util.List;

/**
 * A CSV table as pandas' {@code read_csv} reads it with no options: a header row, comma separators, RFC 4180
 * quoting, "\n" line ends, numbers in Java's round-trip form and undefined numbers (NaN, ±∞) as empty fields; a list
 * is one field of its items separated by spaces. The one CSV writer of the application (no CSV library is on the
 * class path; this is the few lines RFC 4180 needs).
 */
public final class Csv {
    private final StringBuilder sb = new StringBuilder();
    private final int columns;

    public Csv(List<String> header) {
        this.columns = header.size();
        row(header.toArray());
    }

    public Csv row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("row of " + values.length + " values for " + columns + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(values[i]));
        }
        sb.append('\n');
        return this;
    }

    static String field(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof List<?> items) {
            StringBuilder sb = new StringBuilder();
            for (Object o : items) {
                sb.append(sb.length() == 0 ? "" : " ").append(field(o));
            }
            return field(sb.toString());
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d.toString() : "";
        }
        if (v instanceof Float f) {
            return field(f.doubleValue());
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        String s = v.toString();
        boolean quote = s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0 || !s.equals(s.strip());
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
