package dev.warroom.ui.console;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A panel alone in a scene the size of the console's centre area, in a theme (which carries every
 * panel's stylesheet); follows the console's theme when it changes.
 */
public final class PanelScenes {
    /** About the console's tab area at 1366x768, less the SLO board, header and pager. */
    public static final double WIDTH = 1040;
    public static final double HEIGHT = 600;

    private PanelScenes() {
    }

    /** {@code root} in a scene of the centre area's size, in {@code theme}; FX thread. */
    public static Scene of(Parent root, Theme theme) {
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        theme.apply(scene);
        return scene;
    }

    public static Scene show(Stage stage, Parent root, ConsoleState state) {
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        apply(scene, state.themeProperty().get());
        state.themeProperty().addListener((obs, was, theme) -> apply(scene, theme));
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    public static void apply(Scene scene, Theme theme) {
        theme.apply(scene);
    }
}
