package dev.warroom.ui;

import java.net.URL;
import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;

/**
 * The console window's scene: the incident board with the Warroom theme, sized for the smallest
 * laptop screen an IC is likely to have (1366x768). The app does
 * {@code stage.setScene(ConsoleScene.create(vm)); vm.refresh(); ConsoleScene.autoRefresh(vm, ConsoleScene.REFRESH_EVERY);}.
 */
public final class ConsoleScene {
    public static final String TITLE = "Warroom";
    public static final double WIDTH = 1366;
    public static final double HEIGHT = 768;
    public static final String STYLESHEET = "/styles/warroom.css";
    /** Often enough that an ack or an escalation shows within a breath, rare enough to be free. */
    public static final Duration REFRESH_EVERY = Duration.ofSeconds(2);

    private ConsoleScene() {
    }

    /** The scene for the board; call on the FX thread. */
    public static Scene create(IncidentBoardViewModel viewModel) {
        Scene scene = new Scene(IncidentBoardView.load(viewModel), WIDTH, HEIGHT);
        scene.getStylesheets().add(stylesheet());
        return scene;
    }

    /** The theme's URL, for other windows (dialogs) that must look the same. */
    public static String stylesheet() {
        URL css = ConsoleScene.class.getResource(STYLESHEET);
        if (css == null) {
            throw new IllegalStateException(STYLESHEET + " is not on the classpath");
        }
        return css.toExternalForm();
    }

    /**
     * Calls {@link IncidentBoardViewModel#refresh()} every {@code every} on the FX thread, starting
     * now; stop the returned animation to end it. The reads themselves run on the view model's
     * background executor, and a refresh still running absorbs the next tick, so a slow store
     * never queues up work.
     */
    public static Animation autoRefresh(IncidentBoardViewModel viewModel, Duration every) {
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("refresh interval must be positive, got " + every);
        }
        Timeline ticks = new Timeline(new KeyFrame(javafx.util.Duration.millis(every.toMillis()), e -> viewModel.refresh()));
        ticks.setCycleCount(Animation.INDEFINITE);
        ticks.play();
        return ticks;
    }
}
