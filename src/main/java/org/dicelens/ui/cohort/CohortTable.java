package org.dicelens.ui.cohort;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.dicelens.metrics.cohort.CasePoint;
import org.dicelens.ui.panels.Fmt;

/**
 * The per-case table of one class (sortable by any column: click its header): case, soft and hard Dice, V_ref,
 * V_soft, V_hard, ΔV_soft, ΔV_hard. Clicking a row (or Enter on it) opens that case.
 */
public final class CohortTable extends TableView<CasePoint> {

    CohortTable(Consumer<String> open) {
        setId("cohortTable");
        setPlaceholder(new javafx.scene.control.Label("No cohort loaded (File ▸ Open cohort…)"));
        TableColumn<CasePoint, String> name = new TableColumn<>("case");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().caseName()));
        name.setPrefWidth(110);
        getColumns().add(name);
        getColumns().add(number("soft Dice", CasePoint::softDice, 4, false));
        getColumns().add(number("hard Dice", CasePoint::hardDice, 4, false));
        getColumns().add(number("V_ref mL", CasePoint::refMl, 3, false));
        getColumns().add(number("V_soft mL", CasePoint::softMl, 3, false));
        getColumns().add(number("V_hard mL", CasePoint::hardMl, 3, false));
        getColumns().add(number("ΔV_soft mL", CasePoint::deltaSoftMl, 3, true));
        getColumns().add(number("ΔV_hard mL", CasePoint::deltaHardMl, 3, true));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setRowFactory(t -> {
            TableRow<CasePoint> row = new TableRow<>();
            row.setTooltip(new Tooltip("Click to open this case in the tri-planar views with the cohort's settings"));
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getClickCount() == 1) {
                    open.accept(row.getItem().caseName());
                }
            });
            return row;
        });
        setOnKeyPressed(e -> {
            CasePoint p = getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && p != null) {
                open.accept(p.caseName());
            }
        });
    }

    /** Shows these rows, keeping the user's sort order and the selected case. */
    void show(List<CasePoint> points) {
        CasePoint was = getSelectionModel().getSelectedItem();
        getItems().setAll(points);
        sort();
        if (was != null) {
            for (CasePoint p : getItems()) {
                if (p.caseName().equals(was.caseName())) {
                    getSelectionModel().select(p);
                }
            }
        }
    }

    private static TableColumn<CasePoint, Double> number(String title, ToDoubleFunction<CasePoint> f, int decimals,
            boolean signed) {
        TableColumn<CasePoint, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.applyAsDouble(x.getValue())));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : signed ? Fmt.signed(v, decimals) : Fmt.num(v, decimals));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(80);
        return c;
    }
}
