package org.dicelens.ui.lab;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.dicelens.app.cases.CaseFiles;
import org.dicelens.app.tasks.TaskListener;
import org.dicelens.lab.DiceOptimalTheory;
import org.dicelens.lab.Evaluation;
import org.dicelens.lab.LabConfig;
import org.dicelens.lab.LabResult;
import org.dicelens.lab.Stats;
import org.dicelens.lab.training.LabLoss;
import org.dicelens.phantom.LabCase;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.ui.panels.Help;

/**
 * The Lab tab: choose losses, uncertainty width and lesion count/size, train (off the FX thread, cancellable) with a
 * live loss curve, then read the results table and the theory curve and load any trained model's prediction on a
 * held-out case into the viewer with one click.
 */
public final class LabPanel extends ScrollPane implements LabModel.View {
    static final String HELP = "Bertels et al.'s experiment on synthetic lesions whose true posterior q is known: one "
            + "logistic model per loss is trained on the same phantoms and evaluated on held-out ones. ΔV is the signed "
            + "volume error (mL, + = too large) of the soft volume Σp and of the hard mask p ≥ 0.5, against the sampled "
            + "reference R and against the expected volume Σq. Widening the uncertain band (or making lesions small and "
            + "few) makes Dice-type losses over- or under-segment while cross-entropy stays calibrated. The theory curve "
            + "is the bias of the Dice-optimal segmentation of q itself, no training. 'Show' writes the chosen held-out "
            + "case with that prediction to a temporary folder and opens it in the viewer.";

    private final ViewerModel vm;
    private final LabModel model;
    private final Map<LabLoss, CheckBox> lossBoxes = new EnumMap<>(LabLoss.class);
    private final Slider width = new Slider(0, 8, LabConfig.smallLesions().widthMm());
    private final Spinner<Integer> count = new Spinner<>(0, 20, LabConfig.quick().phantom().lesionCount());
    private final Spinner<Double> radius = new Spinner<>(1.0, 12.0, LabConfig.quick().phantom().lesionRadiusMm(), 0.5);
    private final ChoiceBox<LabModel.Preset> size = new ChoiceBox<>();
    private final Button train = new Button("Train");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label("");
    private final LabCharts.LossCurve lossCurve = new LabCharts.LossCurve();
    private final LineChart<Number, Number> theory = LabCharts.theory(null);
    private final TableView<LabModel.Row> table = new TableView<>();
    private final Spinner<Integer> testCase = new Spinner<>(1, 1, 1);
    private final Label summary = new Label("");

    public LabPanel(ViewerModel vm) {
        this.vm = vm;
        this.model = new LabModel(vm.tasks(), this);
        FlowPane losses = new FlowPane(8, 4);
        for (LabLoss l : LabConfig.MAIN_LOSSES) {
            CheckBox b = new CheckBox(l.label());
            b.setSelected(true);
            lossBoxes.put(l, b);
            losses.getChildren().add(b);
        }
        Label widthValue = new Label();
        widthValue.textProperty().bind(width.valueProperty().asString("%.1f mm"));
        width.setMajorTickUnit(2);
        width.setShowTickMarks(true);
        width.setBlockIncrement(0.5);
        width.setPrefWidth(160);
        width.setTooltip(Help.tip("Width of the band where the true posterior q falls from 1 to 0: the label uncertainty"));
        count.setPrefWidth(70);
        count.setEditable(true);
        radius.setPrefWidth(80);
        radius.setEditable(true);
        size.getItems().addAll(LabModel.Preset.values());
        size.setValue(LabModel.Preset.QUICK);
        size.setTooltip(Help.tip("Quick: 40×40×16 synthetic lesions, 4+4 cases, 150 steps (under a minute). "
                + "Standard: 48×48×24, 8+8 cases, 400 steps (minutes). Head phantom: lesions in the project's "
                + "brain-like phantom, whose width is a logistic scale (about a quarter of a band's width)."));
        HBox uncertainty = row(new Label("Uncertainty width"), width, widthValue);
        HBox imbalance = row(new Label("Lesions"), count, new Label("radius (mm)"), radius, size);

        train.setDefaultButton(false);
        train.setOnAction(e -> start());
        cancel.setDisable(true);
        cancel.setOnAction(e -> model.cancel());
        progress.setPrefWidth(160);
        message.getStyleClass().add("hint");
        HBox run = row(train, cancel, progress, message);

        buildTable();
        testCase.setPrefWidth(70);
        testCase.setTooltip(Help.tip("Which held-out case 'Show' opens"));
        summary.setWrapText(true);
        summary.getStyleClass().add("hint");
        HBox show = row(new Label("Held-out case"), testCase, summary);

        VBox box = new VBox(6, Help.header("Lab: volume bias of training losses", HELP), losses, uncertainty, imbalance,
                run, lossCurve.chart, new Label("Results on held-out cases (means; hover a cell for ± sd)"), show, table, theory);
        box.setPadding(new Insets(4, 6, 6, 6));
        box.getStyleClass().add("panel");
        setContent(box);
        setFitToWidth(true);
        getStyleClass().add("edge-to-edge");
    }

