package org.dicelens.volume.formats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.dicelens.common.InputException;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiReader;

/** NIfTI-1 and NIfTI-2: .nii, .nii.gz, .hdr/.img pairs (either gzipped), read by the nifti package. */
final class NiftiFormat {
    static final InputFormat FORMAT = new InputFormat(InputFormats.NIFTI, List.of(".nii.gz", ".nii", ".hdr.gz", ".hdr"),
            List.of(".img.gz", ".img"), NiftiFormat::magic, (file, progress) -> ReadVolume.ofNifti(NiftiReader.read(file,
                    progress)), NiftiFormat::shape);

    private NiftiFormat() {
    }

    /** sizeof_hdr 348 (NIfTI-1) or 540 (NIfTI-2) in either byte order, or a gzip stream (checked against the name). */
    static boolean magic(byte[] b) {
        if (InputFormats.isGzip(b)) {
            return true;
        }
        if (b.length < 4) {
            return false;
        }
        for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            int size = ByteBuffer.wrap(b, 0, 4).order(o).getInt();
            if (size == 348 || size == 540) {
                return true;
            }
        }
        return false;
    }

    static VolumeShape shape(Path file) throws InputException {
        NiftiHeader h = NiftiReader.readHeader(file);
        return new VolumeShape(h.nx(), h.ny(), h.nz(), h.channels());
    }
}
