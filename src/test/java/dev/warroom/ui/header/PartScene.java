package dev.warroom.ui.header;

import dev.warroom.ui.console.Theme;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;

/**
 * A part of the console (the header, the pager bar) alone in a scene as wide as the smallest
 * laptop screen (1366) and as tall as the part wants: its real size in the console. Loads the
 * theme as the console does, the part's own stylesheet included.
 */
public final class PartScene {
    public static final double WIDTH = 1366;

    private PartScene() {
    }

    /** Call on the FX thread. */
    public static Scene of(Parent part, Theme theme) {
        VBox root = new VBox(part);
        Scene probe = new Scene(root, WIDTH, 200);
        theme.apply(probe);
        root.applyCss();
        root.layout();
        double height = Math.ceil(root.prefHeight(WIDTH));
        probe.setRoot(new Group());
        Scene scene = new Scene(root, WIDTH, height);
        theme.apply(scene);
        return scene;
    }
}
