package org.dicelens.ui;

import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.ui.model.AnalysisFactory;
import org.dicelens.ui.model.CaseFiles;
import org.dicelens.ui.model.CaseFolder;
import org.dicelens.ui.model.CaseReader;
import org.dicelens.ui.model.EngineAnalysis;
import org.dicelens.volume.Case;
import org.dicelens.volume.CaseLoader;
import org.dicelens.volume.CaseSpec;

/** Connects the view models to the engine: the volume package's loader (or the lab's phantom) and the metrics engine. */
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
            public CaseFiles resolve(CaseFiles files) throws InputException {
                return files.folder() != null && files.reference() == null ? CaseFolder.resolve(files.folder()) : files;
            }
        };
    }

    public static AnalysisFactory factory() {
        return EngineAnalysis.factory();
    }

    static Case read(CaseFiles files, Progress progress) throws InputException {
        if (files.phantom() != null) {
            return Phantoms.generate(files.phantom(), progress);
        }
        CaseFiles f = files.folder() != null && files.reference() == null ? CaseFolder.resolve(files.folder()) : files;
        CaseSpec spec = new CaseSpec(null, f.reference(), List.of(), f.predictions(), f.image(), f.classTable(), null);
        return CaseLoader.load(spec, progress);
    }
}
