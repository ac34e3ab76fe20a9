package dev.warroom.app;

import dev.warroom.store.StorePaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code warroom console}: the desktop window, on a chosen store. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Open the desktop console (what 'warroom' with no arguments does), optionally on another store.")
public final class ConsoleCommand implements Runnable {
    @Mixin
    StoreOptions store;

    @Override
    public void run() {
        WarroomApp.launchConsole(StorePaths.resolve(store.db == null ? null : store.db.toString()));
    }
}
