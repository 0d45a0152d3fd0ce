package org.dicelens.ui.charts;

import org.dicelens.ui.model.CrosshairModel;
import org.dicelens.ui.model.Curves;
import org.dicelens.ui.model.ViewerModel;

/**
 * Hard and soft Dice of the chosen class per slice along the strip's axis; a click jumps the crosshair to that slice
 * and a marker shows the current one. Empty slices (no reference, no prediction) are gaps, not 1.
 */
public final class PerSliceStrip extends PlotCanvas {
    private final ViewerModel vm;
    private final CrosshairModel crosshair;

    public PerSliceStrip(ViewerModel vm, CrosshairModel crosshair) {
        this.vm = vm;
        this.crosshair = crosshair;
        setId("perSliceStrip");
        setPrefHeight(110);
        setMinHeight(80);
        setLabels("Per-slice Dice (click to jump)", "slice", "");
        setMessage("waiting for the engine's per-slice figures");
        vm.perSliceProperty().addListener(x -> show());
        for (int a = 0; a < 3; a++) {
            crosshair.axisProperty(a).addListener(x -> show());
        }
        setOnPick(x -> {
            Curves.PerSlice p = vm.perSliceProperty().get();
            if (p != null) {
                crosshair.set(p.axis(), (int) Math.round(x));
            }
        });
    }

    private void show() {
        Curves.PerSlice p = vm.perSliceProperty().get();
        clear();
        if (p != null) {
            setMessage("");
            int n = p.hardDice().length;
            double[] x = new double[n];
            double[] hard = new double[n];
            double[] soft = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i;
                hard[i] = p.empty()[i] ? Double.NaN : p.hardDice()[i];
                soft[i] = p.empty()[i] ? Double.NaN : p.softDice()[i];
            }
            setRange(0, Math.max(1, n - 1), 0, 1);
            add(new Line(x, soft, ChartColours.SOFT, false, "soft Dice"));
            addLive(new Line(x, hard, ChartColours.DICE, false, "hard Dice")); // moves with the threshold
            add(new Marker(crosshair.get(p.axis()), ChartColours.T, "slice " + crosshair.get(p.axis())));
        }
        redraw();
    }
}
