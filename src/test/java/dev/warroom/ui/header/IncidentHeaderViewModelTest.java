package dev.warroom.ui.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.LiveDrill;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.header.Countdown.Tone;
import dev.warroom.ui.header.IncidentHeaderViewModel.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The header's view model without a toolkit: the fixtures' executors run work at once. */
class IncidentHeaderViewModelTest {
    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private final IncidentHeaderViewModel header = new IncidentHeaderViewModel(fixtures.services, fixtures.state);

    @Test
    void nothingSelected_saysQuietShift_andNothingIsDue() {
        header.refresh();
        assertFalse(header.selectedProperty().get());
        assertEquals(IncidentHeaderViewModel.QUIET_SHIFT, header.titleProperty().get());
        assertEquals("", header.severityTextProperty().get());
        assertEquals(Countdown.NONE, header.ackProperty().get());
        assertTrue(header.goodLooksLike().isEmpty());
    }

    @Test
    void drillMidway_showsHowBadWhereWeAreAndHowLong_onDrillTime() {
        fixtures.drillMidway();
        header.refresh();

        assertTrue(header.selectedProperty().get());
        assertEquals("INC-0001", header.incidentIdProperty().get());
        assertEquals("Model provider outage (503s)", header.titleProperty().get());
        assertEquals("SEV-1", header.severityTextProperty().get());
        assertEquals("sev-1", header.severityStyleClassProperty().get());
        assertEquals("MITIGATING", header.stateTextProperty().get());
        assertEquals("state-mitigating", header.stateStyleClassProperty().get());
        assertTrue(header.drillProperty().get());
        // declared 02:13 drill time, now 02:25 drill time; the wall clock still says 02:00
        assertEquals("00:12:00", header.elapsedProperty().get());
        assertEquals(new Countdown("acked 07:00 / 15:00 (ok)", Tone.MET), header.ackProperty().get());
        assertEquals(new Countdown("status update due in 18:00", Tone.ON_TRACK), header.statusUpdateProperty().get());
        assertEquals(List.of(new Countdown("ack 10m met 07:00", Tone.MET),
                new Countdown("status page 30m due in 18:00", Tone.ON_TRACK),
                new Countdown("resolve 1h due in 48:00", Tone.ON_TRACK)), header.goodLooksLike());
        assertEquals("--", header.roleProperty(Role.COMMANDER).get());
    }

    @Test
    void countdowns_moveOnRefresh_amberInTheLastThird_thenOverdue() {
        LiveDrill drill = fixtures.drillMidway();
        header.refresh();

        drill.advance(Duration.ofMinutes(9));
        header.refresh();
        assertEquals(new Countdown("status update due in 09:00", Tone.DUE_SOON), header.statusUpdateProperty().get());
        assertEquals("00:21:00", header.elapsedProperty().get());

        drill.advance(Duration.ofMinutes(10));
        header.refresh();
        assertEquals(new Countdown("status update OVERDUE 01:00", Tone.OVERDUE), header.statusUpdateProperty().get());
        assertEquals(new Countdown("status page 30m OVERDUE 01:00", Tone.OVERDUE), header.goodLooksLike().get(1));
        assertEquals("overdue", header.statusUpdateProperty().get().styleClass(), "the view's style class");
    }

    @Test
    void postUpdate_recordsAStatusUpdateOnDrillTime_andRestartsTheCountdown() {
        LiveDrill drill = fixtures.drillMidway();
        header.refresh();
        assertEquals("Mitigating: Model provider outage (503s). Next update within 30m.", header.draftUpdate());

        header.postUpdate("Failed over to the fallback provider; error ratio falling.");

        TimelineEvent last = last("INC-0001");
        assertEquals(new EventPayload.StatusUpdatePosted("stakeholders",
                "Failed over to the fallback provider; error ratio falling."), last.payload());
        assertEquals(drill.clock().instant(), last.at(), "a drill's events carry drill time");
        assertEquals("li", last.actor(), "nobody is IC yet, so the one who acked wrote it");
        assertEquals(new Countdown("status update due in 30:00", Tone.ON_TRACK), header.statusUpdateProperty().get());
        assertEquals(new Countdown("status page 30m met 12:00", Tone.MET), header.goodLooksLike().get(1));
        assertEquals("status update posted on INC-0001", header.messageProperty().get());
        assertFalse(header.failedProperty().get());
    }

    @Test
    void assignRole_recordsRoleAssigned_andTheIcSignsWhatFollows() {
        fixtures.drillMidway();
        header.refresh();

        header.assignRole(Role.COMMANDER, " ana ");
        assertEquals(new EventPayload.RoleAssigned("incident_commander", "ana"), last("INC-0001").payload());
        assertEquals("ana", header.roleProperty(Role.COMMANDER).get());

        header.assignRole(Role.SCRIBE, "noor");
        TimelineEvent scribe = last("INC-0001");
        assertEquals(new EventPayload.RoleAssigned("scribe", "noor"), scribe.payload());
        assertEquals("ana", scribe.actor());
        assertEquals("noor", header.roleProperty(Role.SCRIBE).get());
        assertEquals("--", header.roleProperty(Role.COMMS).get());
        assertEquals(List.of("ana", "li", "sam", "noor"), header.people(), "the ladder's people, then anyone named");
    }

