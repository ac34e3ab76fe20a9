package dev.warroom.store;

import dev.warroom.time.VirtualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.IllegalTransitionException;
import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentState;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Timeline contract of {@link JdbcTimeline}, run against every database the store supports. */
abstract class TimelineContract {
    protected final VirtualClock clock = new VirtualClock(Instant.parse("2025-03-01T02:00:00.123456789Z"));
    private final List<WarroomStore> opened = new ArrayList<>();

    /** Opens the store under test; every call in one test opens the same database. */
    protected abstract WarroomStore openStore();

    /** A plain JDBC connection to the same database, to look at rows behind the store's back. */
    protected abstract Connection raw() throws SQLException;

    protected final WarroomStore open() {
        WarroomStore store = openStore();
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(WarroomStore::close);
    }

    protected final long count(String sql, Object... args) throws SQLException {
        try (Connection c = raw(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void events_areServedFromMemoryWhileUnchanged_andGrowWithEveryAppend() {
        Timeline timeline = open().timeline(clock);
        Incident incident = timeline.declare("alice", SampleEvents.declared("cache"));
        List<TimelineEvent> first = timeline.events(incident.id());
        assertSame(first, timeline.events(incident.id()), "an unchanged timeline is not read again");
        timeline.record(incident.id(), "bob", new EventPayload.Note("still here"));
        List<TimelineEvent> second = timeline.events(incident.id());
        assertEquals(2, second.size());
        assertEquals("note", second.get(1).type());
        assertEquals(first.get(0), second.get(0));
        timeline.recordAll(incident.id(), "bob", List.of(new EventPayload.Note("one"), new EventPayload.Note("two")));
        assertEquals(List.of(1L, 2L, 3L, 4L), timeline.events(incident.id()).stream().map(TimelineEvent::seq).toList());
    }

    @Test
    void declare_allocatesSequentialIdsAndNumbers() throws SQLException {
        Timeline timeline = open().timeline(clock);
        for (int i = 1; i <= 3; i++) {
            Incident incident = timeline.declare("alice", SampleEvents.declared("incident " + i));
            assertEquals(String.format("INC-%04d", i), incident.id());
            assertEquals(IncidentState.DETECTED, incident.state());
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(3, count("SELECT COUNT(*) FROM incident WHERE number BETWEEN 1 AND 3"));
        assertEquals(List.of("INC-0003", "INC-0002", "INC-0001"),
                timeline.incidents().stream().map(Incident::id).toList());
    }

    @Test
    void record_stampsClockTimeTruncatedToMillis() throws SQLException {
        Timeline timeline = open().timeline(clock);
        Incident incident = timeline.declare("alice", SampleEvents.declared("clock"));
        clock.advance(Duration.ofSeconds(30));
        TimelineEvent event = timeline.record(incident.id(), "bob", new EventPayload.Note("hi"));

        Instant expected = Instant.parse("2025-03-01T02:00:30.123Z");
        assertEquals(expected, event.at());
        assertEquals(2, event.seq());
        assertEquals(expected.toEpochMilli(),
                count("SELECT at_ms FROM timeline_event WHERE incident_id = ? AND seq = 2", incident.id()));
        assertEquals(Instant.parse("2025-03-01T02:00:00.123Z"), incident.declaredAt());
    }

    @Test
    void record_illegalTransitionRefusedAndNothingWritten() throws SQLException {
        Timeline timeline = open().timeline(clock);
        Incident incident = timeline.declare("alice", SampleEvents.declared("illegal"));

        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> timeline.record(incident.id(), "bob", new EventPayload.Acknowledged("primary", "bob", 10)));
        assertTrue(refused.getMessage().contains("nothing to acknowledge"), refused.getMessage());
        assertEquals(1, count("SELECT COUNT(*) FROM timeline_event"));
        assertEquals(1, timeline.require(incident.id()).lastSeq());

        assertEquals(2, timeline.record(incident.id(), "bob", new EventPayload.Note("still fine")).seq());
        assertEquals(2, count("SELECT COUNT(*) FROM timeline_event"));
    }

    @Test
    void recordAll_isAtomic() throws SQLException {
        Timeline timeline = open().timeline(clock);
        Incident incident = timeline.declare("alice", SampleEvents.declared("atomic"));
        List<EventPayload> batch = List.of(new EventPayload.Note("one"), new EventPayload.SymptomNamed("slow"),
                new EventPayload.Acknowledged("primary", "bob", 10), new EventPayload.Note("never"));

        assertThrows(IllegalTransitionException.class, () -> timeline.recordAll(incident.id(), "bob", batch));

        assertEquals(1, count("SELECT COUNT(*) FROM timeline_event"));
        assertEquals(1, timeline.events(incident.id()).size());
        assertEquals(IncidentState.DETECTED, timeline.require(incident.id()).state());
    }

    @Test
    void recordAll_appendsConsecutiveSeqsAtOneTime() throws SQLException {
        Timeline timeline = open().timeline(clock);
        Incident incident = timeline.declare("alice", SampleEvents.declared("batch"));
        clock.advance(Duration.ofSeconds(5));

        List<TimelineEvent> added = timeline.recordAll(incident.id(), "bob", SampleEvents.lifecycle());

        assertEquals(SampleEvents.lifecycle().size(), added.size());
        for (int i = 0; i < added.size(); i++) {
            assertEquals(i + 2, added.get(i).seq());
            assertEquals(clock.instant().toEpochMilli(), added.get(i).at().toEpochMilli());
        }
        assertEquals(added.size() + 1, count("SELECT COUNT(*) FROM timeline_event WHERE incident_id = ?", incident.id()));
        assertEquals(IncidentState.CLOSED, timeline.require(incident.id()).state());
        assertEquals(List.of(), timeline.recordAll(incident.id(), "bob", List.of()));
    }

    @Test
    void reopen_restoresEventsAndFoldedState() {
        WarroomStore first = open();
        Timeline timeline = first.timeline(clock);
        Incident a = timeline.declare("alice", SampleEvents.declared("first"));
        for (EventPayload payload : SampleEvents.lifecycle()) {
            clock.advance(Duration.ofMillis(1234));
            timeline.record(a.id(), "bob", payload);
        }
        clock.advance(Duration.ofMinutes(3));
        Incident b = timeline.declare("carol", SampleEvents.declared("second"));
        timeline.record(b.id(), "carol", new EventPayload.SymptomNamed("queue depth"));
        List<Incident> incidents = timeline.incidents();
        List<TimelineEvent> eventsA = timeline.events(a.id());
        List<TimelineEvent> eventsB = timeline.events(b.id());
        first.close();

        Timeline reopened = open().timeline(clock);
        assertEquals(incidents, reopened.incidents());
        assertEquals(eventsA, reopened.events(a.id()));
        assertEquals(eventsB, reopened.events(b.id()));
        assertEquals(Incident.fold(eventsA), reopened.require(a.id()));
        Incident c = reopened.declare("dave", SampleEvents.declared("third"));
        assertEquals("INC-0003", c.id());
        assertEquals(c, reopened.incidents().get(0));
    }

    @Test
    void record_fromManyThreadsKeepsSeqsContiguous() throws Exception {
        Timeline timeline = open().timeline(clock);
        Incident incident = timeline.declare("alice", SampleEvents.declared("threads"));
        int threads = 4;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int worker = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        timeline.record(incident.id(), "worker-" + worker, new EventPayload.Note(worker + "/" + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> seqs = timeline.events(incident.id()).stream().map(TimelineEvent::seq).toList();
        assertEquals(LongStream.rangeClosed(1, 1 + threads * each).boxed().toList(), seqs);
        assertEquals(1 + threads * each, timeline.require(incident.id()).lastSeq());
    }

    @Test
    void record_unknownIncidentRefused() throws SQLException {
        Timeline timeline = open().timeline(clock);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> timeline.record("INC-0042", "bob", new EventPayload.Note("x")));
        assertTrue(e.getMessage().contains("INC-0042"), e.getMessage());
        assertEquals(0, count("SELECT COUNT(*) FROM timeline_event"));
    }

    @Test
    void record_afterAnotherWriterAppended_reloadsAndRetries() throws SQLException {
        Timeline mine = open().timeline(clock);
        Incident incident = mine.declare("alice", SampleEvents.declared("two writers"));
        Timeline theirs = open().timeline(clock);
        assertEquals(1, theirs.require(incident.id()).lastSeq());

        mine.record(incident.id(), "alice", new EventPayload.SymptomNamed("disk full"));
        TimelineEvent late = theirs.record(incident.id(), "bob", new EventPayload.Note("saw it too"));

        assertEquals(3, late.seq());
        assertEquals(IncidentState.TRIAGED, theirs.require(incident.id()).state());
        assertEquals(3, count("SELECT COUNT(*) FROM timeline_event WHERE incident_id = ?", incident.id()));
    }

    @Test
    void record_afterAnotherWriterMadeItIllegal_refusedAndNothingWritten() throws SQLException {
        Timeline mine = open().timeline(clock);
        Incident incident = mine.declare("alice", SampleEvents.declared("two writers"));
        mine.record(incident.id(), "alice", new EventPayload.Paged("primary", "bob", "bob@x", 1, "k", "log"));
        Timeline theirs = open().timeline(clock);

        mine.record(incident.id(), "bob", new EventPayload.Acknowledged("primary", "bob", 30));
        assertThrows(IllegalTransitionException.class,
                () -> theirs.record(incident.id(), "bob", new EventPayload.Acknowledged("primary", "bob", 31)));
        assertEquals(3, count("SELECT COUNT(*) FROM timeline_event WHERE incident_id = ?", incident.id()));
    }

    @Test
    void declare_afterAnotherWriterDeclared_takesNextNumberAndSeesTheirs() {
        Timeline mine = open().timeline(clock);
        Timeline theirs = open().timeline(clock);
        Incident first = theirs.declare("bob", SampleEvents.declared("theirs"));

        Incident second = mine.declare("alice", SampleEvents.declared("mine"));

        assertEquals("INC-0002", second.id());
        assertEquals(first, mine.require(first.id()));
    }

    @Test
    void open_unreadablePayloadNamesIncidentAndSeq() throws SQLException {
        WarroomStore store = open();
        Incident incident = store.timeline(clock).declare("alice", SampleEvents.declared("garbled"));
        store.close();
        try (Connection c = raw(); PreparedStatement ps = c.prepareStatement("INSERT INTO timeline_event"
                + " (incident_id, seq, at_ms, actor, type, payload) VALUES (?, 2, 0, 'x', 'note', '{\"type\":\"nope\"')")) {
            ps.setString(1, incident.id());
            ps.executeUpdate();
        }

        StoreException e = assertThrows(StoreException.class, this::openStore);
        assertTrue(e.getMessage().contains(incident.id() + " seq 2"), e.getMessage());
        assertTrue(e.getMessage().contains(e.location()), e.getMessage());
    }
}
