package org.dicelens.ui.slices;

import org.dicelens.render.AgreementLayer;

import java.util.List;
import org.dicelens.app.slices.SliceAssembly;
import org.dicelens.app.slices.SliceFrame;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.Settings;
import org.dicelens.render.Colormap;
import org.dicelens.render.LayerSetting;
import org.dicelens.render.OverlaySettings;
import org.dicelens.render.SliceInputs;
import org.dicelens.ui.model.ClassControl;
import org.dicelens.ui.model.DisplayModel;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.OverlayModel;
import org.dicelens.ui.model.ViewerModel;

/** Translates the view models' state into the render package's settings for one frame of the shared assembly. */
public final class FrameBuilder {
    private FrameBuilder() {
    }

    public static OverlaySettings overlays(ViewerModel vm, DisplayModel d) {
        OverlayModel o = d.overlays();
        List<ClassControl> cls = vm.controls().classes();
        boolean[] visible = new boolean[cls.size()];
        double[] opacity = new double[cls.size()];
        for (int i = 0; i < visible.length; i++) {
            visible[i] = cls.get(i).visibleProperty().get();
            opacity[i] = Math.max(0, Math.min(1, cls.get(i).opacityProperty().get()));
        }
        return OverlaySettings.defaults(cls.size())
                .withWindow(d.windowLowProperty().get(), d.windowHighProperty().get())
                .withChosenClass(vm.selectedChannel())
                .withClassVisible(visible)
                .withClassOpacity(opacity)
                .withReference(layer(o, OverlayModel.Layer.REFERENCE), o.referenceFilled.get())
                .withProbability(layer(o, OverlayModel.Layer.PROBABILITY), colormap(o.colormap.get()), 0.05)
                .withHardContour(layer(o, OverlayModel.Layer.HARD), 0)
                .withErrors(layer(o, OverlayModel.Layer.ERRORS))
                .withGradient(layer(o, OverlayModel.Layer.GRADIENT), o.gradientScale.get())
                .withDiceOptimal(layer(o, OverlayModel.Layer.DICE_OPTIMAL))
                .withRegion(layer(o, OverlayModel.Layer.REGION))
                .withCrosshair(false);
    }

    private static LayerSetting layer(OverlayModel o, OverlayModel.Layer l) {
        return new LayerSetting(o.on(l), Math.max(0, Math.min(1, o.opacity(l))));
    }

    /** The render package's colormap for a choice of the overlay panel. */
    public static Colormap colormap(OverlayModel.ColormapChoice c) {
        return switch (c) {
            case HOT -> Colormap.HOT;
            case GREY -> Colormap.GREY;
            default -> Colormap.VIRIDIS;
        };
    }

    /** The frame for the current state; null when no case is loaded. */
    public static SliceFrame build(ViewerModel vm, DisplayModel d, SliceInputs inputs) {
        return build(vm, d, inputs, null);
    }

    /** The frame for the current state with the lesion / boundary-distance layer (null: none); null without a case. */
    public static SliceFrame build(ViewerModel vm, DisplayModel d, SliceInputs inputs,
            org.dicelens.render.SpatialLayer spatial) {
        LoadedCase lc = vm.current();
        if (lc == null || vm.controls().classes().isEmpty()) {
            return null;
        }
        Settings s = vm.controls().toSettings();
        CaseMetrics m = vm.metricsProperty().get();
        int c = vm.selectedChannel();
        double tOpt = SliceAssembly.diceOptimalThreshold(m, c);
        SliceInputs in = (inputs == null ? SliceInputs.none() : inputs).withDiceOptimalThreshold(tOpt);
        SliceFrame.GradientSource g = null;
        if (d.overlays().on(OverlayModel.Layer.GRADIENT) && m != null) {
            var loss = d.overlays().gradientLoss.get();
            boolean logit = d.overlays().gradientWrtLogit.get();
            double[] w = SliceAssembly.gdlWeights(m);
            g = (axis, slice, out) -> lc.analysis().gradientSlice(s, w, c, loss, logit, axis, slice, out);
        }
        return new SliceFrame(lc.data(), s, overlays(vm, d), in, d.crosshair().voxel(), g, agreement(vm, d.overlays()),
                spatial);
    }

    /** The raters' agreement layer of the chosen class, or null when the case has no raters or both layers are off. */
    public static AgreementLayer agreement(ViewerModel vm, OverlayModel o) {
        LoadedCase lc = vm.current();
        boolean heat = o.on(OverlayModel.Layer.AGREEMENT);
        boolean outline = o.on(OverlayModel.Layer.CONSENSUS);
        if (lc == null || lc.raters() == null || !(heat || outline)) {
            return null;
        }
        var ref = lc.raters().reference();
        return new AgreementLayer(ref, vm.selectedChannel(), new AgreementLayer.Style(heat,
                o.opacity(OverlayModel.Layer.AGREEMENT), !o.agreementAsQHat.get() && !ref.isSoft(), outline,
                o.opacity(OverlayModel.Layer.CONSENSUS)));
    }
}
