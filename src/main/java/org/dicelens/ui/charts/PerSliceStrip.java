package org.dicelens.ui.charts;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;
import org.dicelens.render.ViewAxis;
import org.dicelens.ui.model.CrosshairModel;
import org.dicelens.ui.model.Curves;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;

/**
 * Hard and soft Dice of the chosen class per slice of the chosen view; a click jumps the crosshair to that slice
 * and a marker shows the current one. The strip follows a view (axial, coronal, sagittal), mapped to the voxel axis
 * that view steps through on the case's grid ({@link StripAxis}), and numbers slices from 1 as the views' titles do.
 * Empty slices (no reference, no prediction) are gaps, not 1.
 */
public final class PerSliceStrip extends PlotCanvas {
    private final ViewerModel vm;
    private final CrosshairModel crosshair;
    private final ObjectProperty<ViewAxis> view = new SimpleObjectProperty<>(ViewAxis.AXIAL);

    public PerSliceStrip(ViewerModel vm, CrosshairModel crosshair) {
        this.vm = vm;
        this.crosshair = crosshair;
        setId("perSliceStrip");
        setPrefHeight(110);
        setMinHeight(80);
        setLabels("Per-slice Dice (click to jump)", "axial slice", "");
        setMessage("waiting for the engine's per-slice figures");
        vm.perSliceProperty().addListener(x -> show());
        for (int a = 0; a < 3; a++) {
            crosshair.axisProperty(a).addListener(x -> show());
        }
        view.addListener(x -> follow());
        vm.currentProperty().addListener(x -> follow());
        vm.perSliceAxisProperty().addListener((o, a, axis) -> { // set from elsewhere (a session): show its view
            LoadedCase c = vm.current();
            if (c != null) {
                view.set(StripAxis.viewOf(c.data().geometry(), axis.intValue()));
            }
        });
        follow();
        setOnPick(x -> {
            Curves.PerSlice p = vm.perSliceProperty().get();
            if (p != null) {
                crosshair.set(p.axis(), (int) Math.round(x) - 1); // slices are numbered from 1
            }
        });
    }

    /** The view whose slices the strip steps through. */
    public ObjectProperty<ViewAxis> viewProperty() {
        return view;
    }

    /** A choice of the strip's view, bound to {@link #viewProperty()}. */
    public ChoiceBox<ViewAxis> viewChoice() {
        ChoiceBox<ViewAxis> box = new ChoiceBox<>(FXCollections.observableArrayList(ViewAxis.values()));
        box.setId("perSliceView");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(ViewAxis v) {
                return v == null ? "" : StripAxis.label(v);
            }

            @Override
            public ViewAxis fromString(String s) {
                return ViewAxis.parse(s);
            }
        });
        box.valueProperty().bindBidirectional(view);
        return box;
    }

    /** Points the engine's per-slice figures at the voxel axis the chosen view steps through on this grid. */
    private void follow() {
        setLabels("Per-slice Dice (click to jump)", StripAxis.label(view.get()) + " slice", "");
        LoadedCase c = vm.current();
        if (c != null) {
            vm.perSliceAxisProperty().set(StripAxis.voxelAxis(c.data().geometry(), view.get()));
        }
        show();
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
                x[i] = i + 1;
                hard[i] = p.empty()[i] ? Double.NaN : p.hardDice()[i];
                soft[i] = p.empty()[i] ? Double.NaN : p.softDice()[i];
            }
            setRange(1, Math.max(2, n), 0, 1);
            setWholeXTicks(true); // slice numbers, as the views number them
            add(new Line(x, soft, ChartColours.SOFT, false, "soft Dice"));
            addLive(new Line(x, hard, ChartColours.DICE, false, "hard Dice")); // moves with the threshold
            int at = crosshair.get(p.axis()) + 1;
            add(new Marker(at, ChartColours.T, "slice " + at + "/" + n));
        }
        redraw();
    }
}
