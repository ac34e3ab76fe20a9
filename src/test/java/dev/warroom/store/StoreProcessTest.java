package dev.warroom.store;

import dev.warroom.time.VirtualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.incident.TimelineJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the store promises across processes: a new JVM sees it all, a killed one lost nothing, a second one is told. */
class StoreProcessTest {
    @TempDir
    Path dir;

    private Path base() {
        return dir.resolve("warroom");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void record_survivesReopenInNewJvm() throws Exception {
        VirtualClock clock = new VirtualClock(Instant.parse("2025-06-01T10:15:30.987654Z"));
        List<String> expected = new ArrayList<>();
        try (WarroomStore store = WarroomStore.openH2(base())) {
            Timeline timeline = store.timeline(clock);
            Incident a = timeline.declare("alice", SampleEvents.declared("round trip"));
            for (EventPayload payload : SampleEvents.lifecycle()) {
                clock.advance(Duration.ofMillis(1501));
                timeline.record(a.id(), "bob", payload);
            }
            clock.advance(Duration.ofHours(1));
            Incident b = timeline.declare("carol", SampleEvents.declared("batch"));
            timeline.recordAll(b.id(), "warroom/slo-policy", SampleEvents.lifecycle().subList(0, 7));
            for (Incident incident : List.of(timeline.require(a.id()), timeline.require(b.id()))) {
                expected.add("incident " + incident);
                List<TimelineEvent> events = timeline.events(incident.id());
                events.forEach(e -> expected.add("event " + TimelineJson.toNode(e)));
                assertEquals(incident, Incident.fold(events));
            }
        }

        try (ChildJvm child = ChildJvm.start(dir, DumpStoreMain.class, base().toString())) {
            List<String> printed = child.finish(90).stream()
                    .filter(l -> l.startsWith("incident ") || l.startsWith("event ")).toList();
            assertEquals(expected, printed);
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void record_acknowledgedEventsSurviveKill9() throws Exception {
        int killAfter = 1000;
        long lastPrinted = 0;
        List<Long> printed = new ArrayList<>();
        try (ChildJvm child = ChildJvm.start(dir, AppendUntilKilledMain.class, base().toString())) {
            while (printed.size() < killAfter) {
                String line = child.readLine();
                assertNotNull(line, () -> "child stopped after " + printed.size() + " events: " + stderrOf(child));
                if (line.startsWith("committed ")) {
                    lastPrinted = Long.parseLong(line.substring("committed ".length()));
                    printed.add(lastPrinted);
                }
            }
            child.kill();
        }

        try (WarroomStore store = WarroomStore.openH2(base())) {
            Timeline timeline = store.timeline(java.time.Clock.systemUTC());
            long acknowledged = lastPrinted;
            Incident incident = timeline.incident("INC-0001").orElseThrow(() -> new AssertionError(
                    "the store lost the whole incident; the child had printed committed " + acknowledged));
            List<TimelineEvent> events = timeline.events("INC-0001");
            assertTrue(incident.lastSeq() >= lastPrinted,
                    "printed committed " + lastPrinted + " but the store has " + incident.lastSeq());
            List<Long> stored = events.stream().map(TimelineEvent::seq).toList();
            assertTrue(stored.containsAll(printed), "an acknowledged event was lost");
            assertEquals(incident, Incident.fold(events));
            assertEquals(incident.lastSeq() + 1,
                    timeline.record("INC-0001", "alice", new EventPayload.Note("after the crash")).seq());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void openH2_secondProcessGetsStoreLockedNamingTheFile() throws Exception {
        try (WarroomStore store = WarroomStore.openH2(base())) {
            store.timeline(java.time.Clock.systemUTC()).declare("alice", SampleEvents.declared("held"));
        }
        ChildJvm child = ChildJvm.start(dir, HoldStoreMain.class, base().toString());
        try {
            String line = child.readLine();
            assertNotNull(line, () -> "holder did not open the store: " + stderrOf(child));
            assertTrue(line.startsWith("open "), line);

            StoreLockedException e = assertThrows(StoreLockedException.class, () -> WarroomStore.openH2(base()));

            String file = dir.resolve("warroom.mv.db").toString();
            assertTrue(e.getMessage().contains(file), e.getMessage());
            assertTrue(e.getMessage().contains("already open in another process"), e.getMessage());
            assertEquals(file, e.location());
        } finally {
            child.kill();
        }
        try (WarroomStore store = WarroomStore.openH2(base())) {
            assertEquals(1, store.timeline(java.time.Clock.systemUTC()).incidents().size());
        }
    }

    private static String stderrOf(ChildJvm child) {
        try {
            return child.stderr();
        } catch (java.io.IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }
}
