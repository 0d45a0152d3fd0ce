package org.dicelens;

import org.dicelens.cli.DiceLensCommand;
import org.dicelens.ui.DiceLensApp;

/**
 * One artefact, two faces: with no arguments (or {@code view ...}) it opens the viewer, otherwise it runs
 * a command. Not a JavaFX Application subclass, so the shaded jar starts with JavaFX on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            DiceLensApp.launchApp(args);
            return;
        }
        System.exit(DiceLensCommand.run(args));
    }
}
