package org.dicelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Proves TestFX runs headless (Monocle) in this build: a click on a real button changes its text. */
@ExtendWith(ApplicationExtension.class)
class HeadlessSmokeTest {
    private Button button;

    @Start
    void start(Stage stage) {
        button = new Button("press");
        button.setId("b");
        button.setOnAction(e -> button.setText("pressed"));
        stage.setScene(new Scene(new StackPane(button), 200, 100));
        stage.show();
    }

    @Test
    void clickChangesText(FxRobot robot) {
        robot.clickOn("#b");
        assertEquals("pressed", button.getText());
    }
}
