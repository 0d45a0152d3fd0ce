package org.dicelens.volume;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.volume.formats.InputFormats;
import org.dicelens.volume.formats.ReadVolume;

/**
 * Builds a {@link Case} from a {@link CaseSpec}: reads the files, checks that every grid matches the
 * reference's (never resampling), maps label values to channels ({@link ClassResolver}), and turns the
 * prediction into probabilities ({@link ProbabilityBuilder}). Every problem with the inputs is an
 * InputException naming the file(s), the field and the value; problems that do not stop loading become
 * {@link Case#warnings()}. Runs on the caller's thread: report progress and honour cancellation through
 * {@code progress} (a cancelled load throws java.util.concurrent.CancellationException).
 *
 * <p>Memory: the prediction's float32 channels are used as read (clamped/transformed in place); float64 or
 * scaled data are converted channel by channel, file by file.
 */
public final class CaseLoader {
    /** The reference is one unsigned byte of channel index per voxel. */
    public static final int MAX_CLASSES = 255;
    /** Channel sums further than this from 1 earn a warning. */
    public static final double SUM_TOLERANCE = 1e-3;

    /**
     * Where volumes come from: the input-format registry for files ({@link #FILES}), or volumes built in memory
     * (tests, phantoms). {@code progress} covers this one read (0 to 1) and carries cancellation.
     */
    @FunctionalInterface
    public interface VolumeReader {
        NiftiVolume read(Path file, Progress progress) throws InputException;

        /** The volume and its grid (null for a format with none); by default the grid of the NIfTI header. */
        default ReadVolume readVolume(Path file, Progress progress) throws InputException {
            NiftiVolume v = read(file, progress);
            try {
                return ReadVolume.ofNifti(v);
            } catch (IllegalArgumentException e) {
                throw new InputException(file, "dim", e.getMessage(), e);
            }
        }

        /**
         * A one-channel 8-bit label volume as its stored bytes and grid, or null (the default) when this reader cannot
         * give one: the loader then reads it with {@link #readVolume}. Saves a float per voxel on the usual label map.
         */
        default LabelBytes readLabelBytes(Path file, Progress progress) throws InputException {
            return null;
        }
    }

    /** Files through the input-format registry: each file's format chosen by its content and name. */
    public static final VolumeReader FILES = new VolumeReader() {
        @Override
        public NiftiVolume read(Path file, Progress progress) throws InputException {
            return readVolume(file, progress).data();
        }

        @Override
        public ReadVolume readVolume(Path file, Progress progress) throws InputException {
            try {
                return InputFormats.read(file, progress);
            } catch (IllegalArgumentException e) {
                throw new InputException(file, "dim", e.getMessage(), e);
            }
        }

        @Override
        public LabelBytes readLabelBytes(Path file, Progress progress) throws InputException {
            if (!InputFormats.of(file).name().equals(InputFormats.NIFTI)) {
                return null;
            }
            NiftiReader.ByteVolume b = NiftiReader.readBytes(file, progress);
            if (b == null) {
                return null;
            }
            try {
                return new LabelBytes(b.data(), b.signed(), Geometry.fromHeader(b.header()));
            } catch (IllegalArgumentException e) {
                throw new InputException(file, "dim", e.getMessage(), e);
            }
        }
    };

    private CaseLoader() {
    }

    /** Loads a case from files, each read by its format (the registry); progress moves within each file's read too. */
    public static Case load(CaseSpec spec, Progress progress) throws InputException {
        return load(spec, progress, FILES);
    }

