package dev.warroom.ui.runbook;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;

/**
 * Guards for a panel's single-letter shortcuts: a key acts only while the panel is on screen (its
 * tab selected) and the person is not typing into a text field, where the letter is just a letter.
 */
public final class PanelKeys {
    private PanelKeys() {
    }

    /** {@code action} wrapped so it runs only when {@code view} is showing and no text field has focus. */
    public static Runnable guarded(Node view, Runnable action) {
        return () -> {
            if (showing(view) && !typing(view.getScene())) {
                action.run();
            }
        };
    }

    static boolean showing(Node view) {
        if (view.getScene() == null || view.getScene().getWindow() == null || !view.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = view; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    static boolean typing(Scene scene) {
        return scene != null && scene.getFocusOwner() instanceof TextInputControl;
    }
}
