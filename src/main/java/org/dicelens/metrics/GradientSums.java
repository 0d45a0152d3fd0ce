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
            double[] acc = new double[5]; // n, I, P, R, P2
            for (int y = 0; y < ny; y++) {
                int row = nx * (y + ny * z);
                if (region.isBox()) {
                    int to = region.rowTo(y, z, nx);
                    for (int i = row + region.rowFrom(y, z); i < row + to; i++) {
                        add(acc, p[i], (ref[i] & 0xFF) == channel);
                    }
                } else {
                    for (int i = row; i < row + nx; i++) {
                        if (region.test(i, nx, ny)) {
                            add(acc, p[i], (ref[i] & 0xFF) == channel);
                        }
                    }
                }
            }
            part[z] = acc;
        });
        double[] t = new double[5];
        for (double[] s : part) {
            for (int j = 0; j < 5; j++) {
                t[j] += s[j];
            }
        }
        return new ClassSums(t[0], t[1], t[2], t[3], t[4], t[3]);
    }

    private static void add(double[] acc, float pf, boolean ref) {
        double q = pf;
        acc[0]++;
        acc[2] += q;
        acc[4] += q * q;
        if (ref) {
            acc[1] += q;
            acc[3]++;
        }
    }
}
