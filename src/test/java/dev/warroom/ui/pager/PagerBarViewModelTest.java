package dev.warroom.ui.pager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.LiveDrill;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.header.Countdown;
import dev.warroom.ui.header.Countdown.Tone;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pager bar's view model without a toolkit: the fixtures' executors run work at once. */
class PagerBarViewModelTest {
    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private final PagerBarViewModel pager = new PagerBarViewModel(fixtures.services, fixtures.state);

    @Test
    void nothingSelected_showsTheLadderIdle_andAckSaysWhyNot() {
        pager.refresh();
        assertEquals(List.of("L1 ana", "L2 li", "L3 sam"), texts());
        assertFalse(pager.ackableProperty().get());
        assertEquals("No incident selected: nothing to ack", pager.ackHelpProperty().get());

        assertFalse(pager.ack(), "the shortcut does nothing but say why");
        assertEquals("No incident selected: nothing to ack", pager.messageProperty().get());
        assertTrue(pager.failedProperty().get());
    }

    @Test
    void drillMidway_showsWhoWasPaged_whoAcked_andThatTheLadderStopped() {
        fixtures.drillMidway();
        pager.refresh();
        assertEquals("INC-0001", pager.incidentIdProperty().get());
        assertTrue(pager.drillProperty().get());
        assertEquals(List.of("L1 ana no ack", "L2 li ACKED 00:07:00", "L3 sam"), texts());
        assertEquals(List.of(Rung.Status.PASSED, Rung.Status.ACKED, Rung.Status.IDLE),
                pager.rungs().stream().map(Rung::status).toList());
        assertEquals(new Countdown("acked by li — ladder stopped", Tone.MET), pager.escalationProperty().get());
        assertFalse(pager.ackableProperty().get());
        assertEquals("Already acked by li at 00:07:00", pager.ackHelpProperty().get());
    }

    @Test
    void livePage_countsDownToTheNextEscalation_andAckStopsIt() {
        Incident incident = declare(Severity.SEV1, "Checkout 503s");
        EscalationLadder ladder = fixtures.services.liveLadder();
        ladder.open(incident.id(), incident.title());
        fixtures.wall.advance(Duration.ofMinutes(2));
        select(incident.id());

        assertEquals(List.of("L1 ana PAGED 00:00:00", "L2 li (would page at 00:05:00)", "L3 sam"), texts());
        assertEquals(new Countdown("escalates in 03:00", Tone.ON_TRACK), pager.escalationProperty().get());
        assertTrue(pager.ackableProperty().get());
        assertEquals("Ack ana", pager.ackTextProperty().get());

        fixtures.wall.advance(Duration.ofMinutes(2));
        pager.refresh();
        assertEquals(new Countdown("escalates in 01:00", Tone.DUE_SOON), pager.escalationProperty().get());

        assertTrue(pager.ack());
        TimelineEvent ack = last(incident.id());
        assertEquals(new EventPayload.Acknowledged("L1", "ana", 240), ack.payload());
        assertEquals(1, fixtures.pager.acknowledged().size(), "the pager is told too");
        assertEquals(List.of("L1 ana ACKED 00:04:00", "L2 li", "L3 sam"), texts());
        assertEquals("INC-0001 acked by ana (L1)", pager.messageProperty().get());
        assertFalse(pager.ackableProperty().get());
    }

    @Test
    void escalatedPage_showsTheLevelsPassed_andAcksAsTheOnePagedNow() {
        Incident incident = declare(Severity.SEV1, "Checkout 503s");
        EscalationLadder ladder = fixtures.services.liveLadder();
        ladder.open(incident.id(), incident.title());
        fixtures.wall.advance(Duration.ofMinutes(6));
        ladder.tick();
        select(incident.id());

        assertEquals(List.of("L1 ana no ack", "L2 li PAGED 00:06:00",
                "L3 sam (would page at 00:11:00)"), texts());
        assertEquals(new Countdown("escalates in 05:00", Tone.ON_TRACK), pager.escalationProperty().get());
        assertEquals("Ack li", pager.ackTextProperty().get());
    }

    @Test
    void exhaustedLadder_isRed_andStillAckable() {
        Incident incident = declare(Severity.SEV1, "Checkout 503s");
        EscalationLadder ladder = fixtures.services.liveLadder();
        ladder.open(incident.id(), incident.title());
        for (int i = 0; i < 6; i++) {
            fixtures.wall.advance(Duration.ofMinutes(5));
            ladder.tick();
        }
        select(incident.id());
        assertEquals("L3 sam PAGED, NO ACK", texts().get(2));
        assertEquals(new Countdown("ladder EXHAUSTED — nobody acked", Tone.OVERDUE), pager.escalationProperty().get());
        assertTrue(pager.ackableProperty().get());
    }

    @Test
    void theDrillsIncident_isAckedThroughTheDrill_onDrillTime() {
        LiveDrill drill = fixtures.drill("provider-outage");
        drill.advance(Duration.ofMinutes(15));
        select(drill.incidentId().orElseThrow());
        assertEquals("Ack ana", pager.ackTextProperty().get());

        assertTrue(pager.ack());
        TimelineEvent ack = last("INC-0001");
        assertEquals("ana", ((EventPayload.Acknowledged) ack.payload()).by());
        assertEquals(drill.clock().instant(), ack.at(), "the drill's clock, not the wall's");
        assertEquals("L1 ana ACKED 00:02:00", texts().get(0));
    }

    @Test
    void tickets_areListedApart_neverPage_andCannotBeAcked() {
        fixtures.drillMidway();
        Incident ticket = declare(Severity.SEV3, "Search slow for some tenants");
        fixtures.services.liveLadder().open(ticket.id(), ticket.title());
        pager.refresh();
        assertEquals(List.of("ticket TICKET-0002 — Sev-3, never pages"), pager.tickets());
        assertEquals("INC-0001", pager.incidentIdProperty().get(), "the ladder still shows the selected incident");

        select(ticket.id());
        assertEquals(List.of("L1 ana", "L2 li", "L3 sam"), texts());
        assertEquals(new Countdown("Sev-3 ticket, never pages", Tone.QUIET), pager.escalationProperty().get());
        assertFalse(pager.ackableProperty().get());
        assertEquals("INC-0002 is a Sev-3 ticket (TICKET-0002): it never pages, nothing to ack",
                pager.ackHelpProperty().get());
        assertFalse(pager.ack());
    }

    @Test
    void failedAck_saysWhy_andKeepsTheButtonForAnotherTry() {
        Incident incident = declare(Severity.SEV1, "Checkout 503s");
        fixtures.services.liveLadder().open(incident.id(), incident.title());
        select(incident.id());
        // someone else acks first, from another console: this one has not refreshed yet
        fixtures.services.liveLadder().acknowledge(incident.id(), "li");

        assertTrue(pager.ack());
        assertTrue(pager.failedProperty().get());
        assertTrue(pager.messageProperty().get().startsWith("ack failed: "), pager.messageProperty().get());
        assertEquals("L1 ana ACKED by li 00:00:00", texts().get(0));
    }

    private List<String> texts() {
        return pager.rungs().stream().map(Rung::text).toList();
    }

    private Incident declare(Severity severity, String title) {
        return fixtures.timeline.declare("warroom/slo-policy",
                new EventPayload.IncidentDeclared(title, severity, "checkout", "checkout-availability", false, null, title));
    }

    private void select(String id) {
        fixtures.state.setSelectedIncident(id);
    }

    private TimelineEvent last(String id) {
        List<TimelineEvent> events = fixtures.timeline.events(id);
        return events.get(events.size() - 1);
    }
}
