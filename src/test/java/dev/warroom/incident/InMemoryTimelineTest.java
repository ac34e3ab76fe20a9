package dev.warroom.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemoryTimelineTest {
    private VirtualClock clock;
    private InMemoryTimeline timeline;

    @BeforeEach
    void setUp() {
        clock = new VirtualClock(Instant.parse("2026-03-04T11:00:00.123456Z"));
        timeline = new InMemoryTimeline(clock);
    }

    private Incident declare(String title, Severity severity) {
        return timeline.declare("ana", new EventPayload.IncidentDeclared(title, severity, "svc", null, false, null, null));
    }

    @Test
    void declare_assignsSequentialIds_andStampsMillisecondClock() {
        Incident first = declare("one", Severity.SEV1);
        clock.advance(Duration.ofMinutes(1));
        Incident second = declare("two", Severity.SEV2);
        assertEquals("INC-0001", first.id());
        assertEquals("INC-0002", second.id());
        assertEquals(Instant.parse("2026-03-04T11:00:00.123Z"), first.declaredAt());
        assertEquals(List.of("INC-0002", "INC-0001"), timeline.incidents().stream().map(Incident::id).toList());
        assertEquals(1, timeline.events("INC-0001").size());
        assertEquals("incident_declared", timeline.events("INC-0001").get(0).type());
    }

    @Test
    void record_appendsWithNextSeq_andUpdatesFold() {
        String id = declare("one", Severity.SEV1).id();
        clock.advance(Duration.ofSeconds(30));
        TimelineEvent e = timeline.record(id, "ana", new EventPayload.SymptomNamed("slow"));
        assertEquals(2, e.seq());
        assertEquals("ana", e.actor());
        assertEquals(Instant.parse("2026-03-04T11:00:30.123Z"), e.at());
        assertEquals(IncidentState.TRIAGED, timeline.require(id).state());
        assertEquals(timeline.require(id), Incident.fold(timeline.events(id)));
    }

    @Test
    void illegalEvent_isRefused_andNothingIsAppended() {
        String id = declare("one", Severity.SEV1).id();
        timeline.record(id, "ana", new EventPayload.Note("looking"));
        Incident before = timeline.require(id);
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> timeline.record(id, "ana", new EventPayload.Resolved("done", null)));
        assertTrue(e.getMessage().contains(id), e.getMessage());
        assertEquals(2, timeline.events(id).size());
        assertSame(before, timeline.require(id));
        assertEquals(IncidentState.DETECTED, timeline.require(id).state());
        // the next legal event takes seq 3, no gap left by the refused one
        assertEquals(3, timeline.record(id, "ana", new EventPayload.SymptomNamed("x")).seq());
    }

    @Test
    void recordAll_isAtomic_oneBadEventRecordsNone() {
        String id = declare("one", Severity.SEV1).id();
        List<EventPayload> batch = List.of(
                new EventPayload.SymptomNamed("slow"),
                new EventPayload.Note("trying"),
                new EventPayload.Resolved("too early", null));
        assertThrows(IllegalTransitionException.class, () -> timeline.recordAll(id, "ana", batch));
        assertEquals(1, timeline.events(id).size());
        assertEquals(IncidentState.DETECTED, timeline.require(id).state());
        assertEquals(1, timeline.require(id).lastSeq());
    }

    @Test
    void recordAll_legalBatch_getsConsecutiveSeqsAndOneTimestamp() {
        String id = declare("one", Severity.SEV1).id();
        clock.advance(Duration.ofMinutes(2));
        List<TimelineEvent> added = timeline.recordAll(id, "ana", List.of(
                new EventPayload.SymptomNamed("slow"),
                new EventPayload.MitigationApplied("scale", "Scale", true, null, null)));
        assertEquals(List.of(2L, 3L), added.stream().map(TimelineEvent::seq).toList());
        assertTrue(added.stream().allMatch(ev -> ev.at().equals(Instant.parse("2026-03-04T11:02:00.123Z"))));
        assertEquals(IncidentState.MITIGATING, timeline.require(id).state());
        assertEquals(3, timeline.events(id).size());
    }

    @Test
    void unknownIncident_isNamedInError_andEventsEmpty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> timeline.record("INC-0404", "ana", new EventPayload.Note("x")));
        assertEquals("no incident INC-0404", e.getMessage());
        assertTrue(timeline.events("INC-0404").isEmpty());
        assertTrue(timeline.incident("INC-0404").isEmpty());
    }

    @Test
    void openIncidents_excludesResolved() {
        String a = declare("a", Severity.SEV1).id();
        declare("b", Severity.SEV2);
        timeline.recordAll(a, "ana", List.of(new EventPayload.SymptomNamed("x"),
                new EventPayload.MitigationApplied("m", "t", true, null, null),
                new EventPayload.Mitigated("ok", 1.0), new EventPayload.Resolved("ok", null)));
        assertEquals(List.of("INC-0002"), timeline.openIncidents().stream().map(Incident::id).toList());
    }

    @Test
    void incidentIds_formatAndParse() {
        assertEquals("INC-0042", IncidentIds.format(42));
        assertEquals(42, IncidentIds.parse("INC-0042"));
        assertEquals(42, IncidentIds.parse("inc42"));
        assertEquals(7, IncidentIds.parse(" 7 "));
        assertThrows(IllegalArgumentException.class, () -> IncidentIds.parse("INC-x"));
    }
}
