package org.dicelens.ui.model;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.dicelens.volume.Geometry;

/**
 * The linked crosshair: one voxel (x, y, z) that all three views pass through. Each view's slice is the crosshair's
 * coordinate along that view's normal, so moving through slices in one view moves the crosshair in the others.
 */
public final class CrosshairModel {
    private final IntegerProperty[] voxel = {new SimpleIntegerProperty(), new SimpleIntegerProperty(),
        new SimpleIntegerProperty()};
    private int[] dims = {1, 1, 1};

    /** Centres the crosshair on a new grid. */
    public void reset(Geometry g) {
        dims = g.dims();
        for (int a = 0; a < 3; a++) {
            voxel[a].set(dims[a] / 2);
        }
    }

    public IntegerProperty axisProperty(int axis) {
        return voxel[axis];
    }

    public int get(int axis) {
        return voxel[axis].get();
    }

    public int dim(int axis) {
        return dims[axis];
    }

    /** Moves along one axis, clipped to the grid. */
    public void set(int axis, int value) {
        voxel[axis].set(Math.max(0, Math.min(dims[axis] - 1, value)));
    }

    public void step(int axis, int delta) {
        set(axis, get(axis) + delta);
    }

    public void set(int x, int y, int z) {
        set(0, x);
        set(1, y);
        set(2, z);
    }

    public int[] voxel() {
        return new int[] {get(0), get(1), get(2)};
    }
}