    /** Loads a case, reading each volume through {@code reader}. */
    public static Case load(CaseSpec spec, Progress progress, VolumeReader reader) throws InputException {
        Progress p = progress == null ? Progress.NONE : progress;
        List<String> warnings = new ArrayList<>();
        ClassTable table = null;
        if (spec.classTable() != null) {
            p.update(0, "reading class table " + spec.classTable().getFileName());
            table = ClassTableReader.read(spec.classTable());
        }
        ClassResolver resolver = new ClassResolver();
        resolver.tableFile = spec.classTable();
        Reference ref = spec.referenceIsMasks() ? readMasks(spec, table, reader, p, resolver)
                : readLabelMap(spec.referenceLabelMap(), reader, p);
        resolver.refFile = ref.file;
        resolver.refCodeLabels = ref.codeLabels;
        resolver.refCodeCounts = ref.codeCounts;
        if (!spec.referenceIsMasks()) {
            resolver.table = table;
        }

        Prediction pred = readPrediction(spec, ref, reader, p);
        resolver.kind = pred.kind;
        resolver.givenChannels = pred.given.size();
        resolver.predictionDescription = pred.description.toString();
        resolver.predictionFile = spec.prediction().get(0);
        if (pred.hard != null) {
            resolver.predCodeLabels = pred.hard.values;
            resolver.predCodeCounts = pred.hard.counts;
        }
        ClassResolver.Result res = resolver.resolve();
        p.checkCancelled();
        p.update(0.85, "mapping labels to classes");
        LabelCodes.remapInPlace(ref.codes, res.refCodeToChannel(), ref.codeLabels.length);

        ProbabilityMaps maps;
        if (pred.hard != null) {
            maps = oneHot(ref.geometry, pred.hard, res, pred.sourceNames);
        } else {
            maps = ProbabilityBuilder.build(ref.geometry, pred.given, pred.givenClamped, pred.givenSources, res, pred.kind,
                    pred.sourceNames, warnings, p);
        }
        pred.given.clear();

        ImageVolume image = null;
        if (spec.image() != null) {
            ReadVolume rv = read(reader, spec.image(), p, 0.92, 0.99, "image");
            checkGrid(ref, spec.image(), rv, "image");
            NiftiVolume v = rv.data();
            if (v.channels() > 1) {
                warnings.add(spec.image().getFileName() + ": the image has " + v.channels() + " volumes; showing the first");
            }
            image = new ImageVolume(rv.hasGrid() ? rv.grid() : ref.geometry, v.channelAsFloat(0), spec.image());
        }
        p.update(1, "loaded " + spec.displayName());
        return new Case(spec.displayName(), ref.geometry, image, ref.codes, maps, res.classes(), List.copyOf(warnings),
                pred.kind);
    }

    /**
     * {@code loaded} with the image of {@code spec} instead of its own: only the image is read (and checked against
     * the loaded grid); reference, prediction and classes are kept as they are.
     */
    public static Case withImage(Case loaded, CaseSpec spec, Progress progress) throws InputException {
        return withImage(loaded, spec, progress, FILES);
    }

    /** As {@link #withImage(Case, CaseSpec, Progress)}, reading the image through {@code reader}. */
    public static Case withImage(Case loaded, CaseSpec spec, Progress progress, VolumeReader reader)
            throws InputException {
        Progress p = progress == null ? Progress.NONE : progress;
        Reference ref = new Reference(spec.referenceFile(), loaded.geometry(), loaded.referenceClass(), new int[0],
                new long[0]);
        ReadVolume rv = read(reader, spec.image(), p, 0, 1, "image");
        checkGrid(ref, spec.image(), rv, "image");
        NiftiVolume v = rv.data();
        List<String> warnings = new ArrayList<>(loaded.warnings());
        if (v.channels() > 1) {
            warnings.add(spec.image().getFileName() + ": the image has " + v.channels() + " volumes; showing the first");
        }
        ImageVolume image = new ImageVolume(rv.hasGrid() ? rv.grid() : loaded.geometry(), v.channelAsFloat(0), spec.image());
        return new Case(loaded.name(), loaded.geometry(), image, loaded.referenceClass(), loaded.prediction(),
                loaded.classes(), List.copyOf(warnings), loaded.predictionKind());
    }

