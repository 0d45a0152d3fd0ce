package org.dicelens.ui.panels;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.ui.model.MetricsRows;
import org.dicelens.ui.model.ViewerModel;

/**
 * The metrics table: per class and mean, live; ΔV coloured by sign; Ctrl+C copies rows as TSV for a spreadsheet.
 * Rows are kept while a slider moves and each cell watches its own value, so a threshold step redraws the few cells
 * whose number changed, without rebuilding or even laying out the table ({@link NumberCell}).
 */
public final class MetricsTablePanel extends VBox {
    private static final String[] TIPS = {"Soft Dice 2·Σp·r / (Σp + Σr): the probabilities as they are",
        "Hard Dice 2TP / (2TP + FP + FN) of the mask p ≥ t (or argmax)", "Soft Jaccard I / (P + R − I)",
        "Hard Jaccard TP / (TP + FP + FN)", "Precision TP / (TP + FP)", "Recall (sensitivity) TP / (TP + FN)",
        "Reference volume R·v in mL", "Soft volume Σp·v in mL: the expected volume when p is calibrated",
        "Hard volume Σb·v in mL at the current threshold", "ΔV_soft = V_soft − V_ref (red: over-estimation)",
        "ΔV_hard = V_hard − V_ref (red: over-estimation)"};
    private static final String[] SHORT = {"soft\nDice", "hard\nDice", "soft\nJ", "hard\nJ", "prec", "recall",
        "V_ref\nmL", "V_soft\nmL", "V_hard\nmL", "ΔV soft\nmL", "ΔV hard\nmL"};
    private final TableView<LiveRow> table = new TableView<>();

    public MetricsTablePanel(ViewerModel vm) {
        table.setId("metricsTable");
        // a fixed row height spares the virtual flow from measuring every cell when a number changes
        table.setFixedCellSize(22);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<LiveRow, String> name = new TableColumn<>("class");
        name.setCellValueFactory(r -> r.getValue().name);
        name.setPrefWidth(92);
        name.setSortable(false);
        table.getColumns().add(name);
        List<String> h = MetricsRows.HEADERS;
        for (int i = 1; i < h.size(); i++) {
            int col = i - 1;
            TableColumn<LiveRow, ReadOnlyObjectProperty<Double>> tc = new TableColumn<>(SHORT[col]);
            javafx.scene.control.Label head = new javafx.scene.control.Label(tc.getText());
            head.setTooltip(Help.tip(TIPS[col]));
            head.setAlignment(javafx.geometry.Pos.CENTER);
            head.setStyle("-fx-text-alignment: center;");
            tc.setGraphic(head);
            tc.setText(null);
            tc.setId("col-" + h.get(i).replace(' ', '_'));
            tc.setCellValueFactory(r -> r.getValue().cells[col]); // the live value itself: see NumberCell
            boolean delta = col == MetricsRows.DELTA_SOFT || col == MetricsRows.DELTA_HARD;
            boolean volume = col >= 6;
            tc.setCellFactory(c -> new NumberCell(delta, volume ? 1 : 3));
            tc.setPrefWidth(volume ? 54 : 45);
            tc.setMinWidth(widthOf(delta ? "+0000.0" : volume ? "0000.0" : "0.000"));
            tc.setSortable(false);
            table.getColumns().add(tc);
        }
        name.setMinWidth(widthOf("white matter"));
        scrollWhenNarrow();
        ContextMenu menu = new ContextMenu();
        MenuItem copy = new MenuItem("Copy as TSV (paste into a spreadsheet)");
        copy.setOnAction(e -> copy());
        MenuItem all = new MenuItem("Select all");
        all.setOnAction(e -> table.getSelectionModel().selectAll());
        menu.getItems().addAll(copy, all);
        table.setContextMenu(menu);
        KeyCombination ctrlC = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        table.setOnKeyPressed(e -> {
            if (ctrlC.match(e)) {
                copy();
                e.consume();
            }
        });
        table.setPlaceholder(new javafx.scene.control.Label("Metrics appear when a case is loaded"));
        // a new number still reaches the table's row group as a bounds change, which asks the table for a layout: the
        // boundary keeps that request inside the table (whose flow then finds nothing to do)
        getChildren().add(Help.panel("Metrics", HelpText.METRICS, new LayoutBoundary(table)));
        vm.metricsProperty().addListener((o, a, m) -> show(m));
        show(vm.metricsProperty().get());
    }

