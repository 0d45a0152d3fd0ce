package org.dicelens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "info", mixinStandardHelpOptions = true, description = "Print a NIfTI file's header facts and value statistics.")
public final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("info: not implemented yet");
        return 1;
    }
}
