package org.dicelens.volume;

import java.nio.file.Path;
import org.dicelens.common.InputException;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiWriter;

/** Headers for writing DiceLens's own volumes on a grid. */
public final class NiftiHeaders {
    private NiftiHeaders() {
    }

    /**
     * A header for one volume (channels = 1: 3D) or a stack of channels (4D, pixdim[4] = 1) on {@code g}, in mm, with
     * sform and qform both set to the grid's affine (code 1) and the description cut to the field's 79 characters.
     */
    public static NiftiHeader of(Geometry g, int channels, String description) {
        NiftiHeader h = new NiftiHeader();
        h.dim[0] = channels == 1 ? 3 : 4;
        h.dim[1] = g.nx();
        h.dim[2] = g.ny();
        h.dim[3] = g.nz();
        for (int i = 4; i < 8; i++) {
            h.dim[i] = 1;
        }
        if (channels != 1) {
            h.dim[4] = channels;
            h.pixdim[4] = 1;
        }
        h.xyzt_units = 2; // mm
        h.setAffine(g.affine(), 1);
        h.descrip = description.length() > 79 ? description.substring(0, 79) : description;
        return h;
    }

    /** Writes channels on {@code g} as float32 (one channel: 3D; more: 4D, one volume per channel), atomically. */
    public static void writeFloat32(Path file, Geometry g, String description, float[]... channels) throws InputException {
        NiftiWriter.write(file, of(g, channels.length, description), NiftiDatatype.FLOAT32, (Object[]) channels);
    }

    /** Writes one 3D volume of whole numbers 0..255 on {@code g} as uint8, atomically. */
    public static void writeUint8(Path file, Geometry g, String description, float[] values) throws InputException {
        NiftiWriter.write(file, of(g, 1, description), NiftiDatatype.UINT8, values);
    }
}
