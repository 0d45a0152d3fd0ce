package org.dicelens.nifti;

/**
 * The header's two voxel-to-world transforms as row-major 4x4 matrices, and the quaternion of an affine,
 * ported from nifti1_io.c (nifti_quatern_to_mat44, nifti_mat44_to_quatern, nifti_mat33_polar) in double.
 * Package-private: {@link NiftiHeader#affineMm()} is the one public reading of a header's place in the world.
 */
final class NiftiAffine {
    private NiftiAffine() {
    }

    static double[] sform(NiftiHeader h) {
        return new double[] {h.srow_x[0], h.srow_x[1], h.srow_x[2], h.srow_x[3], h.srow_y[0], h.srow_y[1], h.srow_y[2],
            h.srow_y[3], h.srow_z[0], h.srow_z[1], h.srow_z[2], h.srow_z[3], 0, 0, 0, 1};
    }

    /** nifti_quatern_to_mat44 with the header's quaternion, offsets, pixdim[1..3] and qfac = pixdim[0]. */
    static double[] qform(NiftiHeader h) {
        double b = h.quatern_b;
        double c = h.quatern_c;
        double d = h.quatern_d;
        double a = 1.0 - (b * b + c * c + d * d);
        if (a < 1e-7) { // a 180-degree rotation: renormalise (b,c,d)
            double n = 1.0 / Math.sqrt(b * b + c * c + d * d);
            b *= n;
            c *= n;
            d *= n;
            a = 0;
        } else {
            a = Math.sqrt(a);
        }
        double xd = h.pixdim[1] > 0 ? h.pixdim[1] : 1;
        double yd = h.pixdim[2] > 0 ? h.pixdim[2] : 1;
        double zd = h.pixdim[3] > 0 ? h.pixdim[3] : 1;
        if (h.pixdim[0] < 0) {
            zd = -zd;
        }
        return new double[] {(a * a + b * b - c * c - d * d) * xd, 2 * (b * c - a * d) * yd, 2 * (b * d + a * c) * zd,
            h.qoffset_x, 2 * (b * c + a * d) * xd, (a * a + c * c - b * b - d * d) * yd, 2 * (c * d - a * b) * zd, h.qoffset_y,
            2 * (b * d - a * c) * xd, 2 * (c * d + a * b) * yd, (a * a + d * d - c * c - b * b) * zd, h.qoffset_z, 0, 0, 0, 1};
    }

    /**
     * The affine DiceLens reads a header with, in millimetres: the sform when sform_code &gt; 0, else the qform when
     * qform_code &gt; 0, else pixdim (nifti1.h "method 1"; a size of 0 or NaN counts as 1, as in nibabel); the spatial
     * unit of xyzt_units converted to mm (unset means mm).
     */
    static double[] affineMm(NiftiHeader h) {
        double[] a = h.sform_code > 0 ? sform(h) : h.qform_code > 0 ? qform(h) : pixdimOnly(h);
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

    /** Millimetres per spatial unit of xyzt_units (unset: mm, as nibabel and the formula sheet assume). */
    static double mmPerUnit(int xyztUnits) {
        return switch (xyztUnits & 0x07) {
            case 1 -> 1000.0; // metre
            case 3 -> 0.001; // micrometre
            default -> 1.0; // mm or unknown
        };
    }

    /** nifti1.h "method 1": pixdim scaling only (unset or NaN sizes count as 1). */
    static double[] pixdimOnly(NiftiHeader h) {
        return new double[] {size(h.pixdim[1]), 0, 0, 0, 0, size(h.pixdim[2]), 0, 0, 0, 0, size(h.pixdim[3]), 0, 0, 0, 0, 1};
    }

    private static double size(double v) {
        return v == 0 || Double.isNaN(v) ? 1 : Math.abs(v); // infinity is refused by HeaderChecks
    }

    /**
     * nifti_mat44_to_quatern: sets quatern_b/c/d, qoffset_x/y/z, pixdim[1..3] (column lengths) and
     * pixdim[0] = qfac (-1 when the affine is improper, i.e. left-handed) from the 4x4 affine m.
     */
    static void setQuaternion(NiftiHeader h, double[] m) {
        h.qoffset_x = m[3];
        h.qoffset_y = m[7];
        h.qoffset_z = m[11];
        double r11 = m[0], r12 = m[1], r13 = m[2];
        double r21 = m[4], r22 = m[5], r23 = m[6];
        double r31 = m[8], r32 = m[9], r33 = m[10];
        double xd = Math.sqrt(r11 * r11 + r21 * r21 + r31 * r31);
        double yd = Math.sqrt(r12 * r12 + r22 * r22 + r32 * r32);
        double zd = Math.sqrt(r13 * r13 + r23 * r23 + r33 * r33);
        if (xd == 0) {
            r11 = 1;
            r21 = r31 = 0;
            xd = 1;
        }
        if (yd == 0) {
            r22 = 1;
            r12 = r32 = 0;
            yd = 1;
        }
        if (zd == 0) {
            r33 = 1;
            r13 = r23 = 0;
            zd = 1;
        }
        h.pixdim[1] = xd;
        h.pixdim[2] = yd;
        h.pixdim[3] = zd;
        double[] p = polar(new double[] {r11 / xd, r12 / yd, r13 / zd, r21 / xd, r22 / yd, r23 / zd, r31 / xd, r32 / yd,
            r33 / zd});
        r11 = p[0];
        r12 = p[1];
        r13 = p[2];
        r21 = p[3];
        r22 = p[4];
        r23 = p[5];
        r31 = p[6];
        r32 = p[7];
        r33 = p[8];
        double det = r11 * r22 * r33 - r11 * r32 * r23 - r21 * r12 * r33 + r21 * r32 * r13 + r31 * r12 * r23 - r31 * r22 * r13;
        if (det > 0) {
            h.pixdim[0] = 1;
        } else { // improper: flip the third column
            h.pixdim[0] = -1;
            r13 = -r13;
            r23 = -r23;
            r33 = -r33;
        }
        double a = r11 + r22 + r33 + 1;
        double b;
        double c;
        double d;
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            b = 0.25 * (r32 - r23) / a;
            c = 0.25 * (r13 - r31) / a;
            d = 0.25 * (r21 - r12) / a;
        } else {
            double bb = 1 + r11 - (r22 + r33);
            double cc = 1 + r22 - (r11 + r33);
            double dd = 1 + r33 - (r11 + r22);
            if (bb > 1) {
                b = 0.5 * Math.sqrt(bb);
                c = 0.25 * (r12 + r21) / b;
                d = 0.25 * (r13 + r31) / b;
                a = 0.25 * (r32 - r23) / b;
            } else if (cc > 1) {
                c = 0.5 * Math.sqrt(cc);
                b = 0.25 * (r12 + r21) / c;
                d = 0.25 * (r23 + r32) / c;
                a = 0.25 * (r13 - r31) / c;
            } else {
                d = 0.5 * Math.sqrt(dd);
                b = 0.25 * (r13 + r31) / d;
                c = 0.25 * (r23 + r32) / d;
                a = 0.25 * (r21 - r12) / d;
            }
            if (a < 0) {
                b = -b;
                c = -c;
                d = -d;
            }
        }
        h.quatern_b = b;
        h.quatern_c = c;
        h.quatern_d = d;
    }

