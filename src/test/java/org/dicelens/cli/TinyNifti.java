package org.dicelens.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A minimal NIfTI-1 writer for test fixtures, written from nifti1.h independently of the project's codec so the
 * command tests do not rely on the code they exercise: little-endian, single file, sform = diag(spacing) with
 * sform_code 1, float32 or uint8, 3D or 4D (x, y, z, channel), gzipped when the name ends in .gz.
 */
final class TinyNifti {
    static final short UINT8 = 2;
    static final short FLOAT32 = 16;

    private TinyNifti() {
    }

    /** Writes channels of nx*ny*nz values each (one channel: a 3D file). */
    static Path write(Path file, int nx, int ny, int nz, double[] spacing, short datatype, float[]... channels)
            throws IOException {
        int voxels = nx * ny * nz;
        int bytesPer = datatype == UINT8 ? 1 : 4;
        ByteBuffer b = ByteBuffer.allocate(352 + voxels * channels.length * bytesPer).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 348);
        short[] dim = {(short) (channels.length > 1 ? 4 : 3), (short) nx, (short) ny, (short) nz,
            (short) channels.length, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, dim[i]);
        }
        b.putShort(70, datatype);
        b.putShort(72, (short) (bytesPer * 8));
        float[] pixdim = {1, (float) spacing[0], (float) spacing[1], (float) spacing[2], 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putFloat(76 + 4 * i, pixdim[i]);
        }
        b.putFloat(108, 352); // vox_offset
        b.putFloat(112, 1); // scl_slope
        b.put(123, (byte) 10); // xyzt_units: mm + s
        b.putShort(252, (short) 0); // qform_code
        b.putShort(254, (short) 1); // sform_code
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                b.putFloat(280 + 16 * r + 4 * c, c == r ? (float) spacing[r] : 0);
            }
        }
        byte[] magic = "n+1\0".getBytes(StandardCharsets.US_ASCII);
        b.put(344, magic);
        b.position(352);
        for (float[] ch : channels) {
            if (ch.length != voxels) {
                throw new IllegalArgumentException("channel of " + ch.length + " values for " + voxels + " voxels");
            }
            for (float v : ch) {
                if (datatype == UINT8) {
                    b.put((byte) Math.round(v));
                } else {
                    b.putFloat(v);
                }
            }
        }
        try (OutputStream o = file.toString().endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file)) {
            o.write(b.array());
        }
        return file;
    }
}
