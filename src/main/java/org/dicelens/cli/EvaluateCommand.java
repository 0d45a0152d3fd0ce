package org.dicelens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate predictions against a reference.")
public final class EvaluateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("evaluate: not implemented yet");
        return 1;
    }
}
