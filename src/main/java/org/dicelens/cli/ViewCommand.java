package org.dicelens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Opens the viewer; kept here so {@code dicelens view} and {@code dicelens} alike reach the UI. */
@Command(name = "view", mixinStandardHelpOptions = true, description = "Open the viewer (the default with no arguments).")
public final class ViewCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        // The cli layer may not import the ui layer; start it reflectively through Main's launcher.
        Class.forName("org.dicelens.ui.DiceLensApp").getMethod("launchApp", String[].class)
                .invoke(null, (Object) new String[0]);
        return 0; // launch() returns when the last window closes
    }
}
