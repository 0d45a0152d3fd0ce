package org.dicelens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.dicelens.app.report.ReportFormat;
import org.dicelens.common.InputException;
import picocli.CommandLine.Option;

/** Where and how a report command writes: --format, --out (atomically, never over an input) and --quiet. */
final class ReportOutputOptions {
    @Option(names = "--format", paramLabel = "json|csv",
            description = "Output format (default: csv when --out ends in .csv, else json).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here (atomically) instead of stdout.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar on stderr.")
    boolean quiet;

    /** The report's format; a usage error for any other word. */
    ReportFormat reportFormat() throws InputException {
        ReportFormat f = ReportFormat.of(format, out);
        if (f == null) {
            throw SettingsOptions.bad("--format", format, "expected json or csv");
        }
        return f;
    }

    /** Writes the report to --out (atomically) or to the command's standard output. */
    void emit(String text, PrintWriter stdout) throws InputException {
        if (out != null) {
            AtomicOutput.write(out, text);
        } else {
            stdout.print(text);
            stdout.flush();
        }
    }
}
