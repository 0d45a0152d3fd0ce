package org.dicelens.ui.model;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import org.dicelens.metrics.GradientLoss;

/** The overlays drawn on the slices, each with a toggle and an opacity, plus their options. */
public final class OverlayModel {
    /** Overlay layers, bottom to top. */
    public enum Layer {
        REFERENCE("Reference"), PROBABILITY("Probability"), HARD("Hard mask (contour)"), ERRORS("Errors TP/FP/FN"),
        GRADIENT("Loss gradient"), DICE_OPTIMAL("Dice-optimal (contour)"), REGION("Evaluation region"),
        AGREEMENT("Rater agreement"), CONSENSUS("Consensus / dissensus (contour)"),
        LESIONS("Lesion outlines"), BOUNDARY_DISTANCE("Boundary distance (mm)");

        public final String label;

        Layer(String label) {
            this.label = label;
        }
    }

    /** Probability colormaps as FSLeyes and NiiVue name them. */
    public enum ColormapChoice {
        VIRIDIS, HOT, GREY
    }

    /** Switch and opacity of one layer. */
    public static final class LayerState {
        public final BooleanProperty enabled = new SimpleBooleanProperty();
        public final DoubleProperty opacity = new SimpleDoubleProperty();

        LayerState(boolean on, double alpha) {
            enabled.set(on);
            opacity.set(alpha);
        }
    }

    /** A snapshot for sessions and for the compositor. */
    public record State(Map<Layer, Boolean> enabled, Map<Layer, Double> opacity, boolean referenceFilled, ColormapChoice colormap,
            GradientLoss gradientLoss, boolean gradientWrtLogit) {
    }

    private final Map<Layer, LayerState> layers = new EnumMap<>(Layer.class);
    public final BooleanProperty referenceFilled = new SimpleBooleanProperty(false);
    public final ObjectProperty<ColormapChoice> colormap = new SimpleObjectProperty<>(ColormapChoice.VIRIDIS);
    public final ObjectProperty<GradientLoss> gradientLoss = new SimpleObjectProperty<>(GradientLoss.SOFT_DICE);
    public final BooleanProperty gradientWrtLogit = new SimpleBooleanProperty(false);
    /**
     * The gradient map's colour scale: |gradient| drawn at full colour, one value for the whole volume (a robust
     * percentile over the region, {@link GradientScaleModel}); NaN until computed (each slice then uses its own
     * largest value).
     */
    public final DoubleProperty gradientScale = new SimpleDoubleProperty(Double.NaN);
    /** Keep {@link #gradientScale} while controls move, so maps under different settings compare colour for colour. */
    public final BooleanProperty gradientScaleFixed = new SimpleBooleanProperty(false);
    /** The agreement overlay shows q̂ (true) or the number of raters (false; a soft reference always shows q̂). */
    public final BooleanProperty agreementAsQHat = new SimpleBooleanProperty(false);
    /**
     * The boundary-distance colour bar's top in mm as last drawn (NaN: nothing drawn yet or distances undefined); set by
     * the views from the voxel tier's result, read by the legend.
     */
    public final DoubleProperty distanceLimitMm = new SimpleDoubleProperty(Double.NaN);
    /** What the lesion and distance overlays show beyond their colours: "updating…", why nothing is drawn, or "". */
    public final javafx.beans.property.StringProperty spatialStatus = new javafx.beans.property.SimpleStringProperty("");

    public OverlayModel() {
        layers.put(Layer.REFERENCE, new LayerState(true, 0.9));
        layers.put(Layer.PROBABILITY, new LayerState(true, 0.45));
        layers.put(Layer.HARD, new LayerState(true, 1.0));
        layers.put(Layer.ERRORS, new LayerState(false, 0.6));
        layers.put(Layer.GRADIENT, new LayerState(false, 0.7));
        layers.put(Layer.DICE_OPTIMAL, new LayerState(false, 1.0));
        layers.put(Layer.REGION, new LayerState(true, 1.0));
        layers.put(Layer.AGREEMENT, new LayerState(false, 0.6));
        layers.put(Layer.CONSENSUS, new LayerState(false, 1.0));
        layers.put(Layer.LESIONS, new LayerState(false, 1.0));
        layers.put(Layer.BOUNDARY_DISTANCE, new LayerState(false, 0.9));
    }

    public LayerState layer(Layer l) {
        return layers.get(l);
    }

    public boolean on(Layer l) {
        return layers.get(l).enabled.get();
    }

    public double opacity(Layer l) {
        return layers.get(l).opacity.get();
    }

    /** Calls {@code onChange} whenever any overlay control changes (the views repaint). */
    public void addListener(Runnable onChange) {
        ChangeListener<Object> l = (o, a, b) -> onChange.run();
        for (LayerState s : layers.values()) {
            s.enabled.addListener(l);
            s.opacity.addListener(l);
        }
        for (Observable o : new Observable[] {referenceFilled, colormap, gradientLoss, gradientWrtLogit,
            agreementAsQHat, gradientScale}) {
            o.addListener(x -> onChange.run());
        }
    }

    public State snapshot() {
        Map<Layer, Boolean> en = new EnumMap<>(Layer.class);
        Map<Layer, Double> op = new EnumMap<>(Layer.class);
        layers.forEach((k, v) -> {
            en.put(k, v.enabled.get());
            op.put(k, v.opacity.get());
        });
        return new State(en, op, referenceFilled.get(), colormap.get(), gradientLoss.get(), gradientWrtLogit.get());
    }

    public void restore(State s) {
        if (s == null) {
            return;
        }
        if (s.enabled() != null) {
            s.enabled().forEach((k, v) -> {
                if (layers.containsKey(k)) {
                    layers.get(k).enabled.set(v);
                }
            });
        }
        if (s.opacity() != null) {
            s.opacity().forEach((k, v) -> layers.get(k).opacity.set(Math.max(0, Math.min(1, v))));
        }
        referenceFilled.set(s.referenceFilled());
        if (s.colormap() != null) {
            colormap.set(s.colormap());
        }
        if (s.gradientLoss() != null) {
            gradientLoss.set(s.gradientLoss());
        }
        gradientWrtLogit.set(s.gradientWrtLogit());
    }
}
