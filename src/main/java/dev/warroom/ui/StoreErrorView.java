package dev.warroom.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** The window shown when the store cannot be opened: what went wrong, which file, and Quit. */
public final class StoreErrorView {
    private StoreErrorView() {
    }

    /** Call on the FX thread; {@code onQuit} runs when the person presses Quit (or Enter / Esc). */
    public static Scene create(String message, Runnable onQuit) {
        FXMLLoader loader = new FXMLLoader(StoreErrorView.class.getResource("/fxml/StoreErrorView.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load /fxml/StoreErrorView.fxml", e);
        }
        String sentence = message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        ((Label) loader.getNamespace().get("message")).setText(sentence);
        ((Button) loader.getNamespace().get("quit")).setOnAction(e -> onQuit.run());
        Scene scene = new Scene(root, 720, 300);
        scene.getStylesheets().setAll(dev.warroom.ui.console.Theme.DARK.stylesheets());
        return scene;
    }
}
