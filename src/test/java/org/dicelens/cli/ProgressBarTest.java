package org.dicelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void barShowsTheFraction() {
        assertEquals("[" + "-".repeat(30) + "]   0%", ProgressBar.bar(0));
        assertEquals("[" + "#".repeat(15) + "-".repeat(15) + "]  50%", ProgressBar.bar(0.5));
        assertEquals("[" + "#".repeat(30) + "] 100%", ProgressBar.bar(1.7), "clamped");
        assertEquals(ProgressBar.bar(0), ProgressBar.bar(Double.NaN));
    }

    @Test
    void onATerminalItRedrawsOneLineAndMessagesGetTheirOwn() {
        StringWriter s = new StringWriter();
        ProgressBar b = new ProgressBar(new PrintWriter(s), true, false);
        b.update(0.25, "reading");
        b.message("warning: x");
        b.update(1, "done");
        b.finish();
        String out = s.toString();
        assertTrue(out.startsWith("\r[" + "#".repeat(8)), out);
        assertTrue(out.contains("reading"));
        assertTrue(out.contains("\nwarning: x\n") || out.contains("\rwarning: x\n"), out);
        assertTrue(out.endsWith("done\n"), out);
    }

    @Test
    void offATerminalOnlyMessagesAreWritten() {
        StringWriter s = new StringWriter();
        ProgressBar b = new ProgressBar(new PrintWriter(s), false, false);
        b.update(0.5, "reading");
        b.message("error: y");
        b.finish();
        assertEquals("error: y" + System.lineSeparator(), s.toString());
        StringWriter q = new StringWriter();
        ProgressBar quiet = new ProgressBar(new PrintWriter(q), true, true);
        quiet.update(0.5, "reading");
        quiet.finish();
        assertEquals("", q.toString());
    }
}
