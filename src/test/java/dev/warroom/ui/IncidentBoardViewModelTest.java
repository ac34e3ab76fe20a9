package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentState;
import dev.warroom.incident.Severity;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The board's view model with a direct FX runner: no toolkit, no screen. */
class IncidentBoardViewModelTest {
    private final BoardFixtures fixtures = BoardFixtures.nightShift();

    private IncidentBoardViewModel boardOn(Timeline timeline, Executor background) {
        return new IncidentBoardViewModel(timeline, background, Runnable::run, fixtures.clock);
    }

    @Test
    void refresh_listsIncidentsNewestFirst_withWordsForEveryField() {
        IncidentBoardViewModel board = boardOn(fixtures.timeline, Runnable::run);
        board.refresh();

        List<IncidentRow> rows = board.incidents();
        assertEquals(List.of(BoardFixtures.DRILL_ID, BoardFixtures.TICKET_ID, BoardFixtures.RESOLVED_ID),
                rows.stream().map(IncidentRow::id).toList());

        IncidentRow drill = rows.get(0);
        assertEquals("Checkout 503s from model provider", drill.title());
        assertEquals("Sev-1", drill.severityLabel());
        assertEquals("sev-1", drill.severityStyleClass());
        assertEquals(IncidentState.MITIGATING, drill.state());
        assertEquals("MITIGATING", drill.stateLabel());
        assertEquals("state-mitigating", drill.stateStyleClass());
        assertTrue(drill.drill());
        assertEquals("acked by li", drill.paging());
        assertEquals("page-acked", drill.pagingStyleClass());
        assertEquals("85.0%", drill.sli());
        assertEquals("2025-03-14 02:10", drill.declared());

        IncidentRow ticket = rows.get(1);
        assertEquals("Sev-3", ticket.severityLabel());
        assertEquals("ticket TICKET-0002", ticket.paging());
        assertEquals("page-ticket", ticket.pagingStyleClass());
        assertEquals("99.62%", ticket.sli());
        assertFalse(ticket.drill());

        IncidentRow resolved = rows.get(2);
        assertEquals("RESOLVED", resolved.stateLabel());
        assertEquals("—", resolved.sli());

        assertEquals("3 incidents, 2 open · refreshed 02:22:03 UTC", board.getStatus());
        assertFalse(board.statusErrorProperty().get());
    }

    @Test
    void refresh_selectsTheNewestOpenIncident_andShowsItsTimelineAsOneLiners() {
        IncidentBoardViewModel board = boardOn(fixtures.timeline, Runnable::run);
        board.refresh();

        assertEquals(BoardFixtures.DRILL_ID, board.getSelectedIncident().id());
        assertTrue(board.selectedDrillProperty().get());
        List<TimelineRow> expected = List.of(
                new TimelineRow(1, "02:10:00", "+00:00:00", "warroom/drill", "incident_declared",
                        "declared Sev-1 drill: Checkout 503s from model provider (checkout-availability, provider-outage)"),
                new TimelineRow(2, "02:10:00", "+00:00:00", "warroom/escalation", "paged",
                        "paged L1 ana (ana@oncall.example)"),
                new TimelineRow(3, "02:15:00", "+00:05:00", "warroom/escalation", "escalated",
                        "escalated L1 -> L2 li: no ack from L1 ana within 5m"),
                new TimelineRow(4, "02:15:00", "+00:05:00", "warroom/escalation", "paged",
                        "paged L2 li (li@oncall.example)"),
                new TimelineRow(5, "02:16:12", "+00:06:12", "li", "acknowledged",
                        "acknowledged by li (L2), 6m12s after declaration"),
                new TimelineRow(6, "02:16:30", "+00:06:30", "li", "symptom_named",
                        "symptom: 503s from the model provider on /checkout/quote"),
                new TimelineRow(7, "02:17:30", "+00:07:30", "li", "runbook_started",
                        "runbook provider-outage 3f2a1c9: Model provider outage, 5 steps"),
                new TimelineRow(8, "02:19:00", "+00:09:00", "li", "step_acked",
                        "step 1 done: Fail over to the fallback provider"),
                new TimelineRow(9, "02:19:05", "+00:09:05", "li", "mitigation_applied",
                        "mitigation Fail over to the fallback provider (reversible), runbook step 1"),
                new TimelineRow(10, "02:21:30", "+00:11:30", "warroom/metrics", "sli_observed",
                        "SLI 85.0% (objective 99.9%, 5m window)"));
        assertEquals(expected, List.copyOf(board.timelineRows()));
    }

    @Test
    void select_showsThatIncidentsTimeline_andClearsTheDrillFlag() {
        IncidentBoardViewModel board = boardOn(fixtures.timeline, Runnable::run);
        board.refresh();

        board.select(BoardFixtures.TICKET_ID);

        assertEquals(BoardFixtures.TICKET_ID, board.getSelectedIncident().id());
        assertFalse(board.selectedDrillProperty().get());
        assertEquals(List.of("incident_declared", "ticket_opened", "sli_observed"),
                BoardFixtures.types(board.timelineRows()));
        assertEquals("ticket TICKET-0002 in on-call: Sev-3 Payments webhook retries climbing"
                        + " — for the next business day, no page",
                board.timelineRows().get(1).summary());
    }

