package org.dicelens.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicelens.common.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A progress that is also a {@link ChannelListener} is told of each channel of a gzip file once it is complete. */
class ChannelListenerTest {
    @TempDir
    Path dir;

    /** Records each call, with a copy of the values as they were at the call. */
    static final class Recorder implements Progress, ChannelListener {
        final List<int[]> calls = new ArrayList<>();
        final List<Object> arrays = new ArrayList<>();
        final List<float[]> copies = new ArrayList<>();

        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void channelRead(int channel, int channels, Object values) {
            calls.add(new int[] {channel, channels});
            arrays.add(values);
            copies.add(((float[]) values).clone());
        }
    }

    @Test
    void eachChannelOfAGzipFileIsReportedCompleteInOrder() throws Exception {
        int nx = 300;
        int ny = 40;
        int nz = 30; // 360,000 voxels: a channel spans two read steps, and a step ends inside a channel
        Object[] ch = new Object[4];
        for (int c = 0; c < ch.length; c++) {
            ch[c] = NiftiWriterTest.values(NiftiDatatype.FLOAT32, nx * ny * nz, c);
        }
        Path p = dir.resolve("v.nii.gz");
        NiftiWriter.write(p, NiftiWriterTest.header(nx, ny, nz), NiftiDatatype.FLOAT32, ch);
        Recorder r = new Recorder();
        NiftiVolume v = NiftiReader.read(p, r);
        assertEquals(ch.length, r.calls.size());
        for (int c = 0; c < ch.length; c++) {
            assertArrayEquals(new int[] {c, ch.length}, r.calls.get(c));
            assertSame(v.channelArray(c), r.arrays.get(c));
            // complete when reported: nothing written after the call
            assertArrayEquals((float[]) ch[c], r.copies.get(c), "channel " + c);
        }
    }

    @Test
    void aPlainFileReadInParallelReportsNoChannels() throws Exception {
        Object[] ch = {NiftiWriterTest.values(NiftiDatatype.FLOAT32, 1000, 0),
            NiftiWriterTest.values(NiftiDatatype.FLOAT32, 1000, 1)};
        Path p = dir.resolve("v.nii");
        NiftiWriter.write(p, NiftiWriterTest.header(10, 10, 10), NiftiDatatype.FLOAT32, ch);
        Recorder r = new Recorder();
        NiftiVolume v = NiftiReader.read(p, r);
        assertEquals(0, r.calls.size());
        assertArrayEquals((float[]) ch[1], v.channelAsFloat(1));
    }
}
