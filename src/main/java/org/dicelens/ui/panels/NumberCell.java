package org.dicelens.ui.panels;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/**
 * A metrics-table number, right-aligned; ΔV cells red when positive (over-estimation), blue when negative.
 *
 * <p>Why not a plain {@code TableCell<Row, Double>}: a changed cell value, and a changed text in the default skin,
 * request a layout of the cell, which climbs to the table's virtual flow, and the flow then lays out and re-indexes
 * every row and cell (a third of the layout time of a threshold step, docs/perf/ui.md). Here the cell's item is the
 * row's live value itself, which never changes while a slider moves; the cell watches that value and sets its text,
 * and {@link Skin} moves an unmanaged text node to its new place directly, so a new number repaints the cell and
 * lays out nothing.
 */
final class NumberCell extends TableCell<MetricsTablePanel.LiveRow, ReadOnlyObjectProperty<Double>> {
    private final boolean delta;
    private final int decimals;
    private final InvalidationListener onValue = o -> show();
    private ReadOnlyObjectProperty<Double> watched;

    NumberCell(boolean delta, int decimals) {
        this.delta = delta;
        this.decimals = decimals;
        getStyleClass().add("number-cell");
        if (delta) {
            getStyleClass().add("delta");
        }
    }

    @Override
    protected javafx.scene.control.Skin<?> createDefaultSkin() {
        return new Skin(this);
    }

    @Override
    protected void updateItem(ReadOnlyObjectProperty<Double> value, boolean empty) {
        super.updateItem(value, empty);
        ReadOnlyObjectProperty<Double> now = empty ? null : value;
        if (now != watched) {
            if (watched != null) {
                watched.removeListener(onValue);
            }
            watched = now;
            if (now != null) {
                now.addListener(onValue);
            }
        }
        show();
    }

    private void show() {
        Double v = watched == null ? null : watched.get();
        if (v == null || v.isNaN()) {
            setText(watched == null ? null : "");
            SignStyle.clear(this);
            return;
        }
        setText(delta ? Fmt.signed(v, decimals) : Fmt.num(v, decimals));
        if (delta) {
            SignStyle.apply(this, v);
        }
    }

    /**
     * The cell's text in the cell's CSS font and text fill, right-aligned and centred vertically. Not clipped: the
     * columns' minimum widths hold every number (MetricsTablePanel), and a clip would cost every repaint.
     */
    static final class Skin extends SkinBase<NumberCell> {
        private final Text text = new Text();
        private final InvalidationListener columnWidth = o -> getSkinnable().requestLayout();

        Skin(NumberCell cell) {
            super(cell);
            text.getStyleClass().add("text");
            text.setManaged(false); // a new width must not lay the cell out (see the class comment)
            text.setTextOrigin(VPos.TOP);
            text.fontProperty().bind(cell.fontProperty());
            text.fillProperty().bind(cell.textFillProperty());
            getChildren().add(text);
            registerChangeListener(cell.textProperty(), o -> place());
            registerChangeListener(cell.fontProperty(), o -> place());
            registerChangeListener(cell.widthProperty(), o -> place());
            registerChangeListener(cell.heightProperty(), o -> place());
            // the row gives each cell its preferred width: the column's, as in JavaFX's own cell skin (weakly held: a
            // column outlives the cells the table discards)
            WeakInvalidationListener weak = new WeakInvalidationListener(columnWidth);
            cell.tableColumnProperty().addListener((o, was, now) -> {
                if (was != null) {
                    was.widthProperty().removeListener(weak);
                }
                if (now != null) {
                    now.widthProperty().addListener(weak);
                }
            });
            if (cell.getTableColumn() != null) {
                cell.getTableColumn().widthProperty().addListener(weak);
            }
            place();
        }

        private double textWidth() {
            return text.getLayoutBounds().getWidth();
        }

        private void place() {
            NumberCell c = getSkinnable();
            String s = c.getText();
            text.setText(s == null ? "" : s);
            Insets in = c.getInsets();
            double w = textWidth();
            double h = text.getLayoutBounds().getHeight();
            // rounded down in x and up in y, as the default cell skin places its text (same pixels as the name column)
            text.relocate(Math.floor(c.getWidth() - in.getRight() - w),
                    Math.ceil(in.getTop() + (c.getHeight() - in.getTop() - in.getBottom() - h) / 2));
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            place();
        }

        @Override
        protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
            var column = getSkinnable().getTableColumn();
            return column == null ? left + textWidth() + right : getSkinnable().snapSizeX(column.getWidth());
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            return top + text.getLayoutBounds().getHeight() + bottom;
        }

        @Override
        protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
            return left + textWidth() + right;
        }

        @Override
        protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
            return computePrefHeight(width, top, right, bottom, left);
        }
    }
}
