package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.dicelens.ui.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Error dialogs with the long one-line texts users met (a deep path in the title, a message of thousands of
 * characters without a break) stay narrower than a 1,920 px screen, keep OK on screen and scroll the message.
 */
@ExtendWith(ApplicationExtension.class)
class DialogsTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void longTitleAndMessageWrapAndScroll(FxRobot robot) throws Exception {
        String path = "/data/" + "very_long_folder_name_of_a_validation_set/".repeat(8) + "prediction.nii.gz";
        String message = (path + ": the file's sform holds NaN in srow_x[2]; ").repeat(40);
        AtomicReference<Alert> alert = new AtomicReference<>();
        robot.interact(() -> {
            Alert a = Dialogs.error(owner, new Problem("Cannot open " + path, message));
            alert.set(a);
            a.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Alert a = alert.get();
        double width = a.getDialogPane().getScene().getWindow().getWidth();
        double height = a.getDialogPane().getScene().getWindow().getHeight();
        assertTrue(width < 800, "dialog width " + width);
        assertTrue(height < 800, "dialog height " + height);
        Label text = robot.lookup("#problemMessage").queryAs(Label.class);
        assertEquals(message, text.getText(), "the whole message is kept (scrolled, not cut)");
        assertTrue(text.getHeight() > 420, "the message is taller than its viewport: " + text.getHeight());
        Button ok = (Button) a.getDialogPane().lookupButton(ButtonType.OK);
        var bounds = ok.localToScreen(ok.getBoundsInLocal());
        assertTrue(bounds.getMaxX() <= 1920 && bounds.getMaxY() <= 1080, "OK on a 1,920 x 1,080 screen: " + bounds);
        robot.interact(a::close);
    }

    @Test
    void shortMessageHasNoEmptyScrollArea(FxRobot robot) {
        AtomicReference<Alert> alert = new AtomicReference<>();
        robot.interact(() -> {
            Alert a = Dialogs.error(owner, new Problem("Cannot open ref.nii.gz", "ref.nii.gz: not a NIfTI file"));
            alert.set(a);
            a.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        double height = alert.get().getDialogPane().getScene().getWindow().getHeight();
        assertTrue(height < 260, "a one-line message makes a small dialog: " + height);
        robot.interact(alert.get()::close);
    }
}
