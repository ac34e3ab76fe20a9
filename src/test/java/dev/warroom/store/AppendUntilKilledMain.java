package dev.warroom.store;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Child JVM: declares an incident and appends events one by one, printing {@code committed <seq>}
 * only after each record() has returned. Stops by itself after a bound so a lost parent leaves no
 * process behind.
 */
public final class AppendUntilKilledMain {
    private static final int MAX_EVENTS = 50_000;
    private static final long MAX_MILLIS = 180_000;

    private AppendUntilKilledMain() {
    }

    public static void main(String[] args) {
        long deadline = System.currentTimeMillis() + MAX_MILLIS;
        try (WarroomStore store = WarroomStore.openH2(Path.of(args[0]))) {
            Timeline timeline = store.timeline(Clock.systemUTC());
            Incident incident = timeline.declare("drill", new EventPayload.IncidentDeclared("kill -9 drill",
                    Severity.SEV2, "checkout", "availability", true, null, null));
            System.out.println("committed " + incident.lastSeq());
            System.out.flush();
            for (int i = 0; i < MAX_EVENTS && System.currentTimeMillis() < deadline; i++) {
                EventPayload payload = i % 2 == 0 ? new EventPayload.Note("note " + i)
                        : new EventPayload.SliObserved("availability", 0.99 - i * 1e-6, 0.999, "5m");
                TimelineEvent event = timeline.record(incident.id(), "drill", payload);
                System.out.println("committed " + event.seq());
                System.out.flush();
            }
        }
    }
}