    @Test
    void blankNamesAndEmptyUpdates_areRefused_andNothingIsRecorded() {
        fixtures.drillMidway();
        header.refresh();
        int before = fixtures.timeline.events("INC-0001").size();

        header.assignRole(Role.COMMS, "  ");
        assertEquals("a comms needs a name", header.messageProperty().get());
        assertTrue(header.failedProperty().get());
        header.postUpdate("");
        assertEquals("a status update needs some words", header.messageProperty().get());
        assertEquals(before, fixtures.timeline.events("INC-0001").size());
    }

    @Test
    void liveSev1_notAcked_countsDownToTheAckTarget_onTheWallClock() {
        Incident incident = declare(Severity.SEV1, "Checkout 503s");
        fixtures.services.liveLadder().open(incident.id(), incident.title());
        select(incident.id());
        assertFalse(header.drillProperty().get());
        assertEquals(new Countdown("ack due in 15:00 / 15:00", Tone.ON_TRACK), header.ackProperty().get());

        fixtures.wall.advance(Duration.ofMinutes(11));
        header.refresh();
        assertEquals(new Countdown("ack due in 04:00 / 15:00", Tone.DUE_SOON), header.ackProperty().get());
        assertEquals(new Countdown("ack 10m OVERDUE 01:00", Tone.OVERDUE), header.goodLooksLike().get(0));

        fixtures.wall.advance(Duration.ofMinutes(5));
        header.refresh();
        assertEquals(new Countdown("ack OVERDUE 01:00 / 15:00", Tone.OVERDUE), header.ackProperty().get());
        assertEquals("00:16:00", header.elapsedProperty().get());

        fixtures.services.liveLadder().acknowledge(incident.id(), "li");
        header.refresh();
        assertEquals(new Countdown("acked 16:00 / 15:00 (late)", Tone.MISSED), header.ackProperty().get());
        assertEquals(new Countdown("ack 10m missed 16:00", Tone.MISSED), header.goodLooksLike().get(0));
    }

    @Test
    void sev3Ticket_hasNoStatusUpdatesAndNoGoodLooksLikeMarks() {
        Incident incident = declare(Severity.SEV3, "Search slow for some tenants");
        fixtures.services.liveLadder().open(incident.id(), incident.title());
        select(incident.id());
        assertEquals("SEV-3", header.severityTextProperty().get());
        assertEquals(new Countdown("no status updates for Sev-3", Tone.QUIET), header.statusUpdateProperty().get());
        assertTrue(header.goodLooksLike().isEmpty());
        // declared Wednesday 02:00 UTC: the ticket is due at 09:00 the next business day
        assertEquals(new Countdown("ticket ack due in 31:00:00", Tone.ON_TRACK), header.ackProperty().get());
    }

    @Test
    void resolvedIncident_stopsTheClock_andRefusesUpdatesWithAReason() {
        Incident incident = declare(Severity.SEV2, "Webhooks delayed");
        fixtures.wall.advance(Duration.ofMinutes(40));
        fixtures.timeline.recordAll(incident.id(), "ana", List.of(new EventPayload.SymptomNamed("webhooks late"),
                new EventPayload.MitigationApplied("restart-consumer", "Restart the consumer", true, null, null),
                new EventPayload.Mitigated("queue draining", 0.999),
                new EventPayload.Resolved("queue drained", "stuck consumer")));
        fixtures.wall.advance(Duration.ofMinutes(30));
        select(incident.id());

        assertEquals("RESOLVED", header.stateTextProperty().get());
        assertEquals("00:40:00", header.elapsedProperty().get(), "elapsed stops at resolution");
        assertFalse(header.openProperty().get());
        assertEquals(new Countdown("no more updates due (resolved)", Tone.QUIET), header.statusUpdateProperty().get());

        header.postUpdate("late news");
        assertTrue(header.failedProperty().get());
        assertTrue(header.messageProperty().get().startsWith("could not post the status update: "),
                header.messageProperty().get());
    }

    @Test
    void selectingNothingAgain_goesBackToTheQuietShift() {
        fixtures.drillMidway();
        header.refresh();
        fixtures.state.setSelectedIncident(null);
        assertFalse(header.selectedProperty().get());
        assertEquals(IncidentHeaderViewModel.QUIET_SHIFT, header.titleProperty().get());
        header.assignRole(Role.COMMANDER, "ana");
        assertEquals("select an incident before assigning roles", header.messageProperty().get());
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
