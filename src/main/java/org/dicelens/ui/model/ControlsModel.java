package org.dicelens.ui.model;

import java.util.Arrays;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dicelens.metrics.EmptyClasses;
import org.dicelens.metrics.EmptyRule;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.WeightScheme;
import org.dicelens.volume.ClassInfo;
import org.dicelens.volume.ClassTable;

/**
 * Every control that changes a number without changing the voxels, as properties, and the {@link Settings} they make.
 * {@link #settingsProperty()} changes once per user action (the global slider moving all classes is one action), and
 * the root model hands each new value to the engine off the FX thread.
 */
public final class ControlsModel {
    private final ObservableList<ClassControl> classes = FXCollections.observableArrayList();
    private final IntegerProperty globalThresholdStep = new SimpleIntegerProperty(Settings.STEPS / 2);
    private final ObjectProperty<HardMode> mode = new SimpleObjectProperty<>(HardMode.THRESHOLD);
    private final IntegerProperty confidenceFloorStep = new SimpleIntegerProperty(0);
    /** {@link Settings#WHOLE_VOLUME} (-1) means m = ∞. */
    private final IntegerProperty margin = new SimpleIntegerProperty(Settings.WHOLE_VOLUME);
    private final ObjectProperty<WeightScheme> weightScheme = new SimpleObjectProperty<>(WeightScheme.SQUARE);
    private final ObjectProperty<double[]> customWeights = new SimpleObjectProperty<>();
    private final ObjectProperty<EmptyRule> emptyRule = new SimpleObjectProperty<>(EmptyRule.MAX);
    private final BooleanProperty includeBackground = new SimpleBooleanProperty(true);
    private final IntegerProperty calibrationBins = new SimpleIntegerProperty(10);
    private final ObjectProperty<EmptyClasses> emptyClasses = new SimpleObjectProperty<>(EmptyClasses.ZERO);
    /** The class the Losses panel, heat map, charts and formula strip show. */
    private final IntegerProperty selectedClass = new SimpleIntegerProperty(0);
    private final LossControls losses = new LossControls();
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>();
    /** Why the mode is locked to threshold (a region model), or null when the user may choose. */
    private final javafx.beans.property.ReadOnlyStringWrapper modeLock = new javafx.beans.property.ReadOnlyStringWrapper();
    private int batch;

    public ControlsModel() {
        Observable[] common = {mode, confidenceFloorStep, margin, weightScheme, customWeights, emptyRule, includeBackground,
            calibrationBins, emptyClasses};
        for (Observable o : common) {
            o.addListener(x -> refresh());
        }
        for (Observable o : losses.all()) {
            o.addListener(x -> refresh());
        }
        mode.addListener((o, was, now) -> {
            if (modeLock.get() != null && now != HardMode.THRESHOLD) {
                mode.set(HardMode.THRESHOLD); // a session or a click cannot leave threshold mode while locked
            }
        });
        globalThresholdStep.addListener((obs, was, now) -> batch(() -> {
            for (ClassControl c : classes) {
                c.thresholdStepProperty().set(now.intValue());
            }
        }));
    }

    /** Replaces the classes by those of a newly loaded case, keeping every other control. */
    public void resetClasses(ClassTable table) {
        batch(() -> {
            classes.clear();
            List<ClassInfo> all = table.all();
            for (int c = 0; c < all.size(); c++) {
                ClassInfo info = all.get(c);
                ClassControl cc = new ClassControl(c, info.label(), info.name(), info.argb());
                cc.thresholdStepProperty().set(globalThresholdStep.get());
                cc.thresholdStepProperty().addListener(x -> refresh());
                classes.add(cc);
            }
            if (customWeights.get() != null && customWeights.get().length != all.size()) {
                customWeights.set(null);
            }
            int fg = table.backgroundChannel() == 0 && all.size() > 1 ? 1 : 0;
            selectedClass.set(Math.min(Math.max(selectedClass.get(), fg), all.size() - 1));
        });
    }

