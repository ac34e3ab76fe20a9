package dev.warroom.ui.console;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

/**
 * One tab of the console: a view built from its FXML with its view model behind it. The console
 * calls {@link #refresh()} on the FX thread once a second; a panel reads in the background and
 * must not block.
 */
public interface Panel {

    /** The tab's title, e.g. "Runbook". */
    String title();

    /** The panel's root node, created once. */
    Node view();

    /** Re-read what the panel shows; cheap when nothing changed. */
    void refresh();

    /**
     * The panel's keys, installed on the scene by the console. A panel's key acts only while the
     * panel is showing and no text field has focus, which the panel itself checks.
     */
    default Map<KeyCombination, Runnable> accelerators() {
        return Map.of();
    }
}
