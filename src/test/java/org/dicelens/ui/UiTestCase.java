package org.dicelens.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.dicelens.nifti.NiftiDatatype;
import org.dicelens.nifti.NiftiHeader;
import org.dicelens.nifti.NiftiWriter;
import org.dicelens.app.cases.CaseFiles;

/**
 * A small three-class case (background 0, labels 1 and 2) written as NIfTI files, and brute-force per-voxel
 * computations of the numbers the tests expect (independent of the engine: plain loops over the voxels).
 */
public final class UiTestCase {
    public static final int NX = 10;
    public static final int NY = 9;
    public static final int NZ = 8;
    /** 1 × 1 × 2 mm voxels: 0.002 mL each. */
    public static final double VOXEL_ML = 0.002;
    public static final int N = NX * NY * NZ;

    public final int[] labels = new int[N];
    /** [channel][voxel], channel c predicts label c. */
    public final float[][] p = new float[3][N];
    public final float[] image = new float[N];

    public UiTestCase(long seed) {
        Random rnd = new Random(seed);
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    int i = x + NX * (y + NY * z);
                    int l = 0;
                    if (x >= 3 && x <= 6 && y >= 2 && y <= 5 && z >= 2 && z <= 5) {
                        l = 1;
                    }
                    if (x >= 5 && x <= 6 && y >= 4 && y <= 5 && z >= 4 && z <= 5) {
                        l = 2;
                    }
                    labels[i] = l;
                    double[] s = new double[3];
                    for (int c = 0; c < 3; c++) {
                        s[c] = Math.exp((c == l ? 2.2 : 0) + rnd.nextGaussian() * 0.9);
                    }
                    double sum = s[0] + s[1] + s[2];
                    for (int c = 0; c < 3; c++) {
                        p[c][i] = (float) (s[c] / sum);
                    }
                    image[i] = (float) (100 * l + 20 * rnd.nextGaussian() + 50);
                }
            }
        }
    }

    static NiftiHeader header() {
        NiftiHeader h = new NiftiHeader();
        h.dim = new long[] {3, NX, NY, NZ, 1, 1, 1, 1};
        h.pixdim = new double[] {1, 1, 1, 2, 1, 1, 1, 1};
        h.xyzt_units = 2;
        return h;
    }

    /** Writes reference (uint8), 4D prediction (float32) and image (float32) into {@code dir}. */
    public CaseFiles write(Path dir) throws Exception {
        Path ref = dir.resolve("case_seg.nii.gz");
        Path pred = dir.resolve("case_prob.nii.gz");
        Path img = dir.resolve("case_t1.nii.gz");
        float[] l = new float[N];
        for (int i = 0; i < N; i++) {
            l[i] = labels[i];
        }
        NiftiWriter.write(ref, header(), NiftiDatatype.UINT8, l);
        NiftiHeader h4 = header();
        h4.dim = new long[] {4, NX, NY, NZ, 3, 1, 1, 1};
        NiftiWriter.write(pred, h4, NiftiDatatype.FLOAT32, p[0], p[1], p[2]);
        NiftiWriter.write(img, header(), NiftiDatatype.FLOAT32, image);
        return new CaseFiles(ref, List.of(pred), img, null, null, null);
    }

    /** Hard Dice of one class at t = step/1000 over the whole volume: 2TP / (2TP + FP + FN), b = [p ≥ t]. */
    public double hardDice(int channel, int step) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        double t = step / 1000.0;
        for (int i = 0; i < N; i++) {
            boolean b = p[channel][i] >= t;
            boolean r = labels[i] == channel;
            tp += b && r ? 1 : 0;
            fp += b && !r ? 1 : 0;
            fn += !b && r ? 1 : 0;
        }
        return 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** Voxels of the hard mask p ≥ step/1000 of a class over the whole volume. */
    public long hardVoxels(int channel, int step) {
        long n = 0;
        for (int i = 0; i < N; i++) {
            n += p[channel][i] >= step / 1000.0 ? 1 : 0;
        }
        return n;
    }

    /** Σp of a class over the whole volume, summed in double. */
    public double softSum(int channel) {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += p[channel][i];
        }
        return s;
    }

    /** Reference voxels of a class. */
    public long refVoxels(int channel) {
        long r = 0;
        for (int l : labels) {
            r += l == channel ? 1 : 0;
        }
        return r;
    }

    /** {region voxels, foreground voxels} for margin m around the foreground's bounding box, clipped. */
    public long[] region(int m) {
        int x0 = NX;
        int y0 = NY;
        int z0 = NZ;
        int x1 = -1;
        int y1 = -1;
        int z1 = -1;
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    if (labels[x + NX * (y + NY * z)] != 0) {
                        x0 = Math.min(x0, x);
                        y0 = Math.min(y0, y);
                        z0 = Math.min(z0, z);
                        x1 = Math.max(x1, x);
                        y1 = Math.max(y1, y);
                        z1 = Math.max(z1, z);
                    }
                }
            }
        }
        long region = 0;
        long fg = 0;
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    boolean in = x >= x0 - m && x <= x1 + m && y >= y0 - m && y <= y1 + m && z >= z0 - m && z <= z1 + m;
                    if (in) {
                        region++;
                        fg += labels[x + NX * (y + NY * z)] != 0 ? 1 : 0;
                    }
                }
            }
        }
        return new long[] {region, fg};
    }

    /**
     * Generalised Dice sums over the whole volume with every class included (each is present, so no absent-class rule
     * applies): {Σ_l w_l I_l, Σ_l w_l (P_l + R_l)}, I_l = Σ p·r, P_l = Σ p, R_l = Σ r, with w_l = 1/R_l² (square) or 1
     * (uniform), straight from LOSSES.md.
     */
    public double[] gdlSums(boolean square) {
        double num = 0;
        double den = 0;
        for (int c = 0; c < 3; c++) {
            double i1 = 0;
            double pp = 0;
            double rr = 0;
            for (int i = 0; i < N; i++) {
                int r = labels[i] == c ? 1 : 0;
                i1 += p[c][i] * r;
                pp += p[c][i];
                rr += r;
            }
            double w = square ? 1 / (rr * rr) : 1;
            num += w * i1;
            den += w * (pp + rr);
        }
        return new double[] {num, den};
    }
}
