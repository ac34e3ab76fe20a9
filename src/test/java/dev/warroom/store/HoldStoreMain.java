package dev.warroom.store;

import java.nio.file.Path;

/** Child JVM: opens the store, prints "open", and keeps it open until killed (at most two minutes). */
public final class HoldStoreMain {
    private HoldStoreMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (WarroomStore store = WarroomStore.openH2(Path.of(args[0]))) {
            System.out.println("open " + store.location());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
