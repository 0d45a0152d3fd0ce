package org.dicelens.app.cases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.volume.Case;
import org.dicelens.volume.CaseLoader;
import org.dicelens.volume.ClassInfo;
import org.dicelens.volume.ClassTable;
import org.dicelens.volume.Geometry;
import org.dicelens.volume.ImageVolume;
import org.dicelens.volume.PredictionKind;
import org.dicelens.volume.formats.DatasetJson;
import org.dicelens.volume.formats.InputFormats;
import org.dicelens.volume.formats.ReadVolume;
import org.dicelens.volume.formats.RegionCases;

/**
 * Cases as an nnU-Net / Decathlon {@code dataset.json} describes them: the one given with the case, else a
 * {@code dataset.json} beside the (first) prediction, as nnU-Net copies it into its output folder. A label model's
 * classes take the file's names (a class table given explicitly wins); a region model ({@code regions_class_order})
 * becomes one binary case per region (reference = the union of the region's labels, prediction = its sigmoid channel),
 * named "case: region", through {@link RegionCases}. Without a dataset.json this is {@link CaseOpener#open}.
 */
public final class DatasetCases {
    public static final String FILE_NAME = "dataset.json";

    private DatasetCases() {
    }

    /** The dataset.json that applies to {@code f}: the named one, else one beside the first prediction, else null. */
    public static Path find(CaseFiles f) {
        if (f.datasetJson() != null) {
            return f.datasetJson();
        }
        if (f.predictions().isEmpty()) {
            return null;
        }
        Path dir = f.predictions().get(0).toAbsolutePath().getParent();
        Path beside = dir == null ? null : dir.resolve(FILE_NAME);
        return beside != null && Files.isRegularFile(beside) ? beside : null;
    }

    /**
     * What {@link #open} gives: the cases, and whether they are a region model's (one per region, each to be judged
     * by its own threshold: the channels are independent sigmoids).
     */
    public record Opened(List<Case> cases, boolean regions) {
    }

    /** The case(s) {@code f} stands for: one case, or one per region of a region model. */
    public static Opened open(CaseFiles f, Progress progress) throws InputException {
        return open(f, progress, CaseLoader.FILES);
    }

    /** As {@link #open(CaseFiles, Progress)}, reading a label model's volumes through {@code reader}. */
    public static Opened open(CaseFiles f, Progress progress, CaseLoader.VolumeReader reader) throws InputException {
        Progress p = progress == null ? Progress.NONE : progress;
        CaseFiles files = f.phantom() == null ? CaseOpener.resolve(f) : f;
        Path json = files.phantom() == null ? find(files) : null;
        if (json == null) {
            return new Opened(List.of(CaseOpener.open(files, p, reader)), false);
        }
        DatasetJson d = DatasetJson.read(json);
        return d.hasRegions() ? new Opened(regions(files, d, p), true)
                : new Opened(List.of(CaseOpener.open(files, p, reader)), false); // the opener names the classes
    }

    /**
     * As {@link #open(CaseFiles, Progress)} while {@code loaded} (read from {@code loadedFiles}) is shown: a label
     * model keeps what is loaded when only the image changes ({@link CaseOpener#open(CaseFiles, CaseFiles, Case,
     * Progress)}); a region model is read again (its cases are built from the files, not from one shown region).
     */
    public static Opened open(CaseFiles f, CaseFiles loadedFiles, Case loaded, Progress progress) throws InputException {
        return open(f, loadedFiles, loaded, progress, CaseLoader.FILES);
    }

    /** As {@link #open(CaseFiles, CaseFiles, Case, Progress)}, reading a label model's volumes through {@code reader}. */
    public static Opened open(CaseFiles f, CaseFiles loadedFiles, Case loaded, Progress progress,
            CaseLoader.VolumeReader reader) throws InputException {
        Progress p = progress == null ? Progress.NONE : progress;
        CaseFiles files = f.phantom() == null ? CaseOpener.resolve(f) : f;
        DatasetJson d = read(files);
        if (d != null && d.hasRegions()) {
            return new Opened(regions(files, d, p), true);
        }
        return new Opened(List.of(CaseOpener.open(files, loadedFiles, loaded, p, reader)), false);
    }

