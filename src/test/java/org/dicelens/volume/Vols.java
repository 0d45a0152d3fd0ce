package org.dicelens.volume;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.dicelens.common.InputException;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiVolume;

/** In-memory NIfTI volumes for loader tests, and a reader that serves them by path. */
final class Vols {
    private Vols() {
    }

    static NiftiHeader header(Geometry g, int channels) {
        NiftiHeader h = new NiftiHeader();
        h.dim = new long[] {channels > 1 ? 4 : 3, g.nx(), g.ny(), g.nz(), channels, 1, 1, 1};
        double[] a = g.affine();
        h.sform_code = 1;
        h.srow_x = new double[] {a[0], a[1], a[2], a[3]};
        h.srow_y = new double[] {a[4], a[5], a[6], a[7]};
        h.srow_z = new double[] {a[8], a[9], a[10], a[11]};
        h.pixdim = new double[] {1, 1, 1, 1, 1, 0, 0, 0};
        h.xyzt_units = 2;
        h.datatype = 16;
        h.bitpix = 32;
        return h;
    }

    /** A volume of float32 channels (float[]) or float64 / scaled channels (double[]). */
    static NiftiVolume vol(Path file, Geometry g, Object... channels) {
        return new NiftiVolume(header(g, channels.length), file, channels);
    }

    /** A float[] of the given values. */
    static float[] f(double... v) {
        float[] a = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = (float) v[i];
        }
        return a;
    }

    /** Serves volumes by path; an unknown path is "file not found" as the real reader would say. */
    static class MapReader implements CaseLoader.VolumeReader {
        final Map<Path, NiftiVolume> volumes = new HashMap<>();
        int reads;

        MapReader put(NiftiVolume v) {
            volumes.put(v.source(), v);
            return this;
        }

        @Override
        public NiftiVolume read(Path file, org.dicelens.common.Progress progress) throws InputException {
            reads++;
            NiftiVolume v = volumes.get(file);
            if (v == null) {
                throw new InputException(file, null, "file not found");
            }
            return v;
        }
    }
}
