package org.dicelens.metrics;

import java.util.stream.IntStream;
import org.dicelens.volume.Case;
import org.dicelens.volume.Geometry;

/** The plain pass behind {@link GradientMaps#sums}: one channel's {@link ClassSums} inside a region. */
final class GradientSums {
    private GradientSums() {
    }

    /** Per z plane in parallel, then summed in plane order: the result does not depend on the thread count. */
    static ClassSums of(Case c, int channel, GradientRegion region) {
        if (channel < 0 || channel >= c.prediction().channelCount()) {
            throw new IllegalArgumentException("channel " + channel + " outside 0.." + (c.prediction().channelCount() - 1));
        }
        Geometry g = c.geometry();
        float[] p = c.prediction().channels()[channel];
        byte[] ref = c.referenceClass();
        int nx = g.nx();
        int ny = g.ny();
        double[][] part = new double[g.nz()][];
        IntStream.range(0, g.nz()).parallel().forEach(z -> {
            // locals, not an array, so the accumulators stay in registers
            double n = 0, i = 0, sp = 0, r = 0, p2 = 0;
            for (int y = 0; y < ny; y++) {
                int row = nx * (y + ny * z);
                int from = region.isBox() ? row + region.rowFrom(y, z) : row;
                int to = region.isBox() ? row + region.rowTo(y, z, nx) : row + nx;
                boolean test = !region.isBox();
                for (int v = from; v < to; v++) {
                    if (test && !region.test(v, nx, ny)) {
                        continue;
                    }
                    double q = p[v];
                    n++;
                    sp += q;
                    p2 += q * q;
                    if ((ref[v] & 0xFF) == channel) {
                        i += q;
                        r++;
                    }
                }
            }
            part[z] = new double[] {n, i, sp, r, p2};
        });
        double[] t = new double[5];
        for (double[] s : part) {
            for (int j = 0; j < 5; j++) {
                t[j] += s[j];
            }
        }
        return new ClassSums(t[0], t[1], t[2], t[3], t[4], t[3]);
    }
}
