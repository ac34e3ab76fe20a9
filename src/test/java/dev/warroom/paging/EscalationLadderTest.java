package dev.warroom.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.IllegalTransitionException;
import dev.warroom.incident.InMemoryTimeline;
import dev.warroom.incident.Incident;
import dev.warroom.incident.PageState;
import dev.warroom.incident.Severity;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.time.VirtualClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EscalationLadderTest {
    private static final Instant T0 = Instant.parse("2026-03-04T02:00:00Z");
    private static final Duration FIVE = Duration.ofMinutes(5);

    private VirtualClock clock;
    private InMemoryTimeline timeline;
    private RecordingPager pager;
    private EscalationLadder ladder;

    @BeforeEach
    void setUp() {
        clock = new VirtualClock(T0);
        timeline = new InMemoryTimeline(clock);
        pager = new RecordingPager();
        ladder = new EscalationLadder(EscalationPolicy.defaults(), SeverityPolicy.defaults(), pager, timeline, clock);
    }

    private String declare(Severity severity) {
        return timeline.declare("warroom/slo-policy", new EventPayload.IncidentDeclared("Checkout errors", severity,
                "checkout", null, false, null, null)).id();
    }

    private Incident incident(String id) {
        return timeline.require(id);
    }

    private static List<String> types(List<TimelineEvent> events) {
        return events.stream().map(TimelineEvent::type).toList();
    }

    private List<String> pagedLevels() {
        return pager.sent().stream().map(p -> p.level() + "/" + p.person()).toList();
    }

    @Test
    void sev1_pagesL1_recordedOnTimeline() {
        String id = declare(Severity.SEV1);
        List<TimelineEvent> opened = ladder.open(id, "5xx on checkout");
        assertEquals(List.of("paged"), types(opened));
        EventPayload.Paged paged = (EventPayload.Paged) opened.get(0).payload();
        assertEquals("L1", paged.level());
        assertEquals("ana", paged.target());
        assertEquals("ana@oncall.example", paged.contact());
        assertEquals(1, paged.cycle());
        assertEquals("INC-0001/L1/1", paged.pageKey());
        assertEquals("recording", paged.pager());
        assertEquals(EscalationLadder.ACTOR, opened.get(0).actor());
        assertEquals(List.of("L1/ana"), pagedLevels());
        Page page = pager.sent().get(0);
        assertEquals("[Sev-1] INC-0001 5xx on checkout", page.summary());
        assertEquals(Severity.SEV1, page.severity());
        assertEquals(PageState.Status.PAGING, incident(id).paging().status());
    }

    @Test
    void deadline_andNextLevel_values() {
        String id = declare(Severity.SEV1);
        ladder.open(id, "x");
        assertEquals(T0.plus(FIVE), ladder.deadline(incident(id)).orElseThrow());
        assertEquals("L2", ladder.nextLevel(incident(id)).orElseThrow().name());
        clock.advance(FIVE);
        ladder.tick();
        assertEquals(T0.plus(FIVE).plus(FIVE), ladder.deadline(incident(id)).orElseThrow());
        assertEquals("L3", ladder.nextLevel(incident(id)).orElseThrow().name());
        clock.advance(FIVE);
        ladder.tick();
        // after L3 the ladder wraps to L1 for the one repeat
        assertEquals("L1", ladder.nextLevel(incident(id)).orElseThrow().name());
    }

    @Test
    void deadline_andNextLevel_emptyWhenNotPaging() {
        String id = declare(Severity.SEV1);
        assertTrue(ladder.deadline(incident(id)).isEmpty());
        assertTrue(ladder.nextLevel(incident(id)).isEmpty());
        ladder.open(id, "x");
        ladder.acknowledge(id, "ana");
        assertTrue(ladder.deadline(incident(id)).isEmpty());
        assertTrue(ladder.nextLevel(incident(id)).isEmpty());
    }

    @Test
    void noAck_escalatesToL2_exactlyAtTheDeadline_notASecondBefore() {
        String id = declare(Severity.SEV1);
        ladder.open(id, "x");
        clock.set(T0.plus(FIVE).minusSeconds(1));
        assertEquals(List.of(), ladder.tick());
        clock.set(T0.plus(FIVE).minusMillis(1));
        assertEquals(List.of(), ladder.tick());
        assertEquals(1, pager.sent().size());
        clock.set(T0.plus(FIVE));
        List<TimelineEvent> recorded = ladder.tick();
        assertEquals(List.of("escalated", "paged"), types(recorded));
        EventPayload.Escalated esc = (EventPayload.Escalated) recorded.get(0).payload();
        assertEquals("L1", esc.fromLevel());
        assertEquals("L2", esc.toLevel());
        assertEquals("li", esc.target());
        assertEquals(1, esc.cycle());
        assertEquals("no ack from L1 ana within 5m", esc.reason());
        assertEquals(List.of("L1/ana", "L2/li"), pagedLevels());
        // a second tick at the same instant does nothing: L2's own deadline is 5 minutes away
        assertEquals(List.of(), ladder.tick());
    }

    @Test
    void noAck_climbsL1L2L3_repeatsFromL1InCycle2_thenExhausted() {
        String id = declare(Severity.SEV1);
        ladder.open(id, "x");
        for (int i = 0; i < 5; i++) {
            clock.advance(FIVE);
            assertEquals(List.of("escalated", "paged"), types(ladder.tick()), "tick " + i);
        }
        assertEquals(List.of("L1/ana", "L2/li", "L3/sam", "L1/ana", "L2/li", "L3/sam"), pagedLevels());
        assertEquals(List.of("INC-0001/L1/1", "INC-0001/L2/1", "INC-0001/L3/1", "INC-0001/L1/2", "INC-0001/L2/2",
                "INC-0001/L3/2"), pager.sent().stream().map(Page::key).toList());
        List<TimelineEvent> events = timeline.events(id);
        EventPayload.Escalated wrap = events.stream().map(TimelineEvent::payload)
                .filter(p -> p instanceof EventPayload.Escalated e && e.toLevel().equals("L1"))
                .map(EventPayload.Escalated.class::cast).findFirst().orElseThrow();
        assertEquals(2, wrap.cycle());
        assertEquals("no ack from L3 sam within 5m; starting the ladder again (repeat 1 of 1)", wrap.reason());
        assertEquals(2, incident(id).paging().cycle());
        assertEquals(5, incident(id).paging().escalations());
        assertTrue(ladder.nextLevel(incident(id)).isEmpty());

        clock.advance(FIVE);
        List<TimelineEvent> last = ladder.tick();
        assertEquals(List.of("escalation_exhausted"), types(last));
        EventPayload.EscalationExhausted x = (EventPayload.EscalationExhausted) last.get(0).payload();
        assertEquals(2, x.cycles());
        assertEquals("L3", x.lastLevel());
        assertEquals(PageState.Status.EXHAUSTED, incident(id).paging().status());

        // nothing more, however long nobody answers
        clock.advance(Duration.ofHours(3));
        assertEquals(List.of(), ladder.tick());
        assertEquals(6, pager.sent().size());
        // still ackable once exhausted
        ladder.acknowledge(id, "sam");
        assertEquals(PageState.Status.ACKED, incident(id).paging().status());
    }

    @Test
    void ack_stopsTheLadder_tickAfterAckRecordsNothing() {
        String id = declare(Severity.SEV1);
        ladder.open(id, "x");
        clock.advance(Duration.ofMinutes(6));
        ladder.tick();
        clock.advance(Duration.ofMinutes(1));
        TimelineEvent ack = ladder.acknowledge(id, "li");
        assertEquals("acknowledged", ack.type());
        assertEquals("li", ack.actor());
        EventPayload.Acknowledged a = (EventPayload.Acknowledged) ack.payload();
        assertEquals("L2", a.level());
        assertEquals("li", a.by());
        assertEquals(7 * 60, a.secondsToAck());
        assertEquals(List.of("INC-0001/L2/1"), pager.acknowledged().stream().map(Page::key).toList());
        assertEquals(Duration.ofMinutes(7), incident(id).timeToAck().orElseThrow());
        int before = timeline.events(id).size();
        for (int i = 0; i < 12; i++) {
            clock.advance(FIVE);
            assertEquals(List.of(), ladder.tick());
        }
        assertEquals(before, timeline.events(id).size());
        assertEquals(2, pager.sent().size());
    }

    @Test
    void ack_whenNothingIsPaged_isRefused_andNothingRecorded() {
        String id = declare(Severity.SEV1);
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> ladder.acknowledge(id, "ana"));
        assertTrue(e.getMessage().contains("no page is open"), e.getMessage());
        assertEquals(1, timeline.events(id).size());
        assertTrue(pager.acknowledged().isEmpty());
        ladder.open(id, "x");
        ladder.acknowledge(id, "ana");
        IllegalTransitionException twice = assertThrows(IllegalTransitionException.class,
                () -> ladder.acknowledge(id, "li"));
        assertTrue(twice.getMessage().contains("already acknowledged by ana"), twice.getMessage());
    }

    @Test
    void sev3_opensTicket_neverPages_evenAfterHoursOfTicks() {
        String id = declare(Severity.SEV3);
        List<TimelineEvent> opened = ladder.open(id, "latency creeping up");
        assertEquals(List.of("ticket_opened"), types(opened));
        EventPayload.TicketOpened t = (EventPayload.TicketOpened) opened.get(0).payload();
        assertEquals("TICKET-0001", t.ticket());
        assertEquals("on-call", t.queue());
        assertTrue(t.summary().contains("no page"), t.summary());
        assertEquals("TICKET-0001", incident(id).ticket());
        for (int i = 0; i < 48; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertEquals(List.of(), ladder.tick());
        }
        assertTrue(pager.sent().isEmpty());
        assertEquals(PageState.Status.NONE, incident(id).paging().status());
        assertEquals(2, timeline.events(id).size());
        assertThrows(IllegalTransitionException.class, () -> ladder.acknowledge(id, "ana"));
    }

    @Test
    void sev0_pagesEveryLevelAtOnce() {
        String id = declare(Severity.SEV0);
        List<TimelineEvent> opened = ladder.open(id, "everything down");
        assertEquals(List.of("paged", "paged", "paged"), types(opened));
        assertEquals(List.of("L1/ana", "L2/li", "L3/sam"), pagedLevels());
        assertTrue(opened.stream().allMatch(e -> e.at().equals(T0)));
        assertEquals(List.of(2L, 3L, 4L), opened.stream().map(TimelineEvent::seq).toList());
        assertEquals("L3", incident(id).paging().level());
        // no ack: the whole ladder again (cycle 2), then exhausted
        clock.advance(FIVE);
        List<TimelineEvent> again = ladder.tick();
        assertEquals(List.of("escalated", "paged", "paged", "paged"), types(again));
        assertEquals(6, pager.sent().size());
        assertTrue(pager.sent().subList(3, 6).stream().allMatch(p -> p.key().endsWith("/2")));
        clock.advance(FIVE);
        assertEquals(List.of("escalation_exhausted"), types(ladder.tick()));
    }

    @Test
    void everyPageEscalationAndAck_isATimelineEvent() {
        String id = declare(Severity.SEV1);
        ladder.open(id, "x");
        clock.advance(FIVE);
        ladder.tick();
        clock.advance(FIVE);
        ladder.tick();
        ladder.acknowledge(id, "sam");
        assertEquals(List.of("incident_declared", "paged", "escalated", "paged", "escalated", "paged", "acknowledged"),
                types(timeline.events(id)));
        assertEquals(3, pager.sent().size());
        assertEquals(Incident.fold(timeline.events(id)), incident(id));
    }

    @Test
    void tick_onlyTouchesIncidentsPastTheirDeadline() {
        String a = declare(Severity.SEV1);
        ladder.open(a, "a");
        clock.advance(Duration.ofMinutes(3));
        String b = declare(Severity.SEV1);
        ladder.open(b, "b");
        clock.advance(Duration.ofMinutes(2));
        List<TimelineEvent> recorded = ladder.tick();
        assertEquals(List.of(a, a), recorded.stream().map(TimelineEvent::incidentId).toList());
        clock.advance(Duration.ofMinutes(3));
        assertEquals(List.of(b, b), ladder.tick().stream().map(TimelineEvent::incidentId).toList());
    }

    @Test
    void failingPager_isNotedOnTimeline_andLadderKeepsClimbing() {
        Pager broken = new Pager() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void send(Page page) {
                throw new PagerException("503 from provider", null);
            }
        };
        EscalationLadder l = new EscalationLadder(EscalationPolicy.defaults(), SeverityPolicy.defaults(), broken,
                timeline, clock);
        String id = declare(Severity.SEV1);
        List<TimelineEvent> opened = l.open(id, "x");
        assertEquals(List.of("note"), types(opened));
        assertTrue(((EventPayload.Note) opened.get(0).payload()).text()
                .contains("paging L1 ana (primary) through broken failed: 503 from provider"));
    }

    @Test
    void customPolicyFromYaml_usesPerLevelDelays() {
        EscalationPolicy policy = EscalationPolicy.parse(new ByteArrayInputStream("""
                name: payments
                delay: 10m
                repeats: 0
                levels:
                  - {name: P1, person: kim, contact: kim@example, delay: 2m}
                  - {name: P2, person: lee, delay: 1h}
                  - {person: max}
                """.getBytes(StandardCharsets.UTF_8)), "payments.yaml");
        EscalationLadder l = new EscalationLadder(policy, SeverityPolicy.defaults(), pager, timeline, clock);
        String id = declare(Severity.SEV2);
        l.open(id, "x");
        assertEquals(T0.plus(Duration.ofMinutes(2)), l.deadline(incident(id)).orElseThrow());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of("escalated", "paged"), types(l.tick()));
        assertEquals(T0.plus(Duration.ofMinutes(62)), l.deadline(incident(id)).orElseThrow());
        clock.advance(Duration.ofMinutes(59));
        assertEquals(List.of(), l.tick());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of("escalated", "paged"), types(l.tick()));
        assertEquals("L3", incident(id).paging().level());
        assertEquals(T0.plus(Duration.ofMinutes(72)), l.deadline(incident(id)).orElseThrow());
        // repeats: 0 -> no wrap
        assertTrue(l.nextLevel(incident(id)).isEmpty());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(List.of("escalation_exhausted"), types(l.tick()));
        assertEquals(List.of("P1/kim", "P2/lee", "L3/max"), pagedLevels());
    }
}
