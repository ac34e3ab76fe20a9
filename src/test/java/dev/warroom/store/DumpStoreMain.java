package dev.warroom.store;

import dev.warroom.incident.Incident;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineJson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;

/** Child JVM: prints every incident's folded state and every event as one JSON line each. */
public final class DumpStoreMain {
    private DumpStoreMain() {
    }

    public static void main(String[] args) {
        try (WarroomStore store = WarroomStore.openH2(Path.of(args[0]))) {
            Timeline timeline = store.timeline(Clock.systemUTC());
            for (Incident incident : timeline.incidents().stream().sorted(Comparator.comparing(Incident::id)).toList()) {
                System.out.println("incident " + incident);
                timeline.events(incident.id()).forEach(e -> System.out.println("event " + TimelineJson.toNode(e)));
            }
        }
    }
}
