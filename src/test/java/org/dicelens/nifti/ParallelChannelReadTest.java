package org.dicelens.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.dicelens.common.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain multi-channel .nii is read one channel per task; a gzipped one in one stream. Both must give the values
 * written, channel by channel, spanning several read steps per channel.
 */
class ParallelChannelReadTest {
    @TempDir
    Path dir;

    @Test
    void channelsReadInParallelAreTheValuesWritten() throws Exception {
        int nx = 300;
        int ny = 40;
        int nz = 30; // 360,000 voxels: two read steps of float32 per channel
        for (NiftiDatatype t : new NiftiDatatype[] {NiftiDatatype.FLOAT32, NiftiDatatype.INT16, NiftiDatatype.UINT8}) {
            Object[] ch = new Object[5];
            for (int c = 0; c < ch.length; c++) {
                ch[c] = NiftiWriterTest.values(t, nx * ny * nz, c);
            }
            for (String name : new String[] {"v.nii", "v.nii.gz"}) {
                Path p = dir.resolve(t + name);
                NiftiWriter.write(p, NiftiWriterTest.header(nx, ny, nz), t, ch);
                double[] last = {0};
                NiftiVolume v = NiftiReader.read(p, new Progress() {
                    @Override
                    public void update(double fraction, String message) {
                        assertTrue(fraction >= last[0] && fraction <= 1, fraction + " after " + last[0]);
                        last[0] = fraction;
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });
                assertEquals(ch.length, v.channels());
                for (int c = 0; c < ch.length; c++) {
                    assertArrayEquals((float[]) ch[c], v.channelAsFloat(c), t + " " + name + " channel " + c);
                }
            }
        }
    }

    @Test
    void cancelledAndTruncatedReadsFailAsBefore() throws Exception {
        Object[] ch = {NiftiWriterTest.values(NiftiDatatype.FLOAT32, 1000, 0), NiftiWriterTest.values(NiftiDatatype.FLOAT32,
                1000, 1)};
        Path p = dir.resolve("two.nii");
        NiftiWriter.write(p, NiftiWriterTest.header(10, 10, 10), NiftiDatatype.FLOAT32, ch);
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> NiftiReader.read(p, cancelled));
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(f.length() - 4);
        }
        NiftiException e = assertThrows(NiftiException.class, () -> NiftiReader.read(p));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}
