package dev.warroom.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.InMemoryTimeline;
import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentState;
import dev.warroom.incident.PageState;
import dev.warroom.incident.Severity;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.paging.EscalationPolicy;
import dev.warroom.paging.RecordingPager;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

class LiveDrillTest {
    private static final Instant START = Instant.parse("2026-11-18T02:00:00Z");

    private final VirtualClock clock = new VirtualClock(START);
    private final InMemoryTimeline timeline = new InMemoryTimeline(clock);
    private final LiveDrill drill = new LiveDrill(ScenarioLibrary.bundled().require("provider-outage"),
            RunbookLibrary.bundled(), timeline, new EscalationLadder(EscalationPolicy.defaults(), SeverityPolicy.defaults(),
            new RecordingPager(), timeline, clock), AlertPolicy.sreWorkbook(), SeverityPolicy.defaults(), clock, 3, 60);

    @Test
    void peoplePlayTheDrill_pageEscalateAckRunbookRecoverResolve_andGetAScoreCard() {
        drill.advance(Duration.ofMinutes(9));
        assertTrue(drill.incidentId().isEmpty(), "healthy before the failure starts at 10m");
        assertThrows(IllegalStateException.class, () -> drill.acknowledge("ana"));

        drill.advance(Duration.ofMinutes(6));
        String id = drill.incidentId().orElseThrow();
        Incident paged = timeline.require(id);
        assertEquals(Severity.SEV1, paged.severity());
        assertEquals("L1", paged.paging().level());

        drill.advance(Duration.ofMinutes(5));
        assertEquals("L2", timeline.require(id).paging().level(), "nobody acked L1 within 5m");
        drill.acknowledge("li");
        assertEquals(PageState.Status.ACKED, timeline.require(id).paging().status());

        assertEquals("provider-outage", drill.suggestedRunbook());
        drill.startRunbook(drill.suggestedRunbook(), "li");
        assertThrows(IllegalStateException.class, () -> drill.startRunbook("cost-spike", "li"));
        drill.ackStep("li");
        for (int step = 2; step <= 4; step++) {
            drill.advance(Duration.ofMinutes(2));
            drill.ackStep("li");
        }
        assertEquals(3, drill.appliedMitigations().size());
        drill.advance(Duration.ofMinutes(10));
        Incident mitigated = timeline.require(id);
        assertEquals(IncidentState.MITIGATED, mitigated.state(), "the SLI held above the objective");
        assertTrue(drill.runbookRun().orElseThrow().progress().recovered());
        assertThrows(IllegalStateException.class, () -> drill.ackStep("li"), "the run is over once recovered");

        drill.resolve("li", null);
        assertEquals(IncidentState.RESOLVED, timeline.require(id).state());
        ScoreCard card = drill.scoreCard().orElseThrow();
        assertEquals(1, card.escalations());
        assertTrue(card.followedSuggestion());
        assertEquals(Duration.ofMinutes(10), card.ackTarget(), "Sev-1: ack within 10 min is what good looks like");
        assertTrue(card.timeToAck().compareTo(Duration.ofMinutes(5)) > 0);
        assertEquals(Duration.ofHours(1), card.resolveTarget());
        assertTrue(ScoreCard.met(card.timeToResolve(), card.resolveTarget()));
        assertTrue(timeline.events(id).stream().anyMatch(e -> e.payload() instanceof EventPayload.StepVerified));
    }

    @Test
    void ticker_runsDrillTimeAtItsSpeedOnTheWallClock() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            drill.start(scheduler, Duration.ofMillis(20));
            assertTrue(drill.running());
            Thread.sleep(500);
            drill.close();
            assertFalse(drill.running());
            Duration passed = Duration.between(START, clock.instant());
            // 60x: half a second of wall time is about 30 s of drill time; a loaded machine only slows it
            assertTrue(passed.compareTo(Duration.ofSeconds(5)) >= 0 && passed.compareTo(Duration.ofSeconds(40)) <= 0,
                    "drill time after 0.5 s at 60x: " + passed);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