    /**
     * Never elide a number: on a panel narrower than every column's minimum width the table scrolls sideways. The
     * constrained policy (columns fill the panel) squeezed the columns into "0.…" on a 1280-pixel screen and shows no
     * horizontal scroll bar, so it is used only while the columns fit.
     */
    private void scrollWhenNarrow() {
        double needed = table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum() + 4;
        table.widthProperty().addListener((o, a, w) -> table.setColumnResizePolicy(w.doubleValue() < needed
                ? TableView.UNCONSTRAINED_RESIZE_POLICY : TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN));
    }

    /** Width of {@code s} in the table's 12 px font plus a cell's padding and rule. */
    private static double widthOf(String s) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), 12));
        return Math.ceil(t.getLayoutBounds().getWidth()) + 8;
    }

    private void show(CaseMetrics m) {
        if (m == null) {
            table.getItems().clear();
            return;
        }
        List<MetricsRows.Row> rows = MetricsRows.rows(m);
        boolean sameRows = table.getItems().size() == rows.size();
        for (int i = 0; sameRows && i < rows.size(); i++) {
            sameRows = table.getItems().get(i).name.get().equals(rows.get(i).name());
        }
        if (sameRows) {
            for (int i = 0; i < rows.size(); i++) {
                table.getItems().get(i).set(rows.get(i));
            }
        } else {
            table.setItems(FXCollections.observableArrayList(rows.stream().map(LiveRow::new).toList()));
        }
    }

    /** Selected rows (all when none selected) as TSV on the clipboard. */
    public void copy() {
        List<LiveRow> rows = table.getSelectionModel().getSelectedItems().isEmpty() ? table.getItems()
                : table.getSelectionModel().getSelectedItems();
        ClipboardContent c = new ClipboardContent();
        c.putString(MetricsRows.tsv(rows.stream().map(r -> r.row).toList()));
        Clipboard.getSystemClipboard().setContent(c);
    }

    public TableView<LiveRow> table() {
        return table;
    }

    /** One table row whose cells observe their own values; {@link #set} changes only the values that differ. */
    public static final class LiveRow {
        private final ReadOnlyObjectWrapper<String> name;
        private final ReadOnlyObjectWrapper<Double>[] values;
        /** Each value as a cell item, made once: the item stays the same while the value changes. */
        private final ReadOnlyObjectWrapper<ReadOnlyObjectProperty<Double>>[] cells;
        private MetricsRows.Row row;

        @SuppressWarnings("unchecked")
        LiveRow(MetricsRows.Row r) {
            name = new ReadOnlyObjectWrapper<>(r.name());
            values = new ReadOnlyObjectWrapper[r.values().length];
            cells = new ReadOnlyObjectWrapper[values.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = new ReadOnlyObjectWrapper<>(r.values()[i]);
                cells[i] = new ReadOnlyObjectWrapper<>(values[i].getReadOnlyProperty());
            }
            row = r;
        }

        void set(MetricsRows.Row r) {
            row = r;
            for (int i = 0; i < values.length; i++) {
                // Double.compare: NaN equals NaN, so blank mean cells stay untouched
                if (Double.compare(values[i].get(), r.values()[i]) != 0) {
                    values[i].set(r.values()[i]);
                }
            }
        }

        /** The engine's figures behind this row. */
        public MetricsRows.Row row() {
            return row;
        }
    }
}
