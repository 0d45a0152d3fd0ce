package org.dicelens.ui.cohort;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dicelens.metrics.HardMode;
import org.dicelens.metrics.Settings;
import org.dicelens.metrics.cohort.ClassSummary;
import org.dicelens.metrics.cohort.CohortClass;
import org.dicelens.metrics.cohort.CohortSummary;
import org.dicelens.ui.model.ClassControl;
import org.dicelens.ui.model.CohortModel;
import org.dicelens.ui.model.ControlsModel;
import org.dicelens.ui.panels.Fmt;
import org.dicelens.ui.panels.Help;
import org.dicelens.ui.panels.StepSlider;

/**
 * The cohort view: its controls (class, the class's threshold, threshold or argmax with the confidence floor, margin),
 * the per-case table of the chosen class, the summary line and the four plots ({@link CohortCharts}); while loading a
 * progress bar and Cancel; failed cases listed at the bottom. Binds to a {@link CohortModel}; computes nothing.
 */
public final class CohortPanel extends BorderPane {
    static final String HELP = "A validation set at a glance. Each case is reduced to its statistics, so every control "
            + "recomputes every number here at once. Table: one row per case of the chosen class (click a header to "
            + "sort, a row to open the case with these settings; a point in the Bland–Altman plot or the scatter opens its "
            + "case too). Bland–Altman: ΔV = V_pred − V_ref against the mean "
            + "of the two, hard (blue) and soft (pink), with the mean (bias) and mean ± 1.96 sd of ΔV_hard. Scatter: "
            + "V_pred against V_ref; points above the diagonal over-estimate. Curves: mean over cases of the hard Dice "
            + "and of ΔV_hard against t, with t, the threshold maximising the mean Dice and the one whose mean ΔV_hard "
            + "is nearest 0. Dice over cases: per class a box from the first to the third quartile with the median, whiskers "
            + "to the extremes and one cross per case, soft (pink) and hard (blue) Dice. A class absent from a case's reference and prediction is left out of that case.";
    private final CohortModel model;
    private final CohortTable table;
    private final CohortCharts charts;
    private final ChoiceBox<String> classChoice = new ChoiceBox<>();
    private final Slider threshold = new Slider(0, 1, 0.5);
    private final Label thresholdValue = new Label();
    private final Label summaryLine = new Label();
    private final Label failures = new Label();
    private boolean guard;

