package org.dicelens.volume.formats;

import java.nio.file.Path;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiVolume;
import org.dicelens.volume.Geometry;

/**
 * What a format's reader returns: the voxels (one float[] or double[] per channel, x fastest, in a
 * {@link NiftiVolume} whose header states at least the dims) and the grid when the format carries one. A format with
 * no grid (a NumPy .npz) returns {@code grid == null}: the case loader then takes the grid of a sibling NIfTI or of
 * the reference, after checking that the shapes agree.
 *
 * @param grid the voxel-to-world grid in mm, or null when the file has none
 */
public record ReadVolume(NiftiVolume data, Geometry grid) {
    /** A NIfTI volume with the grid its header means. */
    public static ReadVolume ofNifti(NiftiVolume v) {
        return new ReadVolume(v, Geometry.fromHeader(v.header()));
    }

    /**
     * Voxels without a grid, for readers of grid-less formats: nx*ny*nz values per channel, x fastest.
     *
     * @param channels one float[] or double[] per channel
     */
    public static ReadVolume withoutGrid(Path source, int nx, int ny, int nz, Object[] channels) {
        NiftiHeader h = new NiftiHeader();
        h.dim[0] = channels.length > 1 ? 4 : 3;
        h.dim[1] = nx;
        h.dim[2] = ny;
        h.dim[3] = nz;
        for (int i = 4; i < 8; i++) {
            h.dim[i] = 1;
        }
        h.dim[4] = channels.length;
        return new ReadVolume(new NiftiVolume(h, source, channels), null);
    }

    public boolean hasGrid() {
        return grid != null;
    }
}
