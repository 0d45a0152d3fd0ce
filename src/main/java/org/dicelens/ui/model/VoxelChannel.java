package org.dicelens.ui.model;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.dicelens.metrics.voxel.VoxelMetric;
import org.dicelens.metrics.voxel.VoxelRequest;

/**
 * The viewer's view of one on-demand voxel metric: its latest result for the current case and controls, whether a
 * newer one is being computed, and the request the result answers. Made by {@link ViewerModel#voxelMetric}; a panel
 * binds to the properties and does nothing else.
 */
public final class VoxelChannel<R> {
    private final VoxelMetric<R> metric;
    final ReadOnlyObjectWrapper<R> result = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<VoxelRequest> request = new ReadOnlyObjectWrapper<>();
    final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final Runnable cancel;

    VoxelChannel(VoxelMetric<R> metric, Runnable cancel) {
        this.metric = metric;
        this.cancel = cancel;
    }

    public VoxelMetric<R> metric() {
        return metric;
    }

    /** The latest result (null before the first, after a case change, or when the case cannot give one). */
    public ReadOnlyObjectProperty<R> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The request {@link #resultProperty()} answers. */
    public ReadOnlyObjectProperty<VoxelRequest> requestProperty() {
        return request.getReadOnlyProperty();
    }

    /** True from a control change until its result is shown (including the debounce wait). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Stops the computation in flight and any scheduled one; the shown result stays. */
    public void cancel() {
        cancel.run();
    }
}
