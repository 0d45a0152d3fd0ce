package org.dicelens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "lab", mixinStandardHelpOptions = true, description = "Run the volume-bias experiment headless.")
public final class LabCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("lab: not implemented yet");
        return 1;
    }
}
