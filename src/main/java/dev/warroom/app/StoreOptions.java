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

    WarroomStore open() {
        return WarroomStore.openH2(StorePaths.resolve(db == null ? null : db.toString()));
    }
}
