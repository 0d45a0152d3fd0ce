package org.dicelens.ui.panels.spatial;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dicelens.metrics.spatial.LesionMetrics;
import org.dicelens.metrics.spatial.SpatialOptions;
import org.dicelens.metrics.spatial.SpatialResult;
import org.dicelens.metrics.spatial.SurfaceMetrics;
import org.dicelens.metrics.voxel.SpatialClassMetric;
import org.dicelens.metrics.voxel.VoxelRequest;
import org.dicelens.ui.model.CrosshairModel;
import org.dicelens.ui.model.ViewerModel;
import org.dicelens.ui.model.VoxelChannel;
import org.dicelens.ui.panels.Fmt;
import org.dicelens.ui.panels.Help;

/**
 * "Boundary &amp; lesions": the selected class's boundary distances and lesion counts for the current thresholds (the
 * voxel tier's {@link SpatialClassMetric}, recomputed off the FX thread when the controls rest), a sortable lesion
 * table whose rows move the crosshair to the lesion, and a histogram of boundary distances. The metric is registered
 * the first time its tab is selected, so a viewer that never opens this tab never computes it.
 */
public final class BoundaryLesionPanel extends VBox {
    static final String HELP = "Boundary and lesion-wise metrics of the selected class at the current thresholds "
            + "(docs/FORMULAS.md): Hausdorff distance (HD), its 95th percentile (larger of the two directed ones), "
            + "average symmetric surface distance (ASSD), mean of the two directed means (MASD) and the normalised "
            + "surface distance (NSD) at tolerance τ, on face-connected borders in mm. Lesions are 26-connected "
            + "components; a reference lesion is detected when the prediction overlaps it. Click a lesion to move the "
            + "crosshair to it. Computed in the background after you stop moving a control; '—' when a mask is empty.";

