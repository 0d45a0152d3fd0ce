package org.dicelens.ui;

import org.dicelens.common.InputException;
import org.dicelens.ui.model.AnalysisFactory;
import org.dicelens.ui.model.CaseReader;

/** Connects the view models to the engine: the volume loader or the lab's phantom, and the metrics engine. */
public final class AppWiring {
    private AppWiring() {
    }

    public static CaseReader reader() {
        return (files, progress) -> {
            throw new InputException(files.folder(), null, "the case loader is not in this build yet");
        };
    }

    public static AnalysisFactory factory() {
        return (c, progress) -> {
            throw new InputException(null, null, "the metrics engine is not in this build yet");
        };
    }
}
