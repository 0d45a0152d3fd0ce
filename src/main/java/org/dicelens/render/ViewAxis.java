package org.dicelens.render;

/**
 * The three radiological views. Each names the world axes (0 = R/L, 1 = A/P, 2 = S/I of NIfTI's RAS+
 * world) shown along screen x, screen y and through the slice. Screen x and y always run towards the
 * negative world direction, which gives the ITK-SNAP convention: axial left = R, top = A; coronal left = R,
 * top = S; sagittal left = A, top = S.
 */
public enum ViewAxis {
    AXIAL(0, 1, 2),
    CORONAL(0, 2, 1),
    SAGITTAL(1, 2, 0);

    private final int worldX;
    private final int worldY;
    private final int worldSlice;

    ViewAxis(int worldX, int worldY, int worldSlice) {
        this.worldX = worldX;
        this.worldY = worldY;
        this.worldSlice = worldSlice;
    }

    /** World axis (0 R/L, 1 A/P, 2 S/I) along screen x. */
    public int worldX() {
        return worldX;
    }

    /** World axis along screen y (downwards). */
    public int worldY() {
        return worldY;
    }

    /** World axis through the slice. */
    public int worldSlice() {
        return worldSlice;
    }

    /** Parses "axial", "coronal" or "sagittal" (any case). */
    public static ViewAxis parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
