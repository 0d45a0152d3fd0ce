package org.dicelens.app.cases;

import java.nio.file.Path;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiReader;
import org.dicelens.npz.NpzReader;
import org.dicelens.volume.formats.InputFormats;
import org.dicelens.volume.formats.VolumeShape;

/**
 * The peak heap one batch case needs while it is read and reduced to its statistics, estimated from its files'
 * headers alone (no voxel read): the decoded arrays (the prediction's channels as float32, one more when the
 * background is derived, the reference as one byte per voxel, or a float per voxel first when it is not 8-bit) times
 * {@link #WORKING_SET_PERCENT} %, the engine's and the reader's working set on top of the arrays. The cohort loaders admit cases
 * against the heap with it ({@link org.dicelens.app.tasks.MemoryGate}).
 */
public final class CaseMemory {
    /**
     * Peak heap over decoded bytes, measured as the smallest -Xmx at which one 240×240×155 × 5-class case loads (cohort
     * and the viewer's loader: 1.03–1.06 after the JVM's own heap), rounded up for the search's 6 MB step and for G1's
     * need of contiguous regions for each channel.
     */
    public static final int WORKING_SET_PERCENT = 110;
    /** Not estimable from headers (a label-map prediction's class count, a format with no header shape). */
    public static final long UNKNOWN = Long.MAX_VALUE;

    private CaseMemory() {
    }

    /** The estimate for a pair; {@link #UNKNOWN} when its headers do not tell (or cannot be read: the case fails). */
    public static long estimate(BatchPairing.Pair p) {
        if (p.error() != null || p.reference() == null || p.predictions().isEmpty()) {
            return 0; // fails at once, reading nothing
        }
        return estimate(p.reference(), p.predictions());
    }

    /** The estimate for a reference label map and its prediction file(s); {@link #UNKNOWN} when headers do not tell. */
    public static long estimate(Path reference, List<Path> predictions) {
        try {
            VolumeShape ref = InputFormats.shape(reference);
            if (ref == null) {
                return UNKNOWN;
            }
            long voxels = (long) ref.nx() * ref.ny() * ref.nz();
            long bytes = voxels * (oneByte(reference) ? 1 : Float.BYTES + 1);
            long channels = 0;
            for (Path p : predictions) {
                long c = predictionChannels(p);
                if (c <= 0) {
                    return UNKNOWN;
                }
                channels += c;
                bytes += voxels * c * (isFloat64(p) ? Double.BYTES : 0); // read as double, then turned into float
            }
            bytes += voxels * (channels == 1 ? 2 : channels) * Float.BYTES; // one channel: the background is derived
            return (bytes * WORKING_SET_PERCENT + 99) / 100;
        } catch (InputException | RuntimeException e) {
            return UNKNOWN; // the case reports its own problem when it is read
        }
    }

    /** Float channels a prediction file decodes to, or 0 when its header cannot tell (a label map: classes unknown). */
    private static long predictionChannels(Path p) throws InputException {
        if (InputFormats.of(p).name().equals(InputFormats.NPZ)) {
            List<String> keys = NpzReader.keys(p);
            String key = keys.contains("probabilities") ? "probabilities" : keys.contains("softmax") ? "softmax" : null;
            long[] s = key == null ? null : NpzReader.shape(p, key);
            return s == null || s.length != 4 ? 0 : s[0];
        }
        VolumeShape s = InputFormats.shape(p);
        if (s == null) {
            return 0;
        }
        NiftiHeader h = NiftiReader.readHeader(p);
        NiftiDatatype t = NiftiDatatype.of(h.datatype);
        boolean real = t == NiftiDatatype.FLOAT32 || t == NiftiDatatype.FLOAT64 || h.hasScaling();
        // one integer channel is a label map, one-hot encoded into as many channels as the case has classes
        return s.channels() == 1 && !real ? 0 : s.channels();
    }

    private static boolean oneByte(Path reference) throws InputException {
        if (!InputFormats.of(reference).name().equals(InputFormats.NIFTI)) {
            return false;
        }
        NiftiHeader h = NiftiReader.readHeader(reference);
        NiftiDatatype t = NiftiDatatype.of(h.datatype);
        return (t == NiftiDatatype.UINT8 || t == NiftiDatatype.INT8) && !h.hasScaling() && h.channels() == 1;
    }

    private static boolean isFloat64(Path p) throws InputException {
        return InputFormats.of(p).name().equals(InputFormats.NIFTI)
                && NiftiDatatype.of(NiftiReader.readHeader(p).datatype) == NiftiDatatype.FLOAT64;
    }
}
