package dev.warroom.ui;

import dev.warroom.ui.console.Theme;
import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The console window's scene, sized for the smallest laptop screen an IC is likely to have
 * (1366x768), with the chosen theme.
 */
public final class ConsoleScene {
    public static final String TITLE = "Warroom";
    public static final double WIDTH = 1366;
    public static final double HEIGHT = 768;
    /** Often enough that an ack or an escalation shows within a breath, rare enough to be free. */
    public static final Duration REFRESH_EVERY = Duration.ofSeconds(1);

    private ConsoleScene() {
    }

    /** A scene for {@code root} in {@code theme}; call on the FX thread. */
    public static Scene create(Parent root, Theme theme) {
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        theme.apply(scene);
        return scene;
    }

    /**
     * Runs {@code then} on the FX thread once {@code scene}'s next frame has been rendered (right after
     * {@code show()}, its first): work started there no longer competes with that frame for the CPU. A
     * pulse lays the scene out, renders it, and the next pulse starts after that; {@code then} runs at
     * the start of that next pulse. The cold-start benchmark times frames with this same hook.
     */
    public static void afterNextFrame(Scene scene, Runnable then) {
        Runnable[] laidOut = new Runnable[1];
        laidOut[0] = () -> {
            scene.removePostLayoutPulseListener(laidOut[0]);
            new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    then.run();
                }
            }.start();
        };
        scene.addPostLayoutPulseListener(laidOut[0]);
    }

    /**
     * Runs {@code refresh} every {@code every} on the FX thread, starting now; stop the returned
     * animation to end it. The reads themselves run on background executors, so a slow store
     * never queues up work here.
     */
    public static Animation every(Duration every, Runnable refresh) {
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("refresh interval must be positive, got " + every);
        }
        Timeline ticks = new Timeline(new KeyFrame(javafx.util.Duration.millis(every.toMillis()), e -> refresh.run()));
        ticks.setCycleCount(Animation.INDEFINITE);
        ticks.play();
        return ticks;
    }
}