    /**
     * Checks a file as a reference label map on its own, as loading would (one 3D volume of whole numbers, at most
     * {@link #MAX_CLASSES} distinct values), so a wrong reference is reported when it is chosen, not after the next file.
     */
    public static void checkLabelMap(Path file, Progress progress) throws InputException {
        readLabelMap(file, FILES, progress == null ? Progress.NONE : progress);
    }

    /** Reads one file as the step [lo, hi] of the whole load: the reader's progress is mapped into that span. */
    private static ReadVolume read(VolumeReader reader, Path file, Progress p, double lo, double hi, String what)
            throws InputException {
        return reader.readVolume(file, reading(p, file, lo, hi, what));
    }

    /** Announces the read of {@code file} and returns the load's progress as that read sees it. */
    private static Progress reading(Progress p, Path file, double lo, double hi, String what) {
        p.checkCancelled();
        String message = "reading " + what + " " + (file.getFileName() == null ? file : file.getFileName());
        p.update(lo, message);
        return span(p, lo, hi, message);
    }

    /** {@code p} seen by one read: the read's 0..1 mapped into [lo, hi] of the whole load. */
    private static Progress span(Progress p, double lo, double hi, String message) {
        return new Progress() {
            @Override
            public void update(double fraction, String m) {
                p.update(lo + (hi - lo) * Math.max(0, Math.min(1, fraction)), message);
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        };
    }

    /** The reference, compacted: codes per voxel, and the label value and voxel count of each code. */
    private record Reference(Path file, Geometry geometry, byte[] codes, int[] codeLabels, long[] codeCounts) {
    }

    private static Reference readLabelMap(Path file, VolumeReader reader, Progress p) throws InputException {
        p.checkCancelled();
        String message = "reading reference " + (file.getFileName() == null ? file : file.getFileName());
        p.update(0, message);
        LabelBytes bytes = reader.readLabelBytes(file, span(p, 0, 0.25, message));
        if (bytes != null) { // the usual uint8 label map: codes computed in place of the stored bytes
            p.checkCancelled();
            LabelCodes lc = LabelCodes.ofBytes(bytes.data(), bytes.signed(), file, "reference label map");
            return new Reference(file, bytes.grid(), lc.codes, lc.values, lc.counts);
        }
        ReadVolume rv = read(reader, file, p, 0, 0.25, "reference");
        NiftiVolume v = rv.data();
        requireGrid(file, rv, "reference");
        if (v.channels() != 1) {
            throw new InputException(file, "dim", "the reference label map has " + v.channels()
                    + " volumes; expected one 3D label map (or give one mask file per class)");
        }
        p.checkCancelled();
        LabelCodes lc = LabelCodes.of(v, 0, file, "reference label map");
        return new Reference(file, rv.grid(), lc.codes, lc.values, lc.counts);
    }

    private static Reference readMasks(CaseSpec spec, ClassTable table, VolumeReader reader, Progress p,
            ClassResolver resolver) throws InputException {
        List<Path> masks = spec.referenceMasks();
        ClassTable classes = ClassResolver.forMasks(masks, table, spec.classTable());
        resolver.table = classes;
        resolver.fixedClasses = true;
        int bg = classes.backgroundChannel();
        int[] codeLabels = new int[masks.size() + 1];
        for (int c = 0, j = 1; c < classes.size(); c++) {
            if (c != bg) {
                codeLabels[j++] = classes.get(c).label();
            }
        }
        Reference first = null;
        byte[] codes = null;
        long[] counts = new long[masks.size() + 1];
        for (int j = 0; j < masks.size(); j++) {
            Path file = masks.get(j);
            ReadVolume rv = read(reader, file, p, 0.25 * j / masks.size(), 0.25 * (j + 1) / masks.size(), "reference mask");
            NiftiVolume v = rv.data();
            if (first == null) {
                requireGrid(file, rv, "reference mask");
                codes = new byte[v.voxelsPerChannel()];
                first = new Reference(file, rv.grid(), codes, codeLabels, counts);
            } else {
                checkGrid(first, file, rv, "mask");
            }
            if (v.channels() != 1) {
                throw new InputException(file, "dim", "the mask has " + v.channels() + " volumes; expected one 3D binary mask");
            }
            LabelCodes lc = LabelCodes.of(v, 0, file, "mask");
            int inside = insideCode(lc, file);
            long overlap = 0;
            int firstOther = -1;
            for (int i = 0; i < codes.length; i++) {
                if (lc.codes[i] == inside) {
                    if (codes[i] != 0) {
                        overlap++;
                        firstOther = firstOther < 0 ? codes[i] - 1 : firstOther;
                    } else {
                        codes[i] = (byte) (j + 1);
                        counts[j + 1]++;
                    }
                }
            }
            if (overlap > 0) {
                throw new InputException(file, "mask", overlap + " voxel" + (overlap == 1 ? " is" : "s are")
                        + " also in the mask " + masks.get(firstOther) + ": classes must not overlap (one label per voxel)");
            }
        }
        long inMasks = 0;
        for (int j = 1; j < counts.length; j++) {
            inMasks += counts[j];
        }
        counts[0] = codes.length - inMasks;
        return first;
    }

    /** The code of a mask's non-zero value (-1 for an empty mask); more than one non-zero value is not a mask. */
    private static int insideCode(LabelCodes lc, Path file) throws InputException {
        int inside = -1;
        for (int k = 0; k < lc.values.length; k++) {
            if (lc.values[k] != 0) {
                if (inside >= 0) {
                    throw new InputException(file, "value", "a binary mask holds 0 and one other value, this one holds "
                            + LabelCodes.list(lc.values) + " (a label map? give it as the reference label map)");
                }
                inside = k;
            }
        }
        return inside;
    }

    /** The prediction's channels as read, or its label codes for a hard label map. */
    private static final class Prediction {
        PredictionKind kind;
        final List<float[]> given = new ArrayList<>();
        /** Per given channel: what its clamp found when it was clamped as it was read (probabilities), else null. */
        final List<ProbabilityBuilder.Clamped> givenClamped = new ArrayList<>();
        final List<Path> givenSources = new ArrayList<>();
        final List<String> sourceNames = new ArrayList<>();
        final StringBuilder description = new StringBuilder();
        LabelCodes hard;
    }

    private static Prediction readPrediction(CaseSpec spec, Reference ref, VolumeReader reader, Progress p)
            throws InputException {
        Prediction pred = new Prediction();
        pred.kind = spec.predictionKind();
        List<Path> files = spec.prediction();
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            // probabilities whatever this file holds: given as such, or several files (a hard label map is one)
            boolean probabilities = pred.kind == PredictionKind.PROBABILITIES
                    || pred.kind == PredictionKind.AUTO && files.size() > 1;
            ChannelChecks checks = new ChannelChecks(reading(p, file, 0.3 + 0.5 * f / files.size(),
                    0.3 + 0.5 * (f + 1) / files.size(), "prediction"), probabilities, pred.kind == PredictionKind.AUTO);
            ReadVolume rv = reader.readVolume(file, checks);
            checkGrid(ref, file, rv, "prediction");
            NiftiVolume v = rv.data();
            ValueScan scan = ValueScan.empty(v.channels() == 1);
            ProbabilityBuilder.Clamped[] clamped = new ProbabilityBuilder.Clamped[v.channels()];
            for (int c = 0; c < v.channels(); c++) {
                ChannelChecks.Checked k = checks.checked(v, c);
                scan.add(c, k.scan());
                clamped[c] = k.clamped();
            }
            if (scan.nonFinite > 0) {
                throw new InputException(file, "values", scan.nonFinite + " NaN or infinite value"
                        + (scan.nonFinite == 1 ? "" : "s") + " (the first at voxel " + LabelCodes.voxel(v, scan.firstNonFinite)
                        + (v.channels() > 1 ? " of channel " + scan.firstNonFiniteChannel : "")
                        + "): predictions must be finite numbers");
            }
            if (pred.kind == PredictionKind.AUTO) {
                boolean looksHard = files.size() == 1 && v.channels() == 1 && scan.allIntegers && (scan.max > 1 || scan.min < 0);
                pred.kind = looksHard ? PredictionKind.HARD_LABELS : PredictionKind.PROBABILITIES;
            }
            if (pred.description.length() > 0) {
                pred.description.append(", ");
            }
            pred.description.append(file.getFileName()).append(": ").append(v.channels()).append(v.channels() == 1 ? " channel"
                    : " channels");
            pred.sourceNames.add(file.toString());
            if (pred.kind == PredictionKind.HARD_LABELS) {
                if (files.size() != 1 || v.channels() != 1) {
                    throw new InputException(file, "channels", "a hard label prediction is one 3D label map; got "
                            + files.size() + " file(s) (" + pred.description + ")");
                }
                pred.hard = LabelCodes.of(v, 0, file, "prediction label map");
            } else {
                for (int c = 0; c < v.channels(); c++) {
                    pred.given.add(v.channelAsFloat(c));
                    pred.givenClamped.add(clamped[c]);
                    pred.givenSources.add(file);
                }
            }
        }
        return pred;
    }

