package org.dicelens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "phantom", mixinStandardHelpOptions = true, description = "Write a phantom case with known uncertainty.")
public final class PhantomCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("phantom: not implemented yet");
        return 1;
    }
}
