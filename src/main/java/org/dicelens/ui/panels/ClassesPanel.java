package org.dicelens.ui.panels;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.dicelens.metrics.HardMode;
import org.dicelens.app.cases.CaseFolder;
import org.dicelens.ui.model.ClassControl;
import org.dicelens.ui.model.ControlsModel;
import org.dicelens.ui.model.LoadedCase;
import org.dicelens.ui.model.ViewerModel;

/**
 * Left panel: per-class colour, overlay opacity, name, visibility, chosen class and threshold; global slider;
 * threshold/argmax mode.
 */
public final class ClassesPanel extends VBox {
    private final ControlsModel controls;
    private final GridPane rows = new GridPane();
    /** The class rows' scroll pane: never shorter than six rows (or all of them), see {@link #rebuild()}. */
    private final ScrollPane scroll;
    private final ToggleGroup chosen = new ToggleGroup();

    /** The prediction switcher: other complete predictions beside the case (calibrated, over-confident, …). */
    private final ComboBox<List<Path>> prediction = new ComboBox<>();
    private boolean switching;

    public ClassesPanel(ViewerModel vm) {
        this(vm.controls());
        prediction.setId("predictionSwitcher");
        prediction.setMaxWidth(Double.MAX_VALUE);
        prediction.setTooltip(Help.tip("Other predictions of this case found beside it: switch to compare, e.g. a "
                + "calibrated model against an over-confident one"));
        prediction.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(List<Path> p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : CaseFolder.label(p));
            }
        });
        prediction.setButtonCell(prediction.getCellFactory().call(null));
        vm.currentProperty().addListener((o, a, lc) -> {
            switching = true;
            List<List<Path>> alts = lc == null ? List.of()
                    : CaseFolder.predictionSetsBeside(lc.files());
            prediction.getItems().setAll(alts);
            if (lc != null && alts.contains(lc.files().predictions())) {
                prediction.setValue(lc.files().predictions());
            } else {
                prediction.setValue(null);
            }
            prediction.setDisable(alts.size() < 2);
            switching = false;
        });
        prediction.valueProperty().addListener((o, a, p) -> {
            LoadedCase lc = vm.current();
            if (!switching && p != null && lc != null && !lc.files().predictions().equals(p)) {
                vm.open(lc.files().withPredictions(p));
            }
        });
        // a long name (per-class files) must not squeeze the label: the box takes what is left and elides
        prediction.setPrefWidth(80);
        Label predictionLabel = new Label("Prediction");
        predictionLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(6, predictionLabel, prediction);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(prediction, Priority.ALWAYS);
        getChildren().add(1, row);
        getChildren().add(2, regionChooser(vm));
    }

    /** A region model's regions (whole tumour, tumour core, …): one shown at a time, against its label union. */
    private static HBox regionChooser(ViewerModel vm) {
        ComboBox<String> region = new ComboBox<>();
        region.setId("regionChooser");
        region.setMaxWidth(Double.MAX_VALUE);
        region.setTooltip(Help.tip("A region model (dataset.json regions_class_order): each region is evaluated against "
                + "the union of its labels in the reference, with its own sigmoid channel"));
        HBox row = new HBox(6, new Label("Region"), region);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(region, Priority.ALWAYS);
        boolean[] switching = new boolean[1];
        vm.currentProperty().addListener((o, a, lc) -> {
            switching[0] = true;
            region.getItems().setAll(lc == null ? List.of() : lc.regions().stream()
                    .map(c -> c.classes().get(1).name()).toList());
            region.getSelectionModel().select(lc == null ? -1 : lc.region());
            switching[0] = false;
            row.setVisible(lc != null && lc.hasRegions());
            row.setManaged(row.isVisible());
        });
        region.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (!switching[0] && i.intValue() >= 0) {
                vm.chooseRegion(i.intValue());
            }
        });
        row.setVisible(false);
        row.setManaged(false);
        return row;
    }

    public ClassesPanel(ControlsModel controls) {
        this.controls = controls;
        setSpacing(6);
        setPadding(new Insets(4, 6, 6, 6));
        getStyleClass().add("panel");

        Slider global = StepSlider.of(controls.globalThresholdStepProperty());
        global.setId("globalThreshold");
        Label globalValue = new Label();
        globalValue.textProperty().bind(controls.globalThresholdStepProperty().asString().map(s -> "t = "
                + Fmt.step(Integer.parseInt(s))));
        global.setTooltip(Help.tip("Sets every class's threshold at once."));
        LayoutBoundary globalSlider = new LayoutBoundary(global); // see the class rows below
        HBox globalRow = new HBox(6, new Label("All"), globalSlider, new LayoutBoundary(globalValue));
        globalRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(globalSlider, Priority.ALWAYS);

        ToggleGroup modeGroup = new ToggleGroup();
        RadioButton threshold = new RadioButton("Threshold p ≥ t");
        RadioButton argmax = new RadioButton("Argmax");
        threshold.setId("modeThreshold");
        argmax.setId("modeArgmax");
        threshold.setToggleGroup(modeGroup);
        argmax.setToggleGroup(modeGroup);
        threshold.setSelected(controls.modeProperty().get() == HardMode.THRESHOLD);
        argmax.setSelected(controls.modeProperty().get() == HardMode.ARGMAX);
        modeGroup.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                controls.modeProperty().set(t == argmax ? HardMode.ARGMAX : HardMode.THRESHOLD);
            }
        });
        controls.modeProperty().addListener((o, a, m) -> (m == HardMode.ARGMAX ? argmax : threshold).setSelected(true));
        argmax.disableProperty().bind(controls.modeLockProperty().isNotNull());
        Label lock = new Label();
        lock.setId("modeLock");
        lock.setWrapText(true);
        lock.textProperty().bind(controls.modeLockProperty());
        lock.setTooltip(Help.tip("Regions overlap (whole tumour holds tumour core) and their channels need not sum to 1, "
                + "so argmax has no meaning: each region is judged by its own threshold p ≥ t against the union of its "
                + "labels, as nnU-Net does at t = 0.5."));
        lock.visibleProperty().bind(controls.modeLockProperty().isNotNull());
        lock.managedProperty().bind(lock.visibleProperty());
        Slider floor = StepSlider.of(controls.confidenceFloorStepProperty());
        floor.disableProperty().bind(controls.modeProperty().isNotEqualTo(HardMode.ARGMAX));
        floor.setTooltip(Help.tip("Argmax mode: a voxel whose largest p is below this floor goes to background."));
        Label floorValue = new Label();
        floorValue.textProperty().bind(controls.confidenceFloorStepProperty().asString().map(s -> "c = "
                + Fmt.step(Integer.parseInt(s))));
        HBox floorRow = new HBox(6, new Label("Floor"), floor, floorValue);
        floorRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(floor, Priority.ALWAYS);

        rows.setHgap(6);
        rows.setVgap(4);
        scroll = LiveScroll.of(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        getChildren().addAll(Help.header("Classes", HelpText.CLASSES), globalRow, new HBox(12, threshold, argmax), lock, floorRow,
                new Separator(), scroll);
        controls.classes().addListener((ListChangeListener<ClassControl>) c -> rebuild());
        controls.selectedClassProperty().addListener((o, a, v) -> selectToggle());
        rebuild();
    }

    private void rebuild() {
        rows.getChildren().clear();
        chosen.getToggles().clear();
        // a crowded column squeezed the list to 2.5 rows at 1080 px: keep up to six rows (two-line names: 34 px)
        scroll.setMinHeight(Math.min(controls.classes().size(), 6) * 34 + 6);
        int r = 0;
        for (ClassControl c : controls.classes()) {
            ClassSwatch swatch = new ClassSwatch(c); // colour, and the class's overlay opacity on a click
            CheckBox visible = new CheckBox();
            visible.selectedProperty().bindBidirectional(c.visibleProperty());
            visible.setTooltip(Help.tip("Show this class's overlays"));
            RadioButton pick = new RadioButton();
            pick.setToggleGroup(chosen);
            pick.setUserData(c.channel());
            pick.setTooltip(Help.tip("Choose this class for the heat map, charts, losses and formula strip"));
            pick.setOnAction(e -> controls.selectedClassProperty().set(c.channel()));
            Label name = new Label();
            name.textProperty().bind(c.nameProperty());
            name.setMinWidth(76);
            name.setMaxWidth(120);
            // long names ("non-enhancing tumour core") wrap instead of ending in "…"
            name.setWrapText(true);
            name.setId("className-" + c.channel());
            name.tooltipProperty().bind(c.nameProperty().map(Help::tip));
            Slider s = StepSlider.of(c.thresholdStepProperty());
            s.setId("threshold-" + c.channel());
            s.disableProperty().bind(controls.modeProperty().isEqualTo(HardMode.ARGMAX));
            s.setPrefWidth(80);
            s.setMinWidth(50);
            Label value = new Label();
            value.setId("thresholdValue-" + c.channel());
            value.textProperty().bind(c.thresholdStepProperty().asString().map(v -> Fmt.step(Integer.parseInt(v))));
            value.setMinWidth(38);
            // the moved slider's thumb and its value's text would otherwise lay out the panel and the window each step
            LayoutBoundary slider = new LayoutBoundary(s);
            rows.addRow(r++, pick, visible, swatch, name, slider, new LayoutBoundary(value));
            GridPane.setHgrow(slider, Priority.ALWAYS);
        }
        selectToggle();
    }

    private void selectToggle() {
        chosen.getToggles().forEach(t -> t.setSelected(t.getUserData().equals(controls.selectedClassProperty().get())));
    }

    static Color colour(Number argb) {
        int v = argb.intValue();
        return Color.rgb((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
    }
}
