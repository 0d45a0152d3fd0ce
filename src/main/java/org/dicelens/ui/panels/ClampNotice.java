package org.dicelens.ui.panels;

import java.util.List;
import org.dicelens.volume.Case;

/**
 * What the viewer tells the user about probabilities outside [0,1] that were clamped on reading: the total and the
 * reader's own line per file (file, channel, count, range). Empty when nothing was clamped. No JavaFX: a view model.
 */
public final class ClampNotice {
    private ClampNotice() {
    }

    /** The reader's per-file lines about clamped values, in reading order. */
    public static List<String> perFile(Case c) {
        return c == null ? List.of() : c.warnings().stream().filter(w -> w.contains("clamped")).toList();
    }

    /** One line for the status bar and the metrics panel, or "" when no value was clamped. */
    public static String summary(Case c) {
        if (c == null || c.prediction().clampedCount() == 0) {
            return "";
        }
        long n = c.prediction().clampedCount();
        List<String> lines = perFile(c);
        return "⚠ " + Fmt.count(n) + " probabilit" + (n == 1 ? "y" : "ies") + " clamped into [0,1]"
                + (lines.isEmpty() ? "" : " — " + String.join("; ", lines));
    }
}
