package dev.warroom.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.LiveDrill;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.ui.console.ConsoleFixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timeline's view model over an in-memory console: direct executors, so every read lands at once. */
class TimelineViewModelTest {
    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private TimelineViewModel timeline;
    private LiveDrill drill;
    private String id;

    @BeforeEach
    void setUp() {
        drill = fixtures.drillMidway();
        id = drill.incidentId().orElseThrow();
        timeline = new TimelineViewModel(fixtures.services, fixtures.state);
        timeline.youProperty().set("li");
        timeline.refresh();
    }

    @Test
    void refresh_showsEveryEventWithUtcAndRelativeTimes_andTheTypesPresent() {
        List<TimelineEvent> events = fixtures.timeline.events(id);
        assertEquals(events.size(), timeline.entries().size());
        TimelineEntry declared = timeline.entries().get(0);
        assertEquals("incident_declared", declared.type());
        assertEquals("02:13:00", declared.time(), "the drill declares when its alert fires");
        assertEquals("+00:00:00", declared.sinceDeclared());
        assertTrue(declared.summary().startsWith("declared Sev-"), declared.summary());
        TimelineEntry acked = timeline.entries().stream().filter(e -> e.type().equals("acknowledged")).findFirst().orElseThrow();
        assertEquals("li", acked.actor());
        assertEquals("02:20:00", acked.time());
        assertEquals("+00:07:00", acked.sinceDeclared());
        assertEquals(events.stream().map(TimelineEvent::type).distinct().toList(), timeline.types());
        assertTrue(timeline.incidentProperty().get().startsWith(id + "  "), timeline.incidentProperty().get());
        assertTrue(timeline.drillProperty().get());
        assertEquals(events.size() + " events", timeline.countProperty().get());
    }

    @Test
    void refresh_appendsOnlyNewEvents_keepingTheRowsAlreadyShown() {
        List<TimelineEntry> before = List.copyOf(timeline.entries());
        drill.advance(Duration.ofMinutes(2));
        fixtures.timeline.record(id, "ana", new EventPayload.Note("cache hit ratio climbing"));

        timeline.refresh();

        int added = fixtures.timeline.events(id).size() - before.size();
        assertTrue(added >= 1);
        assertEquals(before.size() + added, timeline.entries().size());
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), timeline.entries().get(i), "row " + i + " was replaced");
        }
        TimelineEntry last = timeline.entries().get(timeline.entries().size() - 1);
        assertEquals("note", last.type());
        assertEquals("note: cache hit ratio climbing", last.summary());
        timeline.refresh();
        assertEquals(before.size() + added, timeline.entries().size(), "nothing new, nothing added");
    }

    @Test
    void filter_showsOnlyTheChosenTypes_andAllAgain() {
        int all = timeline.entries().size();
        timeline.toggleType("acknowledged");
        assertFalse(timeline.showingAllProperty().get());
        assertEquals(List.of("acknowledged"), timeline.visibleEntries().stream().map(TimelineEntry::type).toList());
        assertEquals("1 of " + all + " events", timeline.countProperty().get());

        timeline.toggleType("step_acked");
        assertEquals(List.of("acknowledged", "step_acked", "step_acked"),
                timeline.visibleEntries().stream().map(TimelineEntry::type).toList());

        fixtures.timeline.record(id, "ana", new EventPayload.Note("hidden by the filter"));
        timeline.refresh();
        assertEquals(3, timeline.visibleEntries().size(), "a new event of another type stays filtered out");
        assertTrue(timeline.types().contains("note"));

        timeline.toggleType("acknowledged");
        timeline.toggleType("step_acked");
        assertTrue(timeline.showingAllProperty().get(), "unchoosing the last type shows all again");
        assertEquals(all + 1, timeline.visibleEntries().size());

        timeline.toggleType("note");
        timeline.showAllTypes();
        assertEquals(all + 1, timeline.visibleEntries().size());
    }

    @Test
    void addNote_recordsANoteByYou_onDrillTime_andEmptiesTheField() {
        timeline.noteProperty().set("  rolled back the flag  ");
        timeline.addNote();

        TimelineEvent last = last();
        assertEquals(new EventPayload.Note("rolled back the flag"), last.payload());
        assertEquals("li", last.actor());
        assertEquals(drill.clock().instant(), last.at(), "a drill's note is stamped with drill time");
        assertEquals("", timeline.noteProperty().get());
        assertEquals("", timeline.noteErrorProperty().get());
        assertEquals("note", timeline.entries().get(timeline.entries().size() - 1).type());
        assertEquals(1, timeline.focusNoteRequestsProperty().get(), "the keyboard goes back to the note field");
    }

    @Test
    void addNote_blank_isIgnored() {
        int events = fixtures.timeline.events(id).size();
        timeline.noteProperty().set("   ");
        timeline.addNote();
        assertEquals(events, fixtures.timeline.events(id).size());
        assertEquals("", timeline.noteErrorProperty().get());
    }

    @Test
    void addNote_failedWrite_isShown_andTheTextKept() {
        fixtures.state.setSelectedIncident("INC-0099");
        timeline.noteProperty().set("this incident does not exist");
        timeline.addNote();
        assertEquals("this incident does not exist", timeline.noteProperty().get());
        assertTrue(timeline.noteErrorProperty().get().startsWith("Note not recorded: no incident INC-0099"),
                timeline.noteErrorProperty().get());
        assertFalse(timeline.writingProperty().get());
    }

    @Test
    void selectingAnotherIncident_startsAfresh() {
        timeline.toggleType("acknowledged");
        fixtures.state.setSelectedIncident(null);
        assertTrue(timeline.entries().isEmpty());
        assertTrue(timeline.types().isEmpty());
        assertTrue(timeline.showingAllProperty().get());
        assertEquals("", timeline.incidentProperty().get());

        fixtures.state.setSelectedIncident(id);
        assertEquals(fixtures.timeline.events(id).size(), timeline.entries().size());
    }

    private TimelineEvent last() {
        List<TimelineEvent> events = fixtures.timeline.events(id);
        return events.get(events.size() - 1);
    }
}
