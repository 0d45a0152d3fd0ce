package org.dicelens.ui;

import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.CaseOpener;
import org.dicelens.app.cases.DatasetCases;
import org.dicelens.app.cases.FolderRoleMemory;
import org.dicelens.volume.CaseLoader;
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

    /** The app's reader: files through the input-format registry, folders with the roles the user chose. */
    public static CaseReader reader() {
        return reader(FolderRoleMemory.forUser(), CaseLoader.FILES);
    }

    /**
     * A reader whose folders take the roles remembered in {@code memory} and whose volumes are read through
     * {@code volumes} (tests count the reads).
     */
    public static CaseReader reader(FolderRoleMemory memory, CaseLoader.VolumeReader volumes) {
        return new CaseReader() {
            @Override
            public Case read(CaseFiles files, Progress progress) throws InputException {
                return CaseOpener.open(files, progress, volumes);
            }

            @Override
            public Case read(CaseFiles files, LoadedCase shown, Progress progress) throws InputException {
                return shown == null ? CaseOpener.open(files, progress, volumes)
                        : CaseOpener.open(files, shown.files(), shown.data(), progress, volumes);
            }

            @Override
            public DatasetCases.Opened readAll(CaseFiles files, LoadedCase shown, Progress progress)
                    throws InputException {
                return shown == null ? DatasetCases.open(files, progress, volumes)
                        : DatasetCases.open(files, shown.files(), shown.data(), progress, volumes);
            }

            @Override
            public CaseFiles resolve(CaseFiles files) throws InputException {
                return CaseOpener.resolve(files, memory);
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
