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
            cmd.getErr().println("error: " + oneLine(ie.getMessage()));
            return INPUT_ERROR;
        }
        cmd.getErr().println("error: " + oneLine(ex.getMessage() != null ? ex.getMessage() : ex.toString()));
        return 1;
    }

    /** A mistyped command line: one line naming the problem and where help is, instead of the whole usage text. */
    static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("error: " + oneLine(ex.getMessage()) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Messages that span lines (a wrapped cause) are joined so the error stays one line. */
    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
