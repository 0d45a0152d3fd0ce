package org.dicelens.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.dicelens.common.Progress;

/**
 * A progress bar on stderr. On a terminal it redraws one line with carriage returns; when stderr goes to a file or
 * a pipe it draws nothing, so logs and scripts see only warnings and errors (one line each). Thread-safe: batch
 * cases report from several threads.
 */
final class ProgressBar implements Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean quiet;
    private String lastMessage;
    private long lastDraw;
    private int lastLength;

    ProgressBar(PrintWriter err, boolean terminal, boolean quiet) {
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    /** A bar for the process's stderr: redrawing only when a console is attached. */
    static ProgressBar forErr(PrintWriter err, boolean quiet) {
        return new ProgressBar(err, System.console() != null, quiet);
    }

    @Override
    public synchronized void update(double fraction, String message) {
        if (quiet) {
            return;
        }
        String msg = message == null ? "" : message;
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw < 50_000_000L && fraction < 1 && msg.equals(lastMessage)) {
                return; // at most 20 redraws a second
            }
            lastDraw = now;
            String line = bar(fraction) + " " + msg;
            err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
            err.flush();
        }
        lastMessage = msg;
    }

    /** Ends the redrawn line so later messages start on their own line. */
    synchronized void finish() {
        if (!quiet && terminal && lastLength > 0) {
            err.println();
            err.flush();
            lastLength = 0;
        }
    }

    /** A message (a failed case, a warning) on its own line, not overwritten by the bar. */
    synchronized void message(String line) {
        if (terminal && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
        }
        err.println(line);
        err.flush();
        lastMessage = null;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    static String bar(double fraction) {
        double f = Math.max(0, Math.min(1, Double.isNaN(fraction) ? 0 : fraction));
        int full = (int) Math.round(f * WIDTH);
        return "[" + "#".repeat(full) + "-".repeat(WIDTH - full) + "] " + String.format(Locale.ROOT, "%3d%%", Math.round(f * 100));
    }
}
