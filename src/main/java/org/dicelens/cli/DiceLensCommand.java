package org.dicelens.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; each subcommand lives in its own class. */
@Command(name = "dicelens", mixinStandardHelpOptions = true, versionProvider = DiceLensCommand.VersionFromPom.class,
        description = "Soft vs hard Dice, volume bias and Generalised Dice weights on NIfTI volumes.")
public final class DiceLensCommand implements Runnable {
    /** The subcommands in the order the help lists them; {@code view} (which needs the launcher) comes last. */
    static final List<Class<?>> SUBCOMMANDS = List.of(InfoCommand.class, EvaluateCommand.class, SweepCommand.class,
            RenderCommand.class, BenchCommand.class, PhantomCommand.class, LabCommand.class, CohortCommand.class);

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
        return withHandlers(new CommandLine(new DiceLensCommand()), SUBCOMMANDS, viewer);
    }

    /**
     * The command line {@code args} need: when they start with a subcommand's name, the root with that subcommand only
     * (picocli builds the model of every command it is given, ≈ 0.4 CPU-s of a cold start for the nine), otherwise
     * all of them (root help, version, unknown names and their suggestions).
     */
    public static CommandLine commandLineFor(ViewCommand.Launcher viewer, String... args) {
        if (args.length > 0) {
            if ("view".equals(args[0])) {
                return withHandlers(new CommandLine(new DiceLensCommand()), List.of(), viewer);
            }
            for (Class<?> c : SUBCOMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(args[0])) {
                    return withHandlers(new CommandLine(new DiceLensCommand()), List.of(c), null);
                }
            }
        }
        return commandLine(viewer);
    }

    /** Whether {@code word} names a subcommand (without building any command's model). */
    public static boolean isCommandName(String word) {
        return "view".equals(word) || SUBCOMMANDS.stream().anyMatch(c -> c.getAnnotation(Command.class).name().equals(word));
    }

    private static CommandLine withHandlers(CommandLine cl, List<Class<?>> subcommands, ViewCommand.Launcher viewer) {
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        if (viewer != null) {
            cl.addSubcommand("view", new ViewCommand(viewer));
        }
        cl.setExecutionExceptionHandler(new OneLineErrors());
        cl.setParameterExceptionHandler(OneLineErrors::handleParameterException);
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs a command line with the viewer available to {@code view}; only the command that runs is built. */
    public static int run(ViewCommand.Launcher viewer, String... args) {
        try {
            return commandLineFor(viewer, args).execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands Errors on: say it in one line, as the viewer does, instead of a stack trace
            System.err.println("error: not enough memory for this input (" + e.getMessage() + "); start Java with a "
                    + "larger -Xmx (java -Xmx8g -jar dicelens.jar ...)");
            return 1;
        }
    }
}
