package org.dicelens.render;

import org.dicelens.volume.Geometry;

/**
 * How one view (axial, coronal or sagittal) of a grid is laid out on screen: which voxel axis runs
 * along screen x and screen y (downwards), whether each is flipped, which axis the slices step through,
 * and the mapping between a slice pixel (sx, sy) and a voxel. Derived from the orientation letters of the
 * affine (nearest world axis, as nibabel's aff2axcodes), so any permutation or flip of RAS shows the
 * patient the radiological way (see {@link ViewAxis}). Oblique affines are shown on their nearest axes,
 * without resampling, as ITK-SNAP does. Immutable and pure.
 */
public final class ViewGeometry {
    private static final String POSITIVE = "RAS";
    private static final String NEGATIVE = "LPI";

    private final ViewAxis view;
    private final int[] dims;
    private final int axisX;
    private final int axisY;
    private final int axisSlice;
    private final boolean flipX;
    private final boolean flipY;
    private final char[] axisLetter = new char[3];
    private final int[] voxelStride;
    private final double[] spacing;

    private ViewGeometry(Geometry g, ViewAxis view) {
        this.view = view;
        this.dims = g.dims();
        this.spacing = g.spacing();
        String codes = completeCodes(g.orientation());
        for (int a = 0; a < 3; a++) {
            axisLetter[a] = codes.charAt(a);
        }
        this.axisX = voxelAxisFor(codes, view.worldX());
        this.axisY = voxelAxisFor(codes, view.worldY());
        this.axisSlice = voxelAxisFor(codes, view.worldSlice());
        // Screen x and y run towards the negative world direction (towards L, P or I): a voxel axis that
        // increases towards the positive letter must be flipped.
        this.flipX = isPositive(axisLetter[axisX]);
        this.flipY = isPositive(axisLetter[axisY]);
        this.voxelStride = new int[] {1, dims[0], dims[0] * dims[1]};
    }

    public static ViewGeometry of(Geometry g, ViewAxis view) {
        return new ViewGeometry(g, view);
    }

    /**
     * A voxel axis with no direction (a singular affine: '?') takes the world axis no other voxel axis uses,
     * towards its positive letter, so such a grid still shows as three views.
     */
    static String completeCodes(String codes) {
        if (codes.indexOf('?') < 0) {
            return codes;
        }
        char[] c = codes.toCharArray();
        boolean[] used = new boolean[3];
        for (char ch : c) {
            if (ch != '?') {
                used[worldAxisOf(ch)] = true;
            }
        }
        for (int a = 0; a < 3; a++) {
            if (c[a] == '?') {
                int w = 0;
                while (used[w]) {
                    w++;
                }
                used[w] = true;
                c[a] = POSITIVE.charAt(w);
            }
        }
        return new String(c);
    }

    private static int voxelAxisFor(String codes, int worldAxis) {
        for (int a = 0; a < 3; a++) {
            if (worldAxisOf(codes.charAt(a)) == worldAxis) {
                return a;
            }
        }
        throw new IllegalStateException("orientation " + codes + " has no axis along world axis " + worldAxis);
    }

    private static int worldAxisOf(char letter) {
        int i = POSITIVE.indexOf(letter);
        return i >= 0 ? i : NEGATIVE.indexOf(letter);
    }

    private static boolean isPositive(char letter) {
        return POSITIVE.indexOf(letter) >= 0;
    }

    private static char opposite(char letter) {
        int i = POSITIVE.indexOf(letter);
        return i >= 0 ? NEGATIVE.charAt(i) : POSITIVE.charAt(NEGATIVE.indexOf(letter));
    }

    public ViewAxis view() {
        return view;
    }

    /** Slice width in pixels (voxels along the screen-x axis). */
    public int width() {
        return dims[axisX];
    }

    /** Slice height in pixels. */
    public int height() {
        return dims[axisY];
    }

    /** Number of slices of this view (voxels along the slice axis); slice k is voxel index k on that axis. */
    public int sliceCount() {
        return dims[axisSlice];
    }