    /**
     * A newly loaded case with the same labels (e.g. the same files with a class table): keeps every control but takes
     * the table's names and colours, so the Classes panel shows what the slices, table and charts show.
     */
    public void renameClasses(ClassTable table) {
        List<ClassInfo> all = table.all();
        for (int c = 0; c < Math.min(all.size(), classes.size()); c++) {
            classes.get(c).nameProperty().set(all.get(c).name());
            classes.get(c).argbProperty().set(all.get(c).argb());
        }
    }

    /** Runs several control changes as one: {@link #settingsProperty()} changes once at the end. */
    public void batch(Runnable changes) {
        batch++;
        try {
            changes.run();
        } finally {
            batch--;
        }
        refresh();
    }

    private void refresh() {
        if (batch == 0 && !classes.isEmpty()) {
            settings.set(toSettings());
        }
    }

    public Settings toSettings() {
        int[] steps = new int[classes.size()];
        for (int c = 0; c < steps.length; c++) {
            steps[c] = classes.get(c).thresholdStepProperty().get();
        }
        double[] custom = customWeights.get();
        if (weightScheme.get() == WeightScheme.CUSTOM && (custom == null || custom.length != steps.length)) {
            custom = new double[steps.length];
            Arrays.fill(custom, 1.0);
        }
        return new Settings(mode.get(), steps, confidenceFloorStep.get(), margin.get(), weightScheme.get(),
                custom == null ? null : custom.clone(), emptyRule.get(), includeBackground.get(), losses.get(),
                calibrationBins.get(), emptyClasses.get());
    }

    /** Sets every control from a Settings (a reopened session); the class list must already match. */
    public void apply(Settings s) {
        batch(() -> {
            mode.set(s.mode());
            confidenceFloorStep.set(s.confidenceFloorStep());
            margin.set(s.margin());
            weightScheme.set(s.weightScheme());
            customWeights.set(s.customWeights() == null ? null : s.customWeights().clone());
            emptyRule.set(s.emptyRule());
            includeBackground.set(s.includeBackground());
            calibrationBins.set(s.calibrationBins());
            emptyClasses.set(s.emptyClasses());
            losses.set(s.losses());
            int[] t = s.thresholdSteps();
            if (t.length > 0 && java.util.Arrays.stream(t).allMatch(x -> x == t[0])) {
                globalThresholdStep.set(t[0]); // the "All" slider says what every class has
            }
            for (int c = 0; c < Math.min(t.length, classes.size()); c++) {
                classes.get(c).thresholdStepProperty().set(t[c]);
            }
        });
    }

    /** Locks the mode to threshold, saying why ({@code reason}), or unlocks it (null). */
    public void lockMode(String reason) {
        modeLock.set(reason);
        if (reason != null) {
            mode.set(HardMode.THRESHOLD);
        }
    }

    /** Why the mode is locked to threshold, or null. */
    public javafx.beans.property.ReadOnlyStringProperty modeLockProperty() {
        return modeLock.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ObservableList<ClassControl> classes() {
        return classes;
    }

    public IntegerProperty globalThresholdStepProperty() {
        return globalThresholdStep;
    }

    public ObjectProperty<HardMode> modeProperty() {
        return mode;
    }

    public IntegerProperty confidenceFloorStepProperty() {
        return confidenceFloorStep;
    }

    public IntegerProperty marginProperty() {
        return margin;
    }

    public ObjectProperty<WeightScheme> weightSchemeProperty() {
        return weightScheme;
    }

    public ObjectProperty<double[]> customWeightsProperty() {
        return customWeights;
    }

    public ObjectProperty<EmptyRule> emptyRuleProperty() {
        return emptyRule;
    }

    public BooleanProperty includeBackgroundProperty() {
        return includeBackground;
    }

    /** Hard Dice and means of a class absent from the reference (MONAI's ignore_empty when EXCLUDE). */
    public ObjectProperty<EmptyClasses> emptyClassesProperty() {
        return emptyClasses;
    }

    public IntegerProperty selectedClassProperty() {
        return selectedClass;
    }

    public LossControls losses() {
        return losses;
    }
}
