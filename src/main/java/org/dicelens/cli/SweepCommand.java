package org.dicelens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "sweep", mixinStandardHelpOptions = true, description = "Sweep the threshold and write a CSV.")
public final class SweepCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("sweep: not implemented yet");
        return 1;
    }
}
