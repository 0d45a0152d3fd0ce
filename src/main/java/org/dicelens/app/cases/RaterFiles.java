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
 * Reads several raters' label maps ({@code evaluate --raters}, the viewer's raters) onto a loaded case: each file must
 * be one 3D label map on the case's grid whose labels are classes of the case; labels become the case's channel
 * indices. Also reads a soft reference, and gives the case whose reference is the raters' majority vote or one rater.
 */
public final class RaterFiles {
    private RaterFiles() {
    }

    /**
     * The case {@code c} with the reference the engine should use: the raters' majority vote (choice 0) or rater
     * {@code choice} (1..K).
     */
    public static Case withReference(Case c, RaterReference ref, byte[] raterLabels, int choice) {
        byte[] reference = choice == 0 ? ref.majorityLabels(c.classes().backgroundChannel()) : raterLabels;
        return new Case(c.name(), c.geometry(), c.image(), reference, c.prediction(), c.classes(), c.warnings(),
                c.predictionKind());
    }

    /** The raters of {@code f} read onto {@code c}, with each rater's channel map (for choosing one rater). */
    public record Read(RaterReference reference, java.util.List<byte[]> labels) {
    }

    /** Reads the raters' label maps of {@code f} (at least one) onto the loaded case {@code c}. */
    public static Read read(CaseFiles f, Case c, Progress progress) throws InputException {
        List<byte[]> maps = labelList(f.raters(), c, progress);
        return new Read(RaterReference.ofLabelMaps(maps, c.classCount()), maps);
    }

    public static RaterReference labelMaps(List<Path> files, Case c, Progress progress) throws InputException {
        return RaterReference.ofLabelMaps(labelList(files, c, progress), c.classCount());
    }

    private static List<byte[]> labelList(List<Path> files, Case c, Progress progress) throws InputException {
        if (files.size() > RaterReference.MAX_RATERS) {
            throw new InputException(null, "--raters", "at most " + RaterReference.MAX_RATERS + " raters, not " + files.size());
        }
        List<byte[]> maps = new ArrayList<>();
        for (int k = 0; k < files.size(); k++) {
            progress.checkCancelled();
            progress.update(k / (double) files.size(), "reading rater " + (k + 1) + " of " + files.size());
            maps.add(channels(files.get(k), c));
        }
        return maps;
    }

    /** A soft reference: one volume per class, or one foreground volume for a two-class case (background 1 − q̂). */
    public static RaterReference soft(Path file, Case c) throws InputException {
        NiftiVolume v = NiftiReader.read(file, Progress.NONE);
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

    private static void checkGrid(Path file, NiftiVolume v, Case c) throws InputException {
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

    private static byte[] channels(Path file, Case c) throws InputException {
        NiftiVolume v = NiftiReader.read(file, Progress.NONE);
        if (v.channels() != 1) {
            throw new InputException(file, "dim", "a rater's label map must be one 3D volume, this file has " + v.channels());
        }
        checkGrid(file, v, c);
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
