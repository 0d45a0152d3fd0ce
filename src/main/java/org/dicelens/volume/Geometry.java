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
        return new Geometry(h.nx(), h.ny(), h.nz(), Affines.fromHeader(h));
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

    /**
     * Null when the two grids agree (dims exact, every affine entry within {@code tolMm} mm,
     * rotation/zoom terms scaled by the grid size), else a sentence describing the mismatch.
     */
    public String mismatch(Geometry other, double tolMm) {
        if (nx != other.nx || ny != other.ny || nz != other.nz) {
            return "dims " + nx + "x" + ny + "x" + nz + " vs " + other.nx + "x" + other.ny + "x" + other.nz;
        }
        double extent = Math.max(nx, Math.max(ny, nz));
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                double d = Math.abs(affine[4 * r + c] - other.affine[4 * r + c]);
                double tol = c == 3 ? tolMm : tolMm / extent;
                if (d > tol) {
                    return "affine differs at row " + r + " column " + c + ": " + affine[4 * r + c] + " vs "
                            + other.affine[4 * r + c];
                }
            }
        }
        return null;
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
