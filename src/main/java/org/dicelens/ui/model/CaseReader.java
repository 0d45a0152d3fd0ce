package org.dicelens.ui.model;

import java.util.List;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.cases.DatasetCases;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;

/** Reads a case from what the user chose; in the app this is the volume package's loader (or the lab's phantom). */
@FunctionalInterface
public interface CaseReader {
    Case read(CaseFiles files, Progress progress) throws InputException;

    /**
     * Reads a case while {@code shown} is loaded (or null): a reader may keep what {@code shown} already holds (the
     * prediction, when only the image changes). By default reads everything.
     */
    default Case read(CaseFiles files, LoadedCase shown, Progress progress) throws InputException {
        return read(files, progress);
    }

    /**
     * The cases a choice stands for: one, or one per region of a region model (dataset.json with
     * {@code regions_class_order}). By default the one case {@link #read(CaseFiles, LoadedCase, Progress)} gives.
     */
    default DatasetCases.Opened readAll(CaseFiles files, LoadedCase shown, Progress progress) throws InputException {
        return new DatasetCases.Opened(List.of(read(files, shown, progress)), false);
    }

    /** The files a choice stands for (a case folder's files), kept with the loaded case; by default the choice itself. */
    default CaseFiles resolve(CaseFiles files) throws InputException {
        return files;
    }
}
