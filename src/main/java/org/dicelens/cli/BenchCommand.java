package org.dicelens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark loading, statistics and recompute.")
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("bench: not implemented yet");
        return 1;
    }
}
