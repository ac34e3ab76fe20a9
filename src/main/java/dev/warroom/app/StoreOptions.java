package dev.warroom.app;

import dev.warroom.store.StorePaths;
import dev.warroom.store.WarroomStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by every command that opens the store. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "PATH",
            description = "H2 store file (default: $WARROOM_DB, else the user data directory, e.g. ~/.local/share/warroom/warroom).")
    Path db;

    /** The store's base path (without {@code .mv.db}), from --db, $WARROOM_DB or the data directory. */
    Path base() {
        return StorePaths.resolve(db == null ? null : db.toString());
    }

    WarroomStore open() {
        return WarroomStore.openH2(base());
    }

    /** Severity targets and escalation ladder: the files beside the store, or the bundled defaults. */
    Settings settings() {
        return Settings.forStore(base());
    }
}
