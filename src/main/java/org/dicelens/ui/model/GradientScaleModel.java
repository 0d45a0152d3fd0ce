package org.dicelens.ui.model;

import java.util.Objects;
import org.dicelens.app.tasks.Latest;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.ClassMetrics;
import org.dicelens.metrics.GradientLoss;
import org.dicelens.metrics.GradientScale;
import org.dicelens.metrics.Settings;

/**
 * Keeps {@link OverlayModel#gradientScale} at one value for the whole volume: the 99th percentile of |∂L/∂p| over the
 * evaluation region, recomputed off the FX thread (the "gradient-scale" lane, latest wins) whenever the metrics (the
 * settings and GDL weights the map uses), the chosen class, the gradient loss or its variable change, while the map
 * is shown. With "fix scale" on, moving controls keeps the scale; a new case always gets its own.
 */
public final class GradientScaleModel {
    private record Request(Analysis analysis, Settings settings, double[] weights, int channel, GradientLoss loss,
            boolean logit) {
    }

    private final ViewerModel vm;
    private final OverlayModel o;
    private final Latest<Request, Double> lane;
    /** The case the current scale was computed for. */
    private Analysis scaled;

    public GradientScaleModel(ViewerModel vm, OverlayModel o) {
        this.vm = vm;
        this.o = o;
        lane = vm.tasks().latest("gradient-scale", r -> {
            if (r.error() != null) {
                vm.report("Could not scale the gradient map", r.error());
                return;
            }
            LoadedCase lc = vm.current();
            Analysis a = r.request().analysis();
            if (lc == null || lc.analysis() != a || (o.gradientScaleFixed.get() && scaled == a)) {
                return;
            }
            scaled = a;
            o.gradientScale.set(r.value());
        });
        vm.metricsSettingsProperty().addListener(x -> submit());
        vm.controls().selectedClassProperty().addListener(x -> submit());
        o.gradientLoss.addListener(x -> submit());
        o.gradientWrtLogit.addListener(x -> submit());
        o.layer(OverlayModel.Layer.GRADIENT).enabled.addListener(x -> submit());
        o.gradientScaleFixed.addListener((x, was, fixed) -> {
            if (!fixed) {
                submit();
            }
        });
        submit();
    }

    /** Asks for the scale of the current state (nothing while the map is hidden, or fixed for this case). */
    public void submit() {
        LoadedCase lc = vm.current();
        CaseMetrics m = vm.metricsProperty().get();
        Settings s = vm.metricsSettingsProperty().get();
        if (lc == null || m == null || s == null || !o.on(OverlayModel.Layer.GRADIENT)) {
            return;
        }
        if (o.gradientScaleFixed.get() && scaled == lc.analysis()) {
            return;
        }
        double[] w = m.classes().stream().mapToDouble(ClassMetrics::gdlWeight).toArray();
        lane.submit(new Request(lc.analysis(), s, w, vm.selectedChannel(), Objects.requireNonNull(o.gradientLoss.get()),
                o.gradientWrtLogit.get()), q -> q.analysis().gradientScale(q.settings(), q.weights(), q.channel(),
                        q.loss(), q.logit(), GradientScale.DEFAULT_PERCENTILE));
    }
}
