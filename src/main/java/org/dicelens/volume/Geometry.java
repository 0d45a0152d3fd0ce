package org.dicelens.volume;

import java.util.Arrays;
import org.dicelens.nifti.NiftiHeader;

/**
 * The voxel grid and its place in the world: dims and the 4x4 voxel-to-world affine in millimetres
 * (NIfTI's RAS+ world). Pure functions only; voxel index = x + nx*(y + ny*z).
 */
public final class Geometry {
    private final int nx;
    private final int ny;
    private final int nz;
    /** Row-major 4x4, in mm. */
    private final double[] affine;
    private final double[] inverse;

    public Geometry(int nx, int ny, int nz, double[] affine) {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("dims must be positive: " + nx + "x" + ny + "x" + nz);
        }
        if ((long) nx * ny * nz > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("volume too large: " + nx + "x" + ny + "x" + nz);
        }
        if (affine.length != 16) {
            throw new IllegalArgumentException("affine must have 16 values");
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.affine = affine.clone();
        this.inverse = Affines.invert(this.affine);
    }

    /** An axis-aligned grid with the given spacing in mm and origin at voxel (0,0,0). */
    public static Geometry ofSpacing(int nx, int ny, int nz, double sx, double sy, double sz) {
        return new Geometry(nx, ny, nz, new double[] {sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, sz, 0, 0, 0, 0, 1});
    }

    /**
     * Geometry of a header: sform when sform_code &gt; 0, else qform when qform_code &gt; 0, else pixdim
     * (NIfTI "method 1"); spatial units from xyzt_units converted to mm (unset means mm).
     */
    public static Geometry fromHeader(NiftiHeader h) {
        return new Geometry(h.nx(), h.ny(), h.nz(), h.affineMm());
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public int nz() {
        return nz;
    }

    public int[] dims() {
        return new int[] {nx, ny, nz};
    }

    public int dim(int axis) {
        return axis == 0 ? nx : axis == 1 ? ny : nz;
    }

    public int voxelCount() {
        return nx * ny * nz;
    }

    public int index(int x, int y, int z) {
        return x + nx * (y + ny * z);
    }

    /** A copy of the row-major 4x4 voxel-to-world affine (mm). */
    public double[] affine() {
        return affine.clone();
    }

    /** Volume of one voxel in mL: |det(A)| / 1000 with A the 3x3 part of the affine in mm. */
    public double voxelMl() {
        return Math.abs(Affines.det3(affine)) / 1000.0;
    }

    /** Voxel spacing along each axis in mm (column norms of the affine). */
    public double[] spacing() {
        double[] s = new double[3];
        for (int c = 0; c < 3; c++) {
            s[c] = Math.sqrt(sq(affine[c]) + sq(affine[4 + c]) + sq(affine[8 + c]));
        }
        return s;
    }

    /**
     * Orientation letters, one per voxel axis: the world direction that axis increases towards
     * (R/L, A/P, S/I), as nibabel's aff2axcodes gives for the closest axis, e.g. "RAS" or "LPS".
     */
    public String orientation() {
        return Affines.orientation(affine);
    }

    public double[] voxelToWorld(double i, double j, double k) {
        return Affines.apply(affine, i, j, k);
    }

    public double[] worldToVoxel(double x, double y, double z) {
        return Affines.apply(inverse, x, y, z);
    }

    /** Default grid tolerance of {@link #mismatch(Geometry)}: a hundredth of the smallest voxel spacing. */
    public static final double DEFAULT_TOLERANCE_VOXELS = 0.01;

    /**
     * {@link #mismatch(Geometry, double)} with a tolerance of {@link #DEFAULT_TOLERANCE_VOXELS} times the smaller
     * of the two grids' smallest spacing: float32 round-off in headers written by different tools (about 1e-4 mm
     * on the real files) passes, a shift, flip or different spacing does not.
     */
    public String mismatch(Geometry other) {
        double s = Math.min(min(spacing()), min(other.spacing()));
        return mismatch(other, DEFAULT_TOLERANCE_VOXELS * s);
    }

    /**
     * Null when the two grids agree, else a sentence describing the difference. They agree when the dims are
     * equal and the corners of the grids' boxes (voxel centres +-0.5 voxel, so a different voxel size shows even
     * along an axis of one voxel) map to world points at most {@code tolMm} mm apart; affine maps differ most at
     * a corner, so every point of the grid is then within the tolerance.
     */
    public String mismatch(Geometry other, double tolMm) {
        if (nx != other.nx || ny != other.ny || nz != other.nz) {
            return "dims " + nx + "x" + ny + "x" + nz + " vs " + other.nx + "x" + other.ny + "x" + other.nz;
        }
        double worst = -1;
        double[] worstCorner = null;
        for (int corner = 0; corner < 8; corner++) {
            double[] v = {(corner & 1) == 0 ? -0.5 : nx - 0.5, (corner & 2) == 0 ? -0.5 : ny - 0.5,
                (corner & 4) == 0 ? -0.5 : nz - 0.5};
            double[] a = voxelToWorld(v[0], v[1], v[2]);
            double[] b = other.voxelToWorld(v[0], v[1], v[2]);
            double d = Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2]));
            if (!(d <= worst)) { // NaN counts as worst
                worst = d;
                worstCorner = v;
            }
        }
        if (worst <= tolMm) {
            return null;
        }
        StringBuilder sb = new StringBuilder("affines differ: the grid corner at voxel (").append(worstCorner[0]).append(',')
                .append(worstCorner[1]).append(',').append(worstCorner[2]).append(") lies ").append(fmt(worst))
                .append(" mm apart (tolerance ").append(fmt(tolMm)).append(" mm)");
        String o1 = orientation();
        String o2 = other.orientation();
        if (!o1.equals(o2)) {
            sb.append("; orientation ").append(o1).append(" vs ").append(o2);
        }
        double[] s1 = spacing();
        double[] s2 = other.spacing();
        for (int i = 0; i < 3; i++) {
            if (Math.abs(s1[i] - s2[i]) > tolMm) {
                sb.append("; spacing ").append(fmtSpacing(s1)).append(" vs ").append(fmtSpacing(s2)).append(" mm");
                break;
            }
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    private static String fmtSpacing(double[] s) {
        return fmt(s[0]) + "x" + fmt(s[1]) + "x" + fmt(s[2]);
    }

    private static double min(double[] v) {
        return Math.min(v[0], Math.min(v[1], v[2]));
    }

    private static double sq(double v) {
        return v * v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Geometry g && g.nx == nx && g.ny == ny && g.nz == nz && Arrays.equals(g.affine, affine);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(new int[] {nx, ny, nz}) + Arrays.hashCode(affine);
    }

    @Override
    public String toString() {
        return nx + "x" + ny + "x" + nz + " " + orientation() + " " + Arrays.toString(spacing()) + " mm";
    }
}
