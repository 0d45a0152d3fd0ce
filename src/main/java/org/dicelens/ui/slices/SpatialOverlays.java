package org.dicelens.ui.slices;

import org.dicelens.metrics.spatial.SpatialOptions;
import org.dicelens.metrics.spatial.SpatialOverlay;
import org.dicelens.metrics.voxel.SpatialOverlayMetric;
import org.dicelens.metrics.voxel.VoxelRequest;
import org.dicelens.render.SpatialLayer;
import org.dicelens.ui.model.OverlayModel;
import org.dicelens.ui.model.OverlayModel.Layer;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.ui.model.VoxelChannel;

/**
 * The lesion and boundary-distance overlays' data: the voxel tier's {@link SpatialOverlayMetric} for the chosen class
 * under the current controls, computed (debounced, off the FX thread, cancellable, cached) only while one of the two
 * layers is on. Each result repaints the views and tells the legend the colour bar's top and whether a newer result
 * is on its way.
 */
public final class SpatialOverlays {
    private final ViewerModel vm;
    private final OverlayModel overlays;
    private final VoxelChannel<SpatialOverlay> channel;

    public SpatialOverlays(ViewerModel vm, OverlayModel overlays, Runnable repaint) {
        this.vm = vm;
        this.overlays = overlays;
        channel = vm.voxelMetric(SpatialOverlayMetric.INSTANCE,
                m -> SpatialOverlayMetric.request(m.controls().toSettings(), m.selectedChannel(), SpatialOptions.defaults()),
                this::wanted, overlays.layer(Layer.LESIONS).enabled, overlays.layer(Layer.BOUNDARY_DISTANCE).enabled);
        channel.resultProperty().addListener((o, a, r) -> {
            status();
            repaint.run();
        });
        channel.busyProperty().addListener(x -> status());
        vm.controls().selectedClassProperty().addListener(x -> status());
        overlays.layer(Layer.BOUNDARY_DISTANCE).enabled.addListener(x -> status());
        status();
    }

    private boolean wanted() {
        return overlays.on(Layer.LESIONS) || overlays.on(Layer.BOUNDARY_DISTANCE);
    }

    /** The result for the chosen class, or null (none yet, another class's, or both layers off). */
    private SpatialOverlay current() {
        VoxelRequest q = channel.requestProperty().get();
        SpatialOverlay r = channel.resultProperty().get();
        return wanted() && r != null && q != null && q.channel() == vm.selectedChannel() ? r : null;
    }

    /** The layer a frame draws now (the latest result while a newer one computes); null when nothing to draw. */
    public SpatialLayer layer() {
        SpatialOverlay r = current();
        if (r == null) {
            return null;
        }
        return new SpatialLayer(r, new SpatialLayer.Style(overlays.on(Layer.LESIONS), overlays.opacity(Layer.LESIONS),
                overlays.on(Layer.BOUNDARY_DISTANCE), overlays.opacity(Layer.BOUNDARY_DISTANCE), 0));
    }

    private void status() {
        SpatialOverlay r = current();
        overlays.distanceLimitMm.set(r == null ? Double.NaN : r.maxDistanceMm());
        String s = "";
        if (channel.busyProperty().get() || (wanted() && r == null)) {
            s = "updating…";
        } else if (r != null && r.reason() != null && overlays.on(Layer.BOUNDARY_DISTANCE)) {
            s = "no distances: " + r.reason();
        }
        overlays.spatialStatus.set(s);
    }

    /** The channel (tests wait on it). */
    public VoxelChannel<SpatialOverlay> channel() {
        return channel;
    }
}