    /**
     * The "Lab" tab holding a new panel. With {@code -Ddicelens.tab=Lab} the tab is selected once it joins its
     * TabPane (for screenshots and demos).
     */
    public static javafx.scene.control.Tab tab(ViewerModel vm) {
        javafx.scene.control.Tab t = new javafx.scene.control.Tab("Lab", new LabPanel(vm));
        if ("lab".equalsIgnoreCase(System.getProperty("dicelens.tab", ""))) {
            t.tabPaneProperty().addListener((o, was, pane) -> {
                if (pane != null) {
                    Platform.runLater(() -> pane.getSelectionModel().select(t));
                }
            });
        }
        return t;
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private void buildTable() {
        TableColumn<LabModel.Row, String> name = new TableColumn<>("Loss");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        table.getColumns().add(name);
        table.getColumns().add(statColumn("ΔV soft\nvs ref  mL", "ΔV_soft vs reference: Σp·v − R·v (mL)", Evaluation::deltaSoftRefMl));
        table.getColumns().add(statColumn("ΔV hard\nvs ref  mL", "ΔV_hard vs reference: Σ[p ≥ 0.5]·v − R·v (mL)", Evaluation::deltaHardRefMl));
        table.getColumns().add(statColumn("ΔV soft\nvs Σq·v  mL", "ΔV_soft vs expected volume: Σp·v − Σq·v (mL)",
                Evaluation::deltaSoftExpectedMl));
        table.getColumns().add(statColumn("ΔV hard\nvs Σq·v  mL", "ΔV_hard vs expected volume: Σ[p ≥ 0.5]·v − Σq·v (mL)",
                Evaluation::deltaHardExpectedMl));
        table.getColumns().add(statColumn("hard\nDice", "hard Dice of p ≥ 0.5 against the reference", Evaluation::hardDice));
        table.getColumns().add(statColumn("soft\nDice", "soft Dice 2Σp·r / (Σp + Σr)", Evaluation::softDice));
        TableColumn<LabModel.Row, LabModel.Row> show = new TableColumn<>("");
        show.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        show.setCellFactory(c -> new TableCell<>() {
            private final Button b = new Button("Show");

            @Override
            protected void updateItem(LabModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                boolean can = !empty && row != null && row.kind() != LabModel.Row.Kind.DICE_OPTIMAL;
                setGraphic(can ? b : null);
                if (can) {
                    b.setTooltip(Help.tip("Open held-out case with " + row.name() + " in the viewer"));
                    b.setOnAction(e -> showInViewer(row));
                }
            }
        });
        table.getColumns().add(show);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(200);
        table.setMinHeight(120);
        table.setPlaceholder(new Label("Train to fill this table"));
    }

    /** A column showing the mean over held-out cases; the cell's tooltip adds ± sd, the header's says what it is. */
    private static TableColumn<LabModel.Row, String> statColumn(String title, String help, Function<Evaluation, Stats> f) {
        TableColumn<LabModel.Row, String> c = new TableColumn<>();
        // two lines, quantity over unit, as in the metrics table (issue 19: "ΔVs R" named neither)
        Label header = new Label(title);
        header.setStyle("-fx-text-alignment: center;");
        header.setWrapText(false);
        header.setTooltip(Help.tip(help + "; mean over the held-out cases (hover a cell for ± sd)"));
        c.setGraphic(header);
        int decimals = title.contains("Dice") ? 3 : 2;
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(format(f.apply(r.getValue().evaluation()), decimals)));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                int i = getIndex();
                if (empty || text == null || i < 0 || i >= getTableView().getItems().size()) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                Stats s = f.apply(getTableView().getItems().get(i).evaluation());
                setText(text);
                setTooltip(Help.tip(text + " ± " + String.format(java.util.Locale.ROOT, "%." + decimals + "f", s.sd())
                        + " (n = " + s.n() + ")"));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    /** The mean, signed for volume errors (decimals 2), unsigned for Dice (decimals 3). */
    static String format(Stats s, int decimals) {
        String m = String.format(java.util.Locale.ROOT, "%+." + decimals + "f", s.mean());
        return decimals == 3 && s.mean() >= 0 ? m.substring(1) : m;
    }

    private static String meanSd(Stats s) {
        return String.format(java.util.Locale.ROOT, "%.2f ± %.2f", s.mean(), s.sd());
    }

    private void start() {
        List<LabLoss> chosen = new ArrayList<>();
        lossBoxes.forEach((l, b) -> {
            if (b.isSelected()) {
                chosen.add(l);
            }
        });
        if (chosen.isEmpty()) {
            message.setText("Choose at least one loss");
            return;
        }
        try {
            model.start(LabModel.config(chosen, width.getValue(), count.getValue(), radius.getValue(),
                    size.getValue()));
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
        }
    }

    private void showInViewer(LabModel.Row row) {
        LabResult r = model.result();
        if (r == null) {
            return;
        }
        int i = Math.min(testCase.getValue(), r.testCases().size()) - 1;
        LabCase c = r.testCases().get(i);
        float[] p = row.kind() == LabModel.Row.Kind.CALIBRATED ? c.q() : r.result(row.loss()).predictions().get(i);
        String tag = row.kind() == LabModel.Row.Kind.CALIBRATED ? "q" : row.loss().id();
        message.setText("writing " + c.name() + " (" + row.name() + ")…");
        vm.tasks().start("lab-write", progress -> LabCaseFiles.write(c, p, tag, LabCaseFiles.freshFolder()),
                new TaskListener<CaseFiles>() {
                    @Override
                    public void succeeded(CaseFiles files) {
                        message.setText("opened " + c.name() + " with " + row.name());
                        vm.open(files);
                    }

                    @Override
                    public void failed(Throwable e) {
                        vm.report("Cannot write the lab case", e);
                    }
                });
    }

    // --- LabModel.View, on the FX thread ---

    @Override
    public void started(LabConfig config) {
        train.setDisable(true);
        cancel.setDisable(false);
        progress.setProgress(0); // not indeterminate: that animation costs a core in software (see StatusBar)
        message.setText("starting…");
        lossCurve.clear();
        table.getItems().clear();
        summary.setText("");
        LabCharts.fillTheory(theory, null);
    }

    @Override
    public void progress(double fraction, String text) {
        progress.setProgress(fraction);
        message.setText(text);
    }

    @Override
    public void theory(List<DiceOptimalTheory.Point> points) {
        LabCharts.fillTheory(theory, points);
    }

    @Override
    public void lossPoints(LabLoss loss, List<double[]> points) {
        lossCurve.add(loss, points);
    }

    @Override
    public void lossResult(LabResult.LossResult result) {
        message.setText(result.loss().label() + " trained: final loss " + String.format(java.util.Locale.ROOT, "%.4f",
                result.finalLoss()));
    }

    @Override
    public void finished(LabResult result, Throwable error) {
        train.setDisable(false);
        cancel.setDisable(true);
        if (result == null) {
            progress.setProgress(0);
            message.setText(error == null ? "cancelled" : "failed: " + error.getMessage());
            if (error != null) {
                vm.report("Lab training failed", error);
            }
            return;
        }
        progress.setProgress(1);
        message.setText("done");
        table.getItems().setAll(LabModel.rows(result));
        testCase.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                result.testCases().size(), 1));
        summary.setText(String.format(java.util.Locale.ROOT, "reference R %s mL, expected Σq %s mL over %d held-out cases",
                meanSd(result.referenceMl()), meanSd(result.expectedMl()),
                result.testCases().size()));
        if (!result.theory().isEmpty()) {
            LabCharts.fillTheory(theory, result.theory());
        }
    }
}
