package dev.warroom.app;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The jar's entry point. With no arguments it opens the desktop console; with arguments it is the
 * command line, which never touches JavaFX so it runs without a display. It must not extend
 * {@code Application}: a shaded jar whose main class does fails to start JavaFX from the classpath.
 */
public final class Launcher {
    /** Held so the setting is not garbage-collected with the logger. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private Launcher() {
    }

    public static void main(String[] args) {
        // Flyway reports every migration check at INFO; a person at a terminal needs only real problems
        FLYWAY_LOG.setLevel(Level.SEVERE);
        if (args.length == 0) {
            WarroomApp.launchConsole(null);
            return;
        }
        System.exit(WarroomCommand.run(args));
    }
}
