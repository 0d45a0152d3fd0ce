package org.dicelens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; each subcommand lives in its own class. */
@Command(name = "dicelens", mixinStandardHelpOptions = true, versionProvider = DiceLensCommand.VersionFromPom.class,
        description = "Soft vs hard Dice, volume bias and Generalised Dice weights on NIfTI volumes.",
        subcommands = {InfoCommand.class, EvaluateCommand.class, SweepCommand.class, RenderCommand.class,
            BenchCommand.class, PhantomCommand.class, LabCommand.class, CohortCommand.class})
public final class DiceLensCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The version the pom gives, shared with the viewer's About box. */
    static final class VersionFromPom implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"DiceLens " + org.dicelens.common.Version.get()};
        }
    }

    /** The commands without a viewer: {@code view} explains that it is not available here. */
    public static CommandLine commandLine() {
        return commandLine(c -> {
            throw new IllegalStateException("the viewer is not available in this build");
        });
    }

    /** The commands, {@code view} starting the viewer through {@code viewer} (supplied by Main, which knows the UI). */
    public static CommandLine commandLine(ViewCommand.Launcher viewer) {
        CommandLine cl = new CommandLine(new DiceLensCommand());
        cl.addSubcommand("view", new ViewCommand(viewer));
        cl.setExecutionExceptionHandler(new OneLineErrors());
        cl.setParameterExceptionHandler(OneLineErrors::handleParameterException);
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs a command line with the viewer available to {@code view}. */
    public static int run(ViewCommand.Launcher viewer, String... args) {
        try {
            return commandLine(viewer).execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands Errors on: say it in one line, as the viewer does, instead of a stack trace
            System.err.println("error: not enough memory for this input (" + e.getMessage() + "); start Java with a "
                    + "larger -Xmx (java -Xmx8g -jar dicelens.jar ...)");
            return 1;
        }
    }
}
