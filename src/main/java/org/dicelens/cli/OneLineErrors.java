package org.dicelens.cli;

import org.dicelens.common.InputException;
import picocli.CommandLine;

/** Input problems print one line (no stack trace) and exit 2; anything else exits 1 with its message. */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
    static final int INPUT_ERROR = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        Throwable t = ex;
        while (t != null && !(t instanceof InputException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof InputException ie) {
            cmd.getErr().println("error: " + ie.getMessage());
            return INPUT_ERROR;
        }
        cmd.getErr().println("error: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
        return 1;
    }
}
