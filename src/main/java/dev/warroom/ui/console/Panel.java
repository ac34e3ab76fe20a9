package dev.warroom.ui.console;

import javafx.scene.Node;

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
}
