package org.dicelens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "render", mixinStandardHelpOptions = true, description = "Render a slice with overlays to PNG.")
public final class RenderCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("render: not implemented yet");
        return 1;
    }
}
