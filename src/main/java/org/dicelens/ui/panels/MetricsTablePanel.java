package org.dicelens.ui.panels;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.dicelens.metrics.CaseMetrics;
import org.dicelens.metrics.EmptyClasses;
import org.dicelens.ui.model.MetricsRows;
import org.dicelens.ui.model.ViewerModel;

/**
 * The metrics table: per class and mean, live; ΔV coloured by sign; Ctrl+C copies rows as TSV for a spreadsheet.
 * Rows are kept while a slider moves and each cell watches its own value, so a threshold step redraws the few cells
 * whose number changed, without rebuilding or even laying out the table ({@link NumberCell}).
 */
public final class MetricsTablePanel extends VBox {
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
        List<MetricsRows.Column> cols = MetricsRows.COLUMNS;
        for (int i = 0; i < cols.size(); i++) {
            int col = i;
            MetricsRows.Column column = cols.get(i);
            TableColumn<LiveRow, ReadOnlyObjectProperty<Double>> tc = new TableColumn<>(column.quantity().columnHeader());
            javafx.scene.control.Label head = new javafx.scene.control.Label(tc.getText());
            head.setTooltip(Help.tip(column.quantity().tooltip()));
            head.setAlignment(javafx.geometry.Pos.CENTER);
            head.setStyle("-fx-text-alignment: center;");
            tc.setGraphic(head);
            tc.setText(null);
            tc.setId("col-" + column.quantity().key());
            tc.setCellValueFactory(r -> r.getValue().cells[col]); // the live value itself: see NumberCell
            boolean delta = column.signed();
            boolean volume = column.decimals() == 1;
            tc.setCellFactory(c -> new NumberCell(delta, column.decimals()));
            tc.setPrefWidth(volume ? 54 : 45);
            tc.setMinWidth(widthOf(delta ? "+0000.0" : volume ? "0000.0" : "0.000"));
            tc.setSortable(false);
            table.getColumns().add(tc);
        }
        name.setMinWidth(widthOf("fg mean 1,2,3"));
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
        LayoutBoundary boundary = new LayoutBoundary(table);
        VBox.setVgrow(boundary, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.control.Label clamped = new javafx.scene.control.Label();
        clamped.setId("metricsClamped");
        clamped.setWrapText(true);
        clamped.getStyleClass().add("warning-text");
        clamped.managedProperty().bind(clamped.textProperty().isNotEmpty());
        clamped.visibleProperty().bind(clamped.managedProperty());
        vm.currentProperty().addListener((o, a, c) -> clamped.setText(ClampNotice.summary(c == null ? null : c.data())));
        getChildren().add(Help.panel("Metrics", HelpText.METRICS, new VBox(2, absentClasses(vm), clamped, boundary)));
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

    /** The choice of the rule for classes absent from the reference: zero (DiceLens) or exclude (MONAI). */
    private static javafx.scene.Node absentClasses(ViewerModel vm) {
        ChoiceBox<EmptyClasses> box = new ChoiceBox<>(FXCollections.observableArrayList(EmptyClasses.values()));
        box.setId("emptyClasses");
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(EmptyClasses e) {
                return e == null ? "" : e.name().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public EmptyClasses fromString(String s) {
                return EmptyClasses.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            }
        });
        box.valueProperty().bindBidirectional(vm.controls().emptyClassesProperty());
        box.setTooltip(Help.tip("A class absent from the reference: zero scores its hard Dice as computed and counts it "
                + "in the means; exclude gives it no hard Dice and leaves it out of the means (MONAI's ignore_empty)"));
        javafx.scene.control.Label label = new javafx.scene.control.Label("Absent classes");
        HBox row = new HBox(6, label, box);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
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
