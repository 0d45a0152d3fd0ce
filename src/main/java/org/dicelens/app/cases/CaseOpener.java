package org.dicelens.app.cases;

import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.dicelens.volume.CaseLoader;
import org.dicelens.volume.formats.DatasetJson;

/**
 * Opens a {@link CaseFiles} the one way both faces do: a phantom is generated, a folder is resolved into files by
 * their roles, and files are read by the volume loader (through the input-format registry), with the reference masks,
 * prediction kind and name the case carries.
 */
public final class CaseOpener {
    private CaseOpener() {
    }

    /** The files a case stands for: a folder's files by role; otherwise the case itself. */
    public static CaseFiles resolve(CaseFiles f) throws InputException {
        return resolve(f, FolderRoleMemory.NONE);
    }

    /** As {@link #resolve(CaseFiles)}, a folder's files taking the roles the user chose for them ({@code memory}). */
    public static CaseFiles resolve(CaseFiles f, FolderRoleMemory memory) throws InputException {
        if (f.phantom() == null && f.folder() != null && !f.hasFiles()) {
            CaseFiles found = CaseFolder.resolve(f.folder(), memory.roles(f.folder()));
            CaseFiles named = f.name() == null ? found : found.withName(f.name());
            CaseFiles kind = named.withPredictionKind(f.predictionKind()).withRaterChoice(f.raterChoice());
            return f.datasetJson() == null ? kind : kind.withDatasetJson(f.datasetJson());
        }
        return f;
    }

    /**
     * Opens {@code f} while {@code loaded} (read from {@code loadedFiles}) is open: when only the image or the class
     * table's names differ, the loaded reference and prediction are kept and only the image (or table) is read (a
     * 150 MB prediction is not read again; {@link CaseUpdate}).
     */
    public static Case open(CaseFiles f, CaseFiles loadedFiles, Case loaded, Progress progress) throws InputException {
        return open(f, loadedFiles, loaded, progress, CaseLoader.FILES);
    }

    /** As {@link #open(CaseFiles, CaseFiles, Case, Progress)}, reading volumes through {@code reader}. */
    public static Case open(CaseFiles f, CaseFiles loadedFiles, Case loaded, Progress progress,
            CaseLoader.VolumeReader reader) throws InputException {
        Progress p = progress == null ? Progress.NONE : progress;
        Case kept = CaseUpdate.apply(f, loadedFiles, loaded, p, reader);
        return kept != null ? kept : open(f, p, reader);
    }

    /** Reads (or generates) the case; a folder is resolved first. */
    public static Case open(CaseFiles f, Progress progress) throws InputException {
        return open(f, progress, CaseLoader.FILES);
    }

    /** As {@link #open(CaseFiles, Progress)}, reading volumes through {@code reader}. */
    public static Case open(CaseFiles f, Progress progress, CaseLoader.VolumeReader reader) throws InputException {
        Progress p = progress == null ? Progress.NONE : progress;
        if (f.phantom() != null) {
            return Phantoms.generate(f.phantom(), p);
        }
        CaseFiles files = resolve(f);
        if (!files.hasFiles()) {
            throw new InputException(files.folder(), null, "not a complete case: "
                    + (files.hasReference() ? "no prediction" : "no reference") + " named");
        }
        DatasetJson d = DatasetCases.read(files);
        if (d != null && d.hasRegions()) {
            throw new InputException(d.file(), "regions_class_order", "a region model (" + d.regions().size() + " regions)"
                    + " is one case per region: open it with DatasetCases.open (as evaluate, cohort and the viewer do)");
        }
        Case c = CaseLoader.load(files.toSpec(), p, reader);
        return d == null || files.classTable() != null ? c : DatasetCases.named(c, d.classes());
    }
}