    /** nifti_mat33_polar: the orthogonal matrix closest to a (row-major 3x3), by Higham's scaled Newton iteration. */
    static double[] polar(double[] a) {
        double[] x = a.clone();
        double gam = det(x);
        for (int i = 0; gam == 0 && i < 100; i++) { // perturb a singular matrix
            gam = 0.00001 * (0.001 + rowNorm(x));
            x[0] += gam;
            x[4] += gam;
            x[8] += gam;
            gam = det(x);
        }
        double dif = 1;
        double[] z = new double[9];
        for (int k = 1;; k++) {
            double[] y = inverse(x);
            double gmi;
            if (dif > 0.3) { // far from convergence
                double alp = Math.sqrt(rowNorm(x) * colNorm(x));
                double bet = Math.sqrt(rowNorm(y) * colNorm(y));
                gam = Math.sqrt(bet / alp);
                gmi = 1 / gam;
            } else {
                gam = 1;
                gmi = 1;
            }
            dif = 0;
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    z[3 * r + c] = 0.5 * (gam * x[3 * r + c] + gmi * y[3 * c + r]);
                    dif += Math.abs(z[3 * r + c] - x[3 * r + c]);
                }
            }
            if (k > 100 || dif < 3e-6 || Double.isNaN(dif)) {
                return z;
            }
            System.arraycopy(z, 0, x, 0, 9);
        }
    }

    private static double det(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    private static double[] inverse(double[] m) {
        double d = det(m);
        return new double[] {(m[4] * m[8] - m[5] * m[7]) / d, (m[2] * m[7] - m[1] * m[8]) / d, (m[1] * m[5] - m[2] * m[4]) / d,
            (m[5] * m[6] - m[3] * m[8]) / d, (m[0] * m[8] - m[2] * m[6]) / d, (m[2] * m[3] - m[0] * m[5]) / d,
            (m[3] * m[7] - m[4] * m[6]) / d, (m[1] * m[6] - m[0] * m[7]) / d, (m[0] * m[4] - m[1] * m[3]) / d};
    }

    /** Max over rows of the sum of absolute values. */
    private static double rowNorm(double[] m) {
        double r = 0;
        for (int i = 0; i < 3; i++) {
            r = Math.max(r, Math.abs(m[3 * i]) + Math.abs(m[3 * i + 1]) + Math.abs(m[3 * i + 2]));
        }
        return r;
    }

    /** Max over columns of the sum of absolute values. */
    private static double colNorm(double[] m) {
        double r = 0;
        for (int i = 0; i < 3; i++) {
            r = Math.max(r, Math.abs(m[i]) + Math.abs(m[3 + i]) + Math.abs(m[6 + i]));
        }
        return r;
    }
}
