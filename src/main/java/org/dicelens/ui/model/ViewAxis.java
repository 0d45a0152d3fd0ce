package org.dicelens.ui.model;

/** The three planes a radiology viewer shows, and the voxel axis each one steps through. */
public enum ViewAxis {
    AXIAL(2, "Axial"), CORONAL(1, "Coronal"), SAGITTAL(0, "Sagittal");

    /** Voxel axis normal to the plane: 0 = x, 1 = y, 2 = z. */
    public final int normal;
    public final String title;

    ViewAxis(int normal, String title) {
        this.normal = normal;
        this.title = title;
    }
}
