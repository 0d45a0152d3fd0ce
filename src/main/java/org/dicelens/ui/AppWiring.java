package org.dicelens.ui;

import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.CaseOpener;
import org.dicelens.app.cases.DatasetCases;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.ui.model.AnalysisFactory;
import org.dicelens.ui.model.CaseReader;
import org.dicelens.ui.model.EngineAnalysis;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.volume.Case;

/**
 * Connects the view models to the engine: cases open through the application layer's {@link CaseOpener} (the same
 * path as the command line's), statistics come from the metrics engine.
 */
public final class AppWiring {
    private AppWiring() {
    }

    public static CaseReader reader() {
        return new CaseReader() {
            @Override
            public Case read(CaseFiles files, Progress progress) throws InputException {
                return AppWiring.read(files, progress);
            }

            @Override
            public Case read(CaseFiles files, LoadedCase shown, Progress progress) throws InputException {
                return shown == null ? AppWiring.read(files, progress)
                        : CaseOpener.open(files, shown.files(), shown.data(), progress);
            }

            @Override
            public DatasetCases.Opened readAll(CaseFiles files, LoadedCase shown, Progress progress)
                    throws InputException {
                return shown == null ? DatasetCases.open(files, progress)
                        : DatasetCases.open(files, shown.files(), shown.data(), progress);
            }

            @Override
            public CaseFiles resolve(CaseFiles files) throws InputException {
                return CaseOpener.resolve(files);
            }
        };
    }

    public static AnalysisFactory factory() {
        return EngineAnalysis.factory();
    }

    static Case read(CaseFiles files, Progress progress) throws InputException {
        return CaseOpener.open(files, progress);
    }
}