    /** Voxel axis (0 = i, 1 = j, 2 = k) along screen x. */
    public int screenXAxis() {
        return axisX;
    }

    /** Voxel axis along screen y (downwards). */
    public int screenYAxis() {
        return axisY;
    }

    /** Voxel axis the slices step through. */
    public int sliceAxis() {
        return axisSlice;
    }

    /** True when screen x runs against the voxel axis (sx = 0 is the last voxel). */
    public boolean flipX() {
        return flipX;
    }

    public boolean flipY() {
        return flipY;
    }

    /** Width of one slice pixel in mm (spacing of the screen-x voxel axis). */
    public double pixelWidthMm() {
        return spacing[axisX];
    }

    public double pixelHeightMm() {
        return spacing[axisY];
    }

    /** The direction letter towards which the slice index increases (e.g. 'S' for an axial RAS view). */
    public char sliceDirection() {
        return axisLetter[axisSlice];
    }

    /** Letters at the four edges, derived from the axis letters and flips (always R/L/A/P, R/L/S/I, A/P/S/I). */
    public EdgeLetters edgeLetters() {
        char towardsRight = flipX ? opposite(axisLetter[axisX]) : axisLetter[axisX];
        char towardsBottom = flipY ? opposite(axisLetter[axisY]) : axisLetter[axisY];
        return new EdgeLetters(opposite(towardsRight), towardsRight, opposite(towardsBottom), towardsBottom);
    }

    /** Voxel coordinate along the screen-x axis for slice column sx. */
    public int voxelAlongX(int sx) {
        return flipX ? width() - 1 - sx : sx;
    }

    public int voxelAlongY(int sy) {
        return flipY ? height() - 1 - sy : sy;
    }

    /** The voxel (i, j, k) shown at slice pixel (sx, sy) of slice {@code slice}. */
    public int[] voxel(int sx, int sy, int slice) {
        int[] v = new int[3];
        v[axisX] = voxelAlongX(sx);
        v[axisY] = voxelAlongY(sy);
        v[axisSlice] = slice;
        return v;
    }

    /** Flat voxel index (x + nx·(y + ny·z)) shown at slice pixel (sx, sy). */
    public int voxelIndex(int sx, int sy, int slice) {
        return voxelAlongX(sx) * voxelStride[axisX] + voxelAlongY(sy) * voxelStride[axisY] + slice * voxelStride[axisSlice];
    }

    /** Flat index step when sx grows by one (negative when flipped). */
    public int indexStrideX() {
        return flipX ? -voxelStride[axisX] : voxelStride[axisX];
    }

    /** Flat index step when sy grows by one. */
    public int indexStrideY() {
        return flipY ? -voxelStride[axisY] : voxelStride[axisY];
    }

    /** Screen column of voxel (i, j, k) in this view. */
    public int screenX(int i, int j, int k) {
        int v = axisX == 0 ? i : axisX == 1 ? j : k;
        return flipX ? width() - 1 - v : v;
    }

    /** Screen row of voxel (i, j, k) in this view. */
    public int screenY(int i, int j, int k) {
        int v = axisY == 0 ? i : axisY == 1 ? j : k;
        return flipY ? height() - 1 - v : v;
    }

    /** The slice of this view that contains voxel (i, j, k). */
    public int sliceOf(int i, int j, int k) {
        return axisSlice == 0 ? i : axisSlice == 1 ? j : k;
    }

    /** True when (sx, sy) lies on the slice. */
    public boolean contains(int sx, int sy) {
        return sx >= 0 && sy >= 0 && sx < width() && sy < height();
    }

    @Override
    public String toString() {
        EdgeLetters e = edgeLetters();
        return view + " " + width() + "x" + height() + "x" + sliceCount() + " x=axis" + axisX + (flipX ? "(flip)" : "")
                + " y=axis" + axisY + (flipY ? "(flip)" : "") + " " + e.left() + e.right() + e.top() + e.bottom();
    }
}
