package org.dicelens.nifti;

import java.nio.file.Path;

/**
 * A NIfTI image in memory: its header and its voxels, decoded into primitive arrays, one per channel
 * (x fastest: index = x + nx*(y + ny*z)), with scl_slope/scl_inter already applied.
 * Each channel is a {@code float[]} when float is exact for the source (float32 unscaled, or an
 * integer type of at most 16 bits unscaled) and a {@code double[]} otherwise.
 */
public final class NiftiVolume {
    private final NiftiHeader header;
    private final Path source;
    private final Object[] channels;

    /** @param channels one float[] or double[] per channel, each of nx*ny*nz values */
    public NiftiVolume(NiftiHeader header, Path source, Object[] channels) {
        this.header = header;
        this.source = source;
        this.channels = channels;
    }

    public NiftiHeader header() {
        return header;
    }

    /** The file it was read from, or null for a volume built in memory. */
    public Path source() {
        return source;
    }

    public int nx() {
        return header.nx();
    }

    public int ny() {
        return header.ny();
    }

    public int nz() {
        return header.nz();
    }

    public int channels() {
        return channels.length;
    }

    public int voxelsPerChannel() {
        return nx() * ny() * nz();
    }

    /** The scaled value at flat index i of channel c. */
    public double get(int c, int i) {
        Object a = channels[c];
        return a instanceof float[] f ? f[i] : ((double[]) a)[i];
    }

    public double get(int x, int y, int z, int c) {
        return get(c, x + nx() * (y + ny() * z));
    }

    /** The raw channel array (float[] or double[]): no copy, so callers must not modify it. */
    public Object channelArray(int c) {
        return channels[c];
    }

    /** Channel c as float[]: the channel itself when stored as float (no copy), else a converted copy. */
    public float[] channelAsFloat(int c) {
        Object a = channels[c];
        if (a instanceof float[] f) {
            return f;
        }
        double[] d = (double[]) a;
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** Channel c as double[]: the channel itself when stored as double (no copy), else a converted copy. */
    public double[] channelAsDouble(int c) {
        Object a = channels[c];
        if (a instanceof double[] d) {
            return d;
        }
        float[] f = (float[]) a;
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
