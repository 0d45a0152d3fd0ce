package org.dicelens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; each subcommand lives in its own class. */
@Command(name = "dicelens", mixinStandardHelpOptions = true, version = "DiceLens 0.1.0",
        description = "Soft vs hard Dice, volume bias and Generalised Dice weights on NIfTI volumes.",
        subcommands = {InfoCommand.class, EvaluateCommand.class, SweepCommand.class, RenderCommand.class,
            BenchCommand.class, PhantomCommand.class, LabCommand.class, ViewCommand.class, CohortCommand.class})
public final class DiceLensCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DiceLensCommand());
        cl.setExecutionExceptionHandler(new OneLineErrors());
        cl.setParameterExceptionHandler(OneLineErrors::handleParameterException);
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }
}