    /** The dataset.json that applies to resolved files, read; null when there is none (or for a phantom). */
    static DatasetJson read(CaseFiles files) throws InputException {
        Path json = files.phantom() == null ? find(files) : null;
        return json == null ? null : DatasetJson.read(json);
    }

    /** The case with each class named as dataset.json names its label value (colours and order kept). */
    static Case named(Case c, ClassTable names) {
        List<ClassInfo> out = new ArrayList<>();
        for (ClassInfo ci : c.classes().all()) {
            int ch = names.channelOf(ci.label());
            out.add(ch < 0 ? ci : new ClassInfo(ci.label(), names.get(ch).name(), ci.argb()));
        }
        return new Case(c.name(), c.geometry(), c.image(), c.referenceClass(), c.prediction(), new ClassTable(out),
                c.warnings(), c.predictionKind());
    }

    private static List<Case> regions(CaseFiles f, DatasetJson d, Progress p) throws InputException {
        if (f.reference() == null) {
            throw new InputException(d.file(), "regions_class_order", "a region model is evaluated against one reference"
                    + " label map (the union of each region's labels); give --reference, not masks");
        }
        if (f.predictionKind() != PredictionKind.AUTO && f.predictionKind() != PredictionKind.PROBABILITIES) {
            throw new InputException(d.file(), "regions_class_order", "region channels are read as sigmoid probabilities"
                    + " (nnU-Net's --save_probabilities); --prediction-kind " + f.predictionKind() + " is not supported"
                    + " for a region model");
        }
        p.update(0, "reading reference " + f.reference().getFileName());
        ReadVolume ref = InputFormats.read(f.reference(), Progress.NONE);
        Geometry g = ref.grid();
        if (g == null || ref.data().channels() != 1) {
            throw new InputException(f.reference(), "dim", "the reference must be one 3D NIfTI label map");
        }
        float[] values = ref.data().channelAsFloat(0);
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = (int) values[i];
            if (labels[i] != values[i]) {
                throw new InputException(f.reference(), "values", "value " + values[i] + " at voxel " + i + " is not a"
                        + " whole-number label");
            }
        }
        List<float[]> channels = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int k = 0; k < f.predictions().size(); k++) {
            Path file = f.predictions().get(k);
            p.update(0.2 + 0.6 * k / f.predictions().size(), "reading prediction " + file.getFileName());
            ReadVolume pv = InputFormats.read(file, Progress.NONE);
            onGrid(f.reference(), g, file, pv);
            for (int c = 0; c < pv.data().channels(); c++) {
                channels.add(pv.data().channelAsFloat(c));
            }
            sources.add(file.toString());
        }
        if (channels.size() != d.regions().size()) {
            throw new InputException(f.predictions().get(0), "channels", channels.size() + " prediction channels, but "
                    + d.file() + " describes " + d.regions().size() + " regions ("
                    + d.regions().stream().map(DatasetJson.Region::name).toList() + "), one sigmoid channel each");
        }
        ImageVolume image = null;
        if (f.image() != null) {
            ReadVolume iv = InputFormats.read(f.image(), Progress.NONE);
            onGrid(f.reference(), g, f.image(), iv);
            image = new ImageVolume(g, iv.data().channelAsFloat(0), f.image());
        }
        p.update(0.9, "building one case per region");
        return RegionCases.perRegion(f.displayName(), g, labels, channels, d.regions(), image, sources);
    }

    private static void onGrid(Path reference, Geometry g, Path file, ReadVolume v) throws InputException {
        if (v.grid() == null) {
            if (v.data().nx() != g.nx() || v.data().ny() != g.ny() || v.data().nz() != g.nz()) {
                throw new InputException(file, "dim", "shape " + v.data().nx() + "x" + v.data().ny() + "x" + v.data().nz()
                        + " is not the shape " + g.nx() + "x" + g.ny() + "x" + g.nz() + " of the reference " + reference);
            }
            return;
        }
        String m = g.mismatch(v.grid());
        if (m != null) {
            throw new InputException(file, "geometry", "not on the grid of the reference " + reference + " (" + m + ")");
        }
    }
}
