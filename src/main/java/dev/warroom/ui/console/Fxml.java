package dev.warroom.ui.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML with the controller the view made, so controllers can take their view model. */
public final class Fxml {
    private Fxml() {
    }

    /**
     * Loads {@code resource} (a classpath path such as {@code /fxml/timeline/TimelineView.fxml});
     * its {@code fx:controller} must be {@code type}, created by {@code controller}. Call on the FX
     * thread.
     */
    public static <C> Parent load(String resource, Class<C> type, Supplier<C> controller) {
        return loadWithController(resource, type, controller).root();
    }

    /** A loaded view and its controller, for views that keep talking to their controller. */
    public record Loaded<C>(Parent root, C controller) {
    }

    /** {@link #load}, also handing back the controller. */
    public static <C> Loaded<C> loadWithController(String resource, Class<C> type, Supplier<C> controller) {
        URL fxml = type.getResource(resource);
        if (fxml == null) {
            throw new IllegalStateException(resource + " is not on the classpath");
        }
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(asked -> {
            if (asked != type) {
                throw new IllegalArgumentException(resource + " asks for controller " + asked.getName());
            }
            return controller.get();
        });
        try {
            Parent root = loader.load();
            return new Loaded<>(root, type.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not load " + resource, e);
        }
    }
}
