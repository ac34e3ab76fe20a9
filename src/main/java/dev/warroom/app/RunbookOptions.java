package dev.warroom.app;

import dev.warroom.runbook.RunbookLibrary;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --runbooks DIR} option: the team's runbook folder, whose files win over the bundled ones. */
final class RunbookOptions {
    static final String ENV = "WARROOM_RUNBOOKS";

    @Option(names = "--runbooks", paramLabel = "DIR",
            description = "Your runbook folder (usually a Git checkout); its runbooks win over bundled ones with the same id."
                    + " Default: $WARROOM_RUNBOOKS, else only the bundled library.")
    Path folder;

    /** The folder given, or from the environment; null for the bundled library alone. */
    Path folder() {
        if (folder != null) {
            return folder;
        }
        String env = System.getenv(ENV);
        return env == null || env.isBlank() ? null : Path.of(env);
    }

    RunbookLibrary library() {
        return RunbookLibrary.load(folder());
    }
}
