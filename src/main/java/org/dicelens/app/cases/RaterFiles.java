package org.dicelens.app.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.common.Progress;
import org.dicelens.metrics.raters.RaterReference;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;

/**
 * Reads several raters, or a soft reference, onto a loaded case ({@code evaluate --raters}, the batch's raters, the
 * viewer's raters). Three forms, told apart by the files: K label maps (labels become the case's channel indices);
 * K raters × the foreground classes of binary masks named like QUBIQ's {@code task01_seg02} ({@link RaterMaskNames});
 * one soft reference q̂ in [0, 1] (a single file with a volume per class, or one foreground volume holding a value
 * strictly between 0 and 1). Every file must lie on the case's grid. Also gives the case whose reference is the raters'
 * majority vote or one rater.
 */
public final class RaterFiles {
    private RaterFiles() {
    }

    /**
     * The raters read onto a case: the reference, and each rater's label map (channel per voxel; for masks, the first
     * foreground class a rater marks, else the background) for choosing one rater. A soft reference has no raters.
     */
    public record Read(RaterReference reference, List<byte[]> labels) {
    }

    /**
     * The case {@code c} with the reference the engine should use: the raters' majority vote (choice 0) or rater
     * {@code choice} (1..K); a soft reference keeps the case's own reference (as {@code evaluate --soft-reference}).
     */
    public static Case withReference(Case c, Read raters, int choice) {
        if (raters.reference().isSoft()) {
            return c;
        }
        int k = Math.max(0, Math.min(choice, raters.labels().size()));
        byte[] reference = k == 0 ? raters.reference().majorityLabels(c.classes().backgroundChannel())
                : raters.labels().get(k - 1);
        return new Case(c.name(), c.geometry(), c.image(), reference, c.prediction(), c.classes(), c.warnings(),
                c.predictionKind());
    }

    /** Reads the raters of {@code f} (at least one file) onto the loaded case {@code c}. */
    public static Read read(CaseFiles f, Case c, Progress progress) throws InputException {
        return read(f.raters(), c, progress);
    }

    /** Reads raters' files in any of the three forms (see the class comment) onto the loaded case {@code c}. */
    public static Read read(List<Path> files, Case c, Progress progress) throws InputException {
        if (files.isEmpty()) {
            throw new InputException(null, "--raters", "no rater files");
        }
        if (files.size() == 1) {
            NiftiVolume v = NiftiReader.read(files.get(0), Progress.NONE);
            if (v.channels() > 1 || hasFraction(v)) {
                return new Read(soft(v, files.get(0), c), List.of());
            }
        }
        if (RaterMaskNames.allMasks(files)) {
            return RaterMasks.read(files, c, progress);
        }
        List<byte[]> maps = labelList(files, c, progress);
        return new Read(RaterReference.ofLabelMaps(maps, c.classCount()), maps);
    }

    /** K label maps only (no masks, no soft reference). */
    public static RaterReference labelMaps(List<Path> files, Case c, Progress progress) throws InputException {
        return RaterReference.ofLabelMaps(labelList(files, c, progress), c.classCount());
    }

    static void checkCount(int k) throws InputException {
        if (k > RaterReference.MAX_RATERS) {
            throw new InputException(null, "--raters", "at most " + RaterReference.MAX_RATERS + " raters, not " + k);
        }
    }

    private static List<byte[]> labelList(List<Path> files, Case c, Progress progress) throws InputException {
        checkCount(files.size());
        List<byte[]> maps = new ArrayList<>();
        for (int k = 0; k < files.size(); k++) {
            progress.checkCancelled();
            progress.update(k / (double) files.size(), "reading rater " + (k + 1) + " of " + files.size());
            maps.add(channels(files.get(k), c));
        }
        return maps;
    }

    private static boolean hasFraction(NiftiVolume v) {
        int n = v.voxelsPerChannel();
        for (int i = 0; i < n; i++) {
            double x = v.get(0, i);
            if (x > 0 && x < 1) {
                return true;
            }
        }
        return false;
    }

    /** A soft reference: one volume per class, or one foreground volume for a two-class case (background 1 − q̂). */
    public static RaterReference soft(Path file, Case c) throws InputException {
        return soft(NiftiReader.read(file, Progress.NONE), file, c);
    }

    private static RaterReference soft(NiftiVolume v, Path file, Case c) throws InputException {
        checkGrid(file, v, c);
        int classes = c.classCount();
        int n = c.voxelCount();
        float[][] given = new float[v.channels()][];
        for (int k = 0; k < given.length; k++) {
            given[k] = v.channelAsFloat(k);
            for (int i = 0; i < n; i++) {
                if (!(given[k][i] >= 0f && given[k][i] <= 1f)) {
                    throw new InputException(file, "volume " + k + " voxel " + i, "a soft reference holds values in [0, 1], "
                            + "not " + given[k][i]);
                }
            }
        }
        float[][] q;
        if (given.length == classes) {
            q = given;
        } else if (given.length == 1 && classes == 2) {
            int fg = c.classes().backgroundChannel() == 1 ? 0 : 1;
            q = new float[2][];
            q[fg] = given[0];
            q[1 - fg] = new float[n];
            for (int i = 0; i < n; i++) {
                q[1 - fg][i] = 1f - given[0][i];
            }
        } else {
            throw new InputException(file, "dim", "the soft reference has " + given.length + " volumes; the case has "
                    + classes + " classes (give one volume per class, or one foreground volume for two classes)");
        }
        return RaterReference.ofSoft(q);
    }

    static void checkGrid(Path file, NiftiVolume v, Case c) throws InputException {
        Geometry g;
        try {
            g = Geometry.fromHeader(v.header());
        } catch (IllegalArgumentException e) {
            throw new InputException(file, "dim", e.getMessage(), e);
        }
        String m = c.geometry().mismatch(g);
        if (m != null) {
            throw new InputException(file, "geometry", "this file is not on the grid of the case (case vs this file: " + m
                    + "); DiceLens never resamples");
        }
    }

    /** One 3D volume on the case's grid (a rater's map or mask). */
    static NiftiVolume oneVolume(Path file, Case c, String what) throws InputException {
        NiftiVolume v = NiftiReader.read(file, Progress.NONE);
        if (v.channels() != 1) {
            throw new InputException(file, "dim", what + " must be one 3D volume, this file has " + v.channels());
        }
        checkGrid(file, v, c);
        return v;
    }

    private static byte[] channels(Path file, Case c) throws InputException {
        NiftiVolume v = oneVolume(file, c, "a rater's label map");
        int n = c.voxelCount();
        byte[] out = new byte[n];
        double lastValue = Double.NaN;
        int lastChannel = -1;
        for (int i = 0; i < n; i++) {
            double value = v.get(0, i);
            if (value != lastValue) { // label maps are mostly runs of one value: look each run up once
                if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                    throw new InputException(file, "voxel " + i, "a label map holds whole numbers, not " + value);
                }
                lastChannel = c.classes().channelOf((int) value);
                lastValue = value;
                if (lastChannel < 0) {
                    throw new InputException(file, "voxel " + i, "label " + (long) value + " is not a class of the case "
                            + "(classes come from the first rater, the prediction and the class table)");
                }
            }
            out[i] = (byte) lastChannel;
        }
        return out;
    }
}
