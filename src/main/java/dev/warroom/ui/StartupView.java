package dev.warroom.ui;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/**
 * The console window's first frame, shown while the store opens and the runbook library loads:
 * which store, and that something is happening. Built in code rather than FXML on purpose: it is on
 * the path to the first frame, and loading FXMLLoader's own classes would cost that frame more than
 * the whole of this view.
 */
public final class StartupView {
    private StartupView() {
    }

    /** Call on the FX thread. {@code storeLocation} is the file being opened. */
    public static Parent create(String storeLocation) {
        Label name = new Label("WARROOM");
        name.getStyleClass().add("app-name");
        Label status = new Label("Opening the store and the runbook library\u2026");
        status.getStyleClass().add("startup-status");
        Label location = new Label(storeLocation);
        location.getStyleClass().add("startup-location");
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.getStyleClass().add("startup-progress");
        VBox root = new VBox(name, status, location, progress);
        root.getStyleClass().addAll("console", "startup");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setId("startup");
        return root;
    }
}