    private final ViewerModel vm;
    private final CrosshairModel crosshair;
    private final Map<String, Label> values = new LinkedHashMap<>();
    private final Label title = new Label();
    private final Label note = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Spinner<Double> tau = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 50, 1, 0.5));
    private final TableView<LesionRow> table = new TableView<>();
    private final DistanceHistogram histogram = new DistanceHistogram();
    private VoxelChannel<SpatialResult> channel;

    public BoundaryLesionPanel(ViewerModel vm, CrosshairModel crosshair) {
        super(6);
        this.vm = vm;
        this.crosshair = crosshair;
        setPadding(new Insets(4, 6, 6, 6));
        busy.setId("spatialBusy");
        busy.setPrefSize(16, 16);
        busy.setVisible(false);
        tau.setId("nsdTolerance");
        tau.setPrefWidth(80);
        tau.setEditable(true);
        HBox head = Help.header("Boundary & lesions", HELP);
        head.getChildren().add(1, busy);
        HBox controls = new HBox(6, title, new Label("   NSD τ (mm)"), tau);
        controls.setAlignment(Pos.CENTER_LEFT);
        note.setWrapText(true);
        note.getStyleClass().add("note");
        getChildren().addAll(head, controls, numbers(), note, lesionTable(), new Label("Boundary distances"), histogram);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    /** Starts computing the first time {@code tab} (the panel's tab) is selected, and never before. */
    public void startWhenSelected(Tab tab) {
        if (tab.isSelected()) {
            start();
        } else {
            tab.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    start();
                }
            });
        }
    }

    /** The options the panel asks for: τ from the spinner, per-voxel distances kept for the histogram. */
    SpatialOptions options() {
        return SpatialOptions.defaults().withNsdTolerance(tau.getValue()).withKeepDistances(true);
    }

    /** Registers the metric with the view model (once); from then on it follows the controls. */
    public void start() {
        if (channel != null) {
            return;
        }
        channel = vm.voxelMetric(SpatialClassMetric.INSTANCE,
                m -> VoxelRequest.of(m.controls().toSettings(), m.selectedChannel(), options()), tau.valueProperty());
        busy.visibleProperty().bind(channel.busyProperty());
        channel.resultProperty().addListener((o, a, r) -> show(r));
        show(channel.resultProperty().get());
    }

    /** The channel (null until the panel is first shown); tests wait on it. */
    public VoxelChannel<SpatialResult> channel() {
        return channel;
    }

    public TableView<LesionRow> table() {
        return table;
    }

    private GridPane numbers() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(2);
        String[][] rows = {{"HD", "hd"}, {"HD95", "hd95"}, {"ASSD", "assd"}, {"MASD", "masd"}, {"NSD", "nsd"},
            {"Reference lesions", "lesionsRef"}, {"Predicted lesions", "lesionsPred"}, {"Detected", "lesionsDetected"},
            {"Missed", "lesionsMissed"}, {"False positive", "lesionsFalsePositive"}, {"Lesion F1", "lesionF1"}};
        for (int i = 0; i < rows.length; i++) {
            Label v = new Label("—");
            v.setId("spatial-" + rows[i][1]);
            values.put(rows[i][1], v);
            int col = i < 5 ? 0 : 2;
            int row = i < 5 ? i : i - 5;
            g.add(new Label(rows[i][0] + (i < 4 ? " (mm)" : "")), col, row);
            g.add(v, col + 1, row);
        }
        return g;
    }

    private TableView<LesionRow> lesionTable() {
        table.setId("lesionTable");
        table.setPlaceholder(new Label("no lesions"));
        table.setPrefHeight(200);
        table.getColumns().add(column("Status", LesionRow::status, null));
        table.getColumns().add(column("Centre (x, y, z)", LesionRow::centreText, null));
        table.getColumns().add(column("Volume (mL)", LesionRow::volumeMl, 3));
        table.getColumns().add(column("Predicted (mL)", LesionRow::predictedMl, 3));
        table.getColumns().add(column("Dice", LesionRow::dice, 3));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<LesionRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    goTo(row.getItem());
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                goTo(r);
            }
        });
        return table;
    }

    private void goTo(LesionRow r) {
        crosshair.set(r.centre().x(), r.centre().y(), r.centre().z());
    }

    private static <T extends Comparable<T>> TableColumn<LesionRow, T> column(String name, Function<LesionRow, T> value,
            Integer decimals) {
        TableColumn<LesionRow, T> c = new TableColumn<>(name);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        if (decimals != null) {
            c.setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : Fmt.num(((Number) item).doubleValue(), decimals));
                }
            });
        }
        return c;
    }

    private void show(SpatialResult r) {
        VoxelRequest q = channel == null ? null : channel.requestProperty().get();
        int ch = q == null ? -1 : q.channel();
        title.setText(ch < 0 || ch >= vm.controls().classes().size() ? "" : "Class "
                + vm.controls().classes().get(ch).label() + " " + vm.controls().classes().get(ch).nameProperty().get());
        SurfaceMetrics s = r == null ? null : r.surface();
        LesionMetrics l = r == null ? null : r.lesions();
        if (r != null) {
            SpatialClassMetric.INSTANCE.reportFields(r).forEach((k, v) -> {
                Label label = values.get(k);
                if (label != null) {
                    label.setText(text(k, v));
                }
            });
        } else {
            values.values().forEach(v -> v.setText("—"));
        }
        note.setText(s == null || s.reason() == null ? "" : s.reason());
        table.setItems(FXCollections.observableArrayList(LesionRow.of(l)));
        histogram.show(s == null ? null : s.predBorder(), s == null ? null : s.refBorder(),
                s == null ? Double.NaN : s.nsdToleranceMm());
    }

    private static String text(String key, Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        double d = ((Number) v).doubleValue();
        return key.equals("nsd") || key.equals("lesionF1") ? Fmt.num(d, 3) : Fmt.num(d, 2);
    }
}
