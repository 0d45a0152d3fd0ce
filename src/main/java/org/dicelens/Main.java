package org.dicelens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;
import org.dicelens.cli.DiceLensCommand;
import org.dicelens.ui.DiceLensApp;

/**
 * One artefact, two faces: with no arguments (or {@code view ...}, or a case folder) it opens the viewer, otherwise it
 * runs a command. Main wires the two: the command line's {@code view} reaches the viewer through the launcher given
 * here. Not a JavaFX Application subclass, so the shaded jar starts with JavaFX on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            DiceLensApp.launchApp(args);
            return;
        }
        System.exit(DiceLensCommand.run(new org.dicelens.cli.ViewCommand.Launcher() {
            @Override
            public void launch(org.dicelens.app.cases.CaseFiles c) {
                DiceLensApp.launchCase(c);
            }

            @Override
            public void launchCohort(Path referenceDir, Path predictionDir, Path compareDir, Path labels) {
                DiceLensApp.launchCohort(referenceDir, predictionDir, compareDir, labels);
            }
        }, withView(args)));
    }

    /** {@code dicelens FOLDER} is {@code dicelens view FOLDER} (a command's name always wins over a folder's). */
    static String[] withView(String[] args) {
        if (args.length == 1 && !DiceLensCommand.isCommandName(args[0])
                && !args[0].startsWith("-") && isFolder(args[0])) {
            return new String[] {"view", args[0]};
        }
        return args;
    }

    private static boolean isFolder(String s) {
        try {
            return Files.isDirectory(Path.of(s));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
