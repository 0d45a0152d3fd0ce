package org.dicelens.volume;

import org.dicelens.nifti.NiftiHeader;

/** Pure 4x4 affine helpers (row-major) and the NIfTI qform/sform formulas of nifti1.h. */
public final class Affines {
    private Affines() {
    }

    /** Millimetres per spatial unit of xyzt_units (unset: mm, as nibabel and the formula sheet assume). */
    public static double mmPerUnit(int xyztUnits) {
        return switch (xyztUnits & 0x07) {
            case 1 -> 1000.0; // metre
            case 3 -> 0.001; // micrometre
            default -> 1.0; // mm or unknown
        };
    }

    public static double[] fromHeader(NiftiHeader h) {
        double[] a;
        if (h.sform_code > 0) {
            a = new double[] {h.srow_x[0], h.srow_x[1], h.srow_x[2], h.srow_x[3], h.srow_y[0], h.srow_y[1], h.srow_y[2],
                h.srow_y[3], h.srow_z[0], h.srow_z[1], h.srow_z[2], h.srow_z[3], 0, 0, 0, 1};
        } else if (h.qform_code > 0) {
            a = qform(h);
        } else {
            a = new double[] {abs1(h.pixdim[1]), 0, 0, 0, 0, abs1(h.pixdim[2]), 0, 0, 0, 0, abs1(h.pixdim[3]), 0, 0, 0, 0, 1};
        }
        double s = mmPerUnit(h.xyzt_units);
        if (s != 1.0) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    a[4 * r + c] *= s;
                }
            }
        }
        return a;
    }

    private static double abs1(double v) {
        // pixdim of 0 (unset) would make a singular grid; nibabel treats it as 1.
        return v == 0 || Double.isNaN(v) ? 1.0 : Math.abs(v);
    }

    /** nifti1.h "method 2": quaternion (b,c,d) with a = sqrt(1-b²-c²-d²), qfac = pixdim[0]. */
    public static double[] qform(NiftiHeader h) {
        double b = h.quatern_b;
        double c = h.quatern_c;
        double d = h.quatern_d;
        double a = 1.0 - (b * b + c * c + d * d);
        if (a < 1e-7) {
            // nifti1_io: a is 0 and (b,c,d) is renormalised (a 180-degree rotation)
            double n = Math.sqrt(b * b + c * c + d * d);
            b /= n;
            c /= n;
            d /= n;
            a = 0;
        } else {
            a = Math.sqrt(a);
        }
        double qfac = h.pixdim[0] < 0 ? -1 : 1;
        double dx = h.pixdim[1] > 0 ? h.pixdim[1] : 1;
        double dy = h.pixdim[2] > 0 ? h.pixdim[2] : 1;
        double dz = (h.pixdim[3] > 0 ? h.pixdim[3] : 1) * qfac;
        double r11 = a * a + b * b - c * c - d * d;
        double r12 = 2 * (b * c - a * d);
        double r13 = 2 * (b * d + a * c);
        double r21 = 2 * (b * c + a * d);
        double r22 = a * a + c * c - b * b - d * d;
        double r23 = 2 * (c * d - a * b);
        double r31 = 2 * (b * d - a * c);
        double r32 = 2 * (c * d + a * b);
        double r33 = a * a + d * d - c * c - b * b;
        return new double[] {r11 * dx, r12 * dy, r13 * dz, h.qoffset_x, r21 * dx, r22 * dy, r23 * dz, h.qoffset_y, r31 * dx,
            r32 * dy, r33 * dz, h.qoffset_z, 0, 0, 0, 1};
    }

    public static double det3(double[] m) {
        return m[0] * (m[5] * m[10] - m[6] * m[9]) - m[1] * (m[4] * m[10] - m[6] * m[8]) + m[2] * (m[4] * m[9] - m[5] * m[8]);
    }

    public static double[] apply(double[] m, double x, double y, double z) {
        return new double[] {m[0] * x + m[1] * y + m[2] * z + m[3], m[4] * x + m[5] * y + m[6] * z + m[7],
            m[8] * x + m[9] * y + m[10] * z + m[11]};
    }

    /** Inverse of an affine 4x4 (last row 0,0,0,1); a singular 3x3 part gives NaNs. */
    public static double[] invert(double[] m) {
        double det = det3(m);
        double[] r = new double[16];
        r[0] = (m[5] * m[10] - m[6] * m[9]) / det;
        r[1] = (m[2] * m[9] - m[1] * m[10]) / det;
        r[2] = (m[1] * m[6] - m[2] * m[5]) / det;
        r[4] = (m[6] * m[8] - m[4] * m[10]) / det;
        r[5] = (m[0] * m[10] - m[2] * m[8]) / det;
        r[6] = (m[2] * m[4] - m[0] * m[6]) / det;
        r[8] = (m[4] * m[9] - m[5] * m[8]) / det;
        r[9] = (m[1] * m[8] - m[0] * m[9]) / det;
        r[10] = (m[0] * m[5] - m[1] * m[4]) / det;
        for (int i = 0; i < 3; i++) {
            r[4 * i + 3] = -(r[4 * i] * m[3] + r[4 * i + 1] * m[7] + r[4 * i + 2] * m[11]);
        }
        r[15] = 1;
        return r;
    }

    /** Axis codes like nibabel's aff2axcodes: for each voxel axis, the dominant world direction. */
    public static String orientation(double[] m) {
        char[] pos = {'R', 'A', 'S'};
        char[] neg = {'L', 'P', 'I'};
        StringBuilder sb = new StringBuilder(3);
        boolean[] used = new boolean[3];
        for (int col = 0; col < 3; col++) {
            int best = -1;
            double bestAbs = -1;
            for (int row = 0; row < 3; row++) {
                double v = Math.abs(m[4 * row + col]);
                if (!used[row] && v > bestAbs) {
                    bestAbs = v;
                    best = row;
                }
            }
            used[best] = true;
            sb.append(m[4 * best + col] >= 0 ? pos[best] : neg[best]);
        }
        return sb.toString();
    }
}
