package org.dicelens.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A label's new text lays out the label, not its ancestors, when it sits in a boundary; and it still draws it. */
@ExtendWith(ApplicationExtension.class)
class LayoutBoundaryTest {
    private Label bare;
    private Label bounded;
    private HBox bareRow;
    private HBox boundedRow;
    private VBox root;

    @Start
    void start(Stage stage) { // controls need the toolkit, which the extension starts
        bare = new Label("0.500");
        bounded = new Label("0.500");
        bareRow = new HBox(bare);
        boundedRow = new HBox(new LayoutBoundary(bounded));
        root = new VBox(bareRow, boundedRow);
        stage.setScene(new Scene(root, 200, 80));
        stage.show();
    }

    private static String drawn(Label l) {
        return ((Text) l.lookup(".text")).getText();
    }

    @Test
    void aNewTextStopsAtTheBoundaryAndIsDrawn() {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            root.layout();
            bare.setText("0.523");
            bounded.setText("0.523");
            // the premise: without a boundary the change marks every ancestor for layout
            assertTrue(bareRow.isNeedsLayout(), "bare row");
            assertTrue(bounded.isNeedsLayout(), "the bounded label itself");
            assertFalse(boundedRow.isNeedsLayout(), "the bounded label's row");
        });
        WaitForAsyncUtils.waitForFxEvents(); // a pulse lays out what was marked
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            assertEquals("0.523", drawn(bare));
            assertEquals("0.523", drawn(bounded), "the bounded label draws its new text");
            assertEquals(bounded.getParent().getLayoutBounds().getWidth(), bounded.getWidth(), 1e-9,
                    "the label fills its boundary");
        });
    }
}
