package org.dicelens.cli;

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
 * Reads the raters' label maps of {@code evaluate --raters} onto a loaded case: each file must be one 3D label map on
 * the case's grid whose labels are classes of the case; labels become the case's channel indices.
 */
final class RaterInputs {
    private RaterInputs() {
    }

    static RaterReference labelMaps(List<Path> files, Case c, Progress progress) throws InputException {
        if (files.size() > RaterReference.MAX_RATERS) {
            throw new InputException(null, "--raters", "at most " + RaterReference.MAX_RATERS + " raters, not " + files.size());
        }
        List<byte[]> maps = new ArrayList<>();
        for (int k = 0; k < files.size(); k++) {
            progress.checkCancelled();
            progress.update(k / (double) files.size(), "reading rater " + (k + 1) + " of " + files.size());
            maps.add(channels(files.get(k), c));
        }
        return RaterReference.ofLabelMaps(maps, c.classCount());
    }

    private static byte[] channels(Path file, Case c) throws InputException {
        NiftiVolume v = NiftiReader.read(file, Progress.NONE);
        if (v.channels() != 1) {
            throw new InputException(file, "dim", "a rater's label map must be one 3D volume, this file has " + v.channels());
        }
        Geometry g;
        try {
            g = Geometry.fromHeader(v.header());
        } catch (IllegalArgumentException e) {
            throw new InputException(file, "dim", e.getMessage(), e);
        }
        String m = c.geometry().mismatch(g);
        if (m != null) {
            throw new InputException(file, "geometry", "this rater is not on the grid of the case (case vs this file: " + m
                    + "); DiceLens never resamples");
        }
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