    @Test
    void refresh_keepsThePersonsSelection_andPicksUpNewEvents() {
        IncidentBoardViewModel board = boardOn(fixtures.timeline, Runnable::run);
        board.refresh();
        board.select(BoardFixtures.TICKET_ID);

        fixtures.clock.advance(Duration.ofMinutes(1));
        fixtures.timeline.record(BoardFixtures.TICKET_ID, "ana", new EventPayload.Note("retries are from one merchant"));
        board.refresh();

        assertEquals(BoardFixtures.TICKET_ID, board.getSelectedIncident().id());
        assertEquals("note: retries are from one merchant", board.timelineRows().get(3).summary());
        assertEquals("+00:43:03", board.timelineRows().get(3).sinceDeclared(), "counted from the declaration at 01:40:00");
    }

    @Test
    void refresh_readsOnTheBackgroundExecutor_notOnTheCallingThread() {
        Queue<Runnable> background = new ArrayDeque<>();
        IncidentBoardViewModel board = boardOn(fixtures.timeline, background::add);

        board.refresh();

        assertTrue(board.incidents().isEmpty(), "nothing is read until the background executor runs");
        assertEquals("loading…", board.getStatus());
        background.poll().run();
        assertEquals(3, board.incidents().size());
    }

    @Test
    void refresh_whileOneIsRunning_foldsIntoOneFollowUp() {
        Queue<Runnable> background = new ArrayDeque<>();
        IncidentBoardViewModel board = boardOn(fixtures.timeline, background::add);

        board.refresh();
        board.refresh();
        board.refresh();

        assertEquals(1, background.size());
        background.poll().run();
        assertEquals(1, background.size(), "one follow-up for the refreshes asked for meanwhile");
        background.poll().run();
        assertTrue(background.isEmpty());
    }

    @Test
    void select_aSlowOlderReadCannotOverwriteTheNewerSelection() {
        Queue<Runnable> background = new ArrayDeque<>();
        IncidentBoardViewModel board = boardOn(fixtures.timeline, background::add);
        board.refresh();
        background.poll().run();

        board.select(BoardFixtures.RESOLVED_ID);
        board.select(BoardFixtures.TICKET_ID);
        Runnable olderRead = background.poll();
        background.poll().run();
        olderRead.run();

        assertEquals(BoardFixtures.TICKET_ID, board.getSelectedIncident().id());
        assertEquals(List.of("incident_declared", "ticket_opened", "sli_observed"),
                BoardFixtures.types(board.timelineRows()));
    }

    @Test
    void refresh_whenTheTimelineThrows_saysSoInTheStatusLine() {
        IncidentBoardViewModel board = boardOn(new BrokenTimeline(), Runnable::run);

        board.refresh();

        assertEquals("could not read the incidents: Database may be already in use · nothing loaded yet",
                board.getStatus());
        assertTrue(board.statusErrorProperty().get());
        assertTrue(board.incidents().isEmpty());
    }

    @Test
    void refresh_failingAfterAGoodRead_keepsTheLastGoodRowsAndSaysHowOld() {
        FlakyTimeline flaky = new FlakyTimeline(fixtures.timeline);
        IncidentBoardViewModel board = boardOn(flaky, Runnable::run);
        board.refresh();

        flaky.broken = true;
        fixtures.clock.advance(Duration.ofSeconds(4));
        board.refresh();

        assertEquals("could not read the incidents: Database may be already in use"
                + " · showing what was read at 02:22:03 UTC", board.getStatus());
        assertEquals(3, board.incidents().size());
        assertEquals(10, board.timelineRows().size());

        flaky.broken = false;
        board.refresh();
        assertEquals("3 incidents, 2 open · refreshed 02:22:07 UTC", board.getStatus());
        assertFalse(board.statusErrorProperty().get());
    }

    @Test
    void refresh_whenTheExecutorRefuses_saysSoInsteadOfThrowing() {
        IncidentBoardViewModel board = boardOn(fixtures.timeline, task -> {
            throw new java.util.concurrent.RejectedExecutionException("executor is shut down");
        });

        board.refresh();

        assertEquals("could not read the incidents: executor is shut down · nothing loaded yet", board.getStatus());
    }

    /** A store that cannot be opened, e.g. locked by a second Warroom. */
    private static class BrokenTimeline implements Timeline {
        @Override
        public Incident declare(String actor, EventPayload.IncidentDeclared declared) {
            throw fail();
        }

        @Override
        public TimelineEvent record(String incidentId, String actor, EventPayload payload) {
            throw fail();
        }

        @Override
        public List<TimelineEvent> recordAll(String incidentId, String actor, List<? extends EventPayload> payloads) {
            throw fail();
        }

        @Override
        public List<TimelineEvent> events(String incidentId) {
            throw fail();
        }

        @Override
        public Optional<Incident> incident(String incidentId) {
            throw fail();
        }

        @Override
        public List<Incident> incidents() {
            throw fail();
        }

        static IllegalStateException fail() {
            return new IllegalStateException("Database may be already in use");
        }
    }

    /** Reads through to a real timeline until it is told to break. */
    private static final class FlakyTimeline extends BrokenTimeline {
        private final Timeline inner;
        boolean broken;

        FlakyTimeline(Timeline inner) {
            this.inner = inner;
        }

        @Override
        public List<TimelineEvent> events(String incidentId) {
            return broken ? super.events(incidentId) : inner.events(incidentId);
        }

        @Override
        public Optional<Incident> incident(String incidentId) {
            return broken ? super.incident(incidentId) : inner.incident(incidentId);
        }

        @Override
        public List<Incident> incidents() {
            return broken ? super.incidents() : inner.incidents();
        }
    }

    @Test
    void rowsCarryTheSeverityAsAStyleClassForEverySeverity() {
        for (Severity severity : Severity.values()) {
            assertEquals("sev-" + severity.ordinal(), IncidentRow.styleClass(severity));
        }
    }
}
