package org.dicelens.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class DiceLensApp extends Application {
    public static void launchApp(String[] args) {
        Application.launch(DiceLensApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("DiceLens");
        stage.setScene(new Scene(new Label("DiceLens"), 1280, 800));
        stage.show();
    }
}
