package org.dicelens.volume;

import org.dicelens.nifti.NiftiHeader;

/** Pure 4x4 affine helpers (row-major) and the NIfTI qform/sform formulas of nifti1.h. */
public final class Affines {
    private Affines() {
    }

    /** nifti1.h "method 2" (nifti_quatern_to_mat44, qfac = pixdim[0]); the codec owns the formula. */
    public static double[] qform(NiftiHeader h) {
        return h.qformMatrix();
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

    /**
     * Axis codes as nibabel's {@code aff2axcodes} gives them (its {@code io_orientation}): the 3x3 part with unit
     * columns is replaced by its closest rotation (polar decomposition, so shear does not decide), then each voxel
     * axis in turn takes the world axis it moves along most, among those not yet taken. A voxel axis left with no
     * direction (a singular affine) gets '?', where nibabel gives None.
     */
    public static String orientation(double[] m) {
        double[][] r = closestRotation(m);
        char[] pos = {'R', 'A', 'S'};
        char[] neg = {'L', 'P', 'I'};
        StringBuilder sb = new StringBuilder(3);
        for (int col = 0; col < 3; col++) {
            int best = -1;
            double bestAbs = -1;
            boolean allZero = true;
            for (int row = 0; row < 3; row++) {
                double v = Math.abs(r[row][col]);
                allZero &= v <= 1e-8; // numpy.allclose(col, 0): atol 1e-8
                if (v > bestAbs) {
                    bestAbs = v;
                    best = row;
                }
            }
            if (allZero || best < 0) { // best < 0: a non-finite column (the reader refuses those in headers)
                sb.append('?');
                continue;
            }
            sb.append(r[best][col] < 0 ? neg[best] : pos[best]);
            r[best][0] = 0; // the world axis is taken: remove it from the later columns
            r[best][1] = 0;
            r[best][2] = 0;
        }
        return sb.toString();
    }

    /**
     * nibabel's polar decomposition step: columns scaled to unit length (zero columns left alone), then
     * R = sum over the non-negligible singular values of u_k v_k^T, from a one-sided Jacobi SVD.
     */
    static double[][] closestRotation(double[] m) {
        double[][] u = new double[3][3];
        for (int c = 0; c < 3; c++) {
            double n = Math.sqrt(m[c] * m[c] + m[4 + c] * m[4 + c] + m[8 + c] * m[8 + c]);
            if (n == 0) {
                n = 1;
            }
            for (int row = 0; row < 3; row++) {
                u[row][c] = m[4 * row + c] / n;
            }
        }
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int sweep = 0; sweep < 60; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    for (int i = 0; i < 3; i++) {
                        alpha += u[i][p] * u[i][p];
                        beta += u[i][q] * u[i][q];
                        gamma += u[i][p] * u[i][q];
                    }
                    if (gamma == 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta == 0 ? 1 : zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double cs = 1 / Math.sqrt(1 + t * t);
                    double sn = cs * t;
                    rotateColumns(u, p, q, cs, sn);
                    rotateColumns(v, p, q, cs, sn);
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] s = new double[3];
        double smax = 0;
        for (int k = 0; k < 3; k++) {
            s[k] = Math.sqrt(u[0][k] * u[0][k] + u[1][k] * u[1][k] + u[2][k] * u[2][k]);
            smax = Math.max(smax, s[k]);
        }
        // numpy keeps S > S.max() * 3 * eps; one-sided Jacobi leaves a rank-deficient matrix a little more
        // round-off in its zero singular values, so the cut is a little higher (real affines have S near 1)
        double tol = smax * 1e-12;
        double[][] r = new double[3][3];
        for (int k = 0; k < 3; k++) {
            if (s[k] <= tol) {
                continue;
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    r[i][j] += u[i][k] / s[k] * v[j][k];
                }
            }
        }
        return r;
    }

    private static void rotateColumns(double[][] a, int p, int q, double cs, double sn) {
        for (int i = 0; i < 3; i++) {
            double ap = a[i][p];
            double aq = a[i][q];
            a[i][p] = cs * ap - sn * aq;
            a[i][q] = sn * ap + cs * aq;
        }
    }
}