    private static ProbabilityMaps oneHot(Geometry g, LabelCodes hard, ClassResolver.Result res, List<String> sources) {
        int n = g.voxelCount();
        float[][] ch = new float[res.classes().size()][n];
        LabelCodes.remapInPlace(hard.codes, res.predCodeToChannel(), hard.values.length);
        for (int i = 0; i < n; i++) {
            ch[hard.codes[i] & 0xFF][i] = 1f;
        }
        return new ProbabilityMaps(g, ch, 0, List.copyOf(sources));
    }

    /** The reference fixes the grid of the case, so it must carry one. */
    private static void requireGrid(Path file, ReadVolume rv, String what) throws InputException {
        if (!rv.hasGrid()) {
            throw new InputException(file, "grid", "the " + what + " has no voxel-to-world grid of its own ("
                    + InputFormats.of(file).name() + "); give the reference as a NIfTI file");
        }
    }

    /**
     * Another file must lie on the reference's grid; a file of a format without a grid (a .npz) takes the reference's
     * grid when its shape is the reference's.
     */
    private static void checkGrid(Reference ref, Path file, ReadVolume rv, String what) throws InputException {
        Geometry g = rv.grid();
        if (g == null) {
            NiftiVolume v = rv.data();
            Geometry r = ref.geometry;
            if (v.nx() != r.nx() || v.ny() != r.ny() || v.nz() != r.nz()) {
                throw new InputException(file, "dim", "the " + what + " has no grid of its own and its shape " + v.nx() + "x"
                        + v.ny() + "x" + v.nz() + " is not the shape " + r.nx() + "x" + r.ny() + "x" + r.nz()
                        + " of the reference " + ref.file);
            }
            return;
        }
        String m = ref.geometry.mismatch(g);
        String channelFirst = m != null && "prediction".equals(what) ? ChannelFirst.hint(ref.geometry, rv.data().header()) : null;
        if (channelFirst != null) {
            throw new InputException(file, "dim", "the prediction's dims " + ChannelFirst.dims(rv.data().header()) + " do not"
                    + " fit the reference " + ref.file + " (" + ref.geometry.nx() + ", " + ref.geometry.ny() + ", "
                    + ref.geometry.nz() + "): " + channelFirst);
        }
        if (m != null) {
            throw new InputException(file, "geometry", "the " + what + " is not on the grid of the reference " + ref.file
                    + " (reference vs this file: " + m + "); DiceLens never resamples: resample one onto the other's grid first");
        }
    }
}
