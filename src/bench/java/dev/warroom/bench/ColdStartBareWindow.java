package dev.warroom.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline for the start-up and memory benchmarks: a bare JavaFX window of the console's size
 * with one label, started the way the console is (a plain main class calling
 * {@code Application.launch}).
 */
public final class ColdStartBareWindow {
    private ColdStartBareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** Public so JavaFX can construct it. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("bare");
            stage.setScene(new Scene(new StackPane(new Label("bare JavaFX window")), 1366, 768));
            stage.show();
        }
    }
}