    /** {@code openCase} hears a case's name and whether the second model's prediction was clicked. */
    public CohortPanel(CohortModel model, BiConsumer<String, Boolean> openCase) {
        this.model = model;
        setId("cohortPanel");
        getStyleClass().add("panel");
        table = new CohortTable(name -> openCase.accept(name, false));
        charts = new CohortCharts(openCase);
        ControlsModel c = model.controls();

        Label title = new Label();
        title.textProperty().bind(model.titleProperty());
        title.setStyle("-fx-font-weight: bold;");
        classChoice.setId("cohortClass");
        classChoice.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (!guard && i.intValue() >= 0) {
                c.selectedClassProperty().set(i.intValue());
            }
        });
        c.classes().addListener((ListChangeListener<ClassControl>) x -> refillClasses());
        c.selectedClassProperty().addListener(x -> {
            syncSlider();
            refresh();
        });
        threshold.setId("cohortThreshold");
        threshold.setBlockIncrement(0.01);
        threshold.valueProperty().addListener((o, a, v) -> {
            int k = c.selectedClassProperty().get();
            if (!guard && k >= 0 && k < c.classes().size()) {
                c.classes().get(k).thresholdStepProperty().set((int) Math.round(v.doubleValue() * Settings.STEPS));
            }
        });
        ChoiceBox<HardMode> mode = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(
                HardMode.values()));
        mode.valueProperty().bindBidirectional(c.modeProperty());
        mode.disableProperty().bind(c.modeLockProperty().isNotNull()); // a region model: threshold only
        Slider floor = StepSlider.of(c.confidenceFloorStepProperty());
        floor.setPrefWidth(90);
        floor.disableProperty().bind(c.modeProperty().isNotEqualTo(HardMode.ARGMAX));
        Spinner<Integer> margin = new Spinner<>(Settings.WHOLE_VOLUME, 200, c.marginProperty().get());
        margin.setPrefWidth(80);
        margin.setEditable(true);
        margin.valueProperty().addListener((o, a, v) -> c.marginProperty().set(v));
        c.marginProperty().addListener((o, a, v) -> margin.getValueFactory().setValue(v.intValue()));
        margin.setTooltip(Help.tip("Evaluation margin in voxels around the reference foreground (−1: whole volume)"));

        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progressProperty());
        Label msg = new Label();
        msg.textProperty().bind(model.messageProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.cancel());
        HBox loading = new HBox(6, bar, msg, cancel);
        loading.setAlignment(Pos.CENTER_LEFT);
        loading.visibleProperty().bind(model.loadingProperty());
        loading.managedProperty().bind(model.loadingProperty());
        Label problem = new Label();
        problem.setId("cohortProblem");
        problem.textProperty().bind(model.problemProperty());
        problem.setStyle("-fx-text-fill: #b00020;");

        ChoiceBox<org.dicelens.metrics.EmptyClasses> absent = new ChoiceBox<>(javafx.collections.FXCollections
                .observableArrayList(org.dicelens.metrics.EmptyClasses.values()));
        absent.setId("cohortEmptyClasses");
        absent.valueProperty().bindBidirectional(c.emptyClassesProperty());
        absent.setTooltip(Help.tip("ZERO: a case whose reference lacks the class counts (hard Dice 0 when it predicts "
                + "some); EXCLUDE: MONAI's ignore_empty, such a case is left out of the class's means and curves"));
        HBox controls = new HBox(8, Help.button("Cohort", HELP), title, new Label("class"), classChoice,
                new Label("t"), threshold, thresholdValue, mode, new Label("floor"), floor, new Label("margin"),
                margin, new Label("absent"), absent, loading, problem);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(4));
        summaryLine.setId("cohortSummary");
        summaryLine.setWrapText(true);
        VBox top = new VBox(2, controls, summaryLine);
        setTop(top);

        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane centre = new SplitPane(new VBox(table), charts);
        VBox.setVgrow(centre.getItems().get(0), Priority.ALWAYS);
        ((VBox) centre.getItems().get(0)).getChildren().forEach(n -> VBox.setVgrow(n, Priority.ALWAYS));
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.38);
        setCenter(centre);
        failures.setId("cohortFailures");
        failures.setWrapText(true);
        failures.setStyle("-fx-text-fill: #b00020;");
        failures.setMinHeight(Region.USE_PREF_SIZE);
        setBottom(failures);
        model.failures().addListener((ListChangeListener<CohortModel.Failure>) x -> showFailures());
        model.summaryProperty().addListener(x -> refresh());
        refillClasses();
        showFailures();
    }

    private void refillClasses() {
        ControlsModel c = model.controls();
        guard = true;
        classChoice.getItems().setAll(c.classes().stream().map(k -> k.label() + " " + k.nameProperty().get()).toList());
        guard = false;
        if (!c.classes().isEmpty()) {
            // the first foreground class: where the cohort's volume bias is
            int first = c.classes().size() > 1 && c.classes().get(0).label() == 0 ? 1 : 0;
            c.selectedClassProperty().set(first);
        }
        syncSlider();
        refresh();
    }

    private void syncSlider() {
        ControlsModel c = model.controls();
        int k = c.selectedClassProperty().get();
        if (k >= 0 && k < c.classes().size()) {
            guard = true;
            classChoice.getSelectionModel().select(k);
            threshold.setValue(c.classes().get(k).thresholdStepProperty().get() / (double) Settings.STEPS);
            guard = false;
        }
    }

    private void refresh() {
        CohortSummary s = model.summaryProperty().get();
        int k = model.controls().selectedClassProperty().get();
        CohortClass cc = s != null && k >= 0 && k < s.classes().size() ? s.classes().get(k) : null;
        table.show(cc == null ? List.of() : cc.points());
        CohortSummary sb = model.comparedSummaryProperty().get();
        CohortClass cb = sb != null && k >= 0 && k < sb.classes().size() ? sb.classes().get(k) : null;
        charts.show(cc, cb, model.comparedNameProperty().get(), s == null ? null : s.settings(), k);
        charts.showDistribution(model.distributionProperty().get(), model.comparedNameProperty().get());
        if (s != null && s.settings().mode() == HardMode.THRESHOLD && k < s.settings().thresholdSteps().length) {
            thresholdValue.setText(Fmt.step(s.settings().thresholdSteps()[k]));
        }
        String line = cc == null ? "" : describe(cc.summary());
        org.dicelens.ui.model.PairedDelta d = model.paired(k);
        if (cc != null && cb != null && d != null) {
            line += String.format(Locale.ROOT, "%n%s: mean hard Dice %.4f · ΔV_hard bias %s mL · paired difference "
                    + "ΔV_hard(%s) − ΔV_hard(%s): mean %s mL (sd %s, %d cases)", model.comparedNameProperty().get(),
                    cb.summary().meanHardDice(), Fmt.signed(cb.summary().meanDeltaHardMl(), 3),
                    model.titleProperty().get().split(" — ")[0], model.comparedNameProperty().get(),
                    Fmt.signed(d.meanDiffMl(), 3), Fmt.num(d.sdDiffMl(), 3), d.cases());
        }
        summaryLine.setText(line);
    }

    static String describe(ClassSummary k) {
        return String.format(Locale.ROOT, "%s (label %d): %d cases · mean soft Dice %.4f · mean hard Dice %.4f "
                + "(sd %.4f, median %.4f) · ΔV_hard bias %s mL, limits %s … %s · ΔV_soft bias %s mL · cohort t_best "
                + "%.3f (mean Dice %.4f) · t with mean ΔV_hard ≈ 0: %.3f · r(V_hard, V_ref) %.3f", k.name(), k.label(),
                k.cases(), k.meanSoftDice(), k.meanHardDice(), k.sdHardDice(), k.medianHardDice(),
                Fmt.signed(k.meanDeltaHardMl(), 3), Fmt.signed(k.loaLowHardMl(), 3), Fmt.signed(k.loaHighHardMl(), 3),
                Fmt.signed(k.meanDeltaSoftMl(), 3), k.cohortBestThreshold(), k.cohortBestMeanHardDice(),
                k.cohortZeroBiasThreshold(), k.correlationHardRef());
    }

    private void showFailures() {
        List<CohortModel.Failure> f = model.failures();
        failures.setText(f.isEmpty() ? "" : f.size() + " case(s) not summarised: " + String.join("; ",
                f.stream().map(x -> x.caseName() + ": " + x.error()).toList()));
    }

    public CohortTable table() {
        return table;
    }

    public Slider threshold() {
        return threshold;
    }
}
