package dev.warroom.ui.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** The incident list's view model with a direct FX runner: no toolkit, no screen. */
class IncidentListViewModelTest {
    private final IncidentFixtures fixtures = IncidentFixtures.nightShift();

    private IncidentListViewModel listOn(Timeline timeline, Executor background) {
        return new IncidentListViewModel(timeline, background, Runnable::run, fixtures.clock);
    }

    @Test
    void refresh_listsIncidentsNewestFirst_withWordsForEveryField() {
        IncidentListViewModel list = listOn(fixtures.timeline, Runnable::run);
        list.refresh();

        List<IncidentRow> rows = list.incidents();
        assertEquals(List.of(IncidentFixtures.DRILL_ID, IncidentFixtures.TICKET_ID, IncidentFixtures.RESOLVED_ID),
                rows.stream().map(IncidentRow::id).toList());

        IncidentRow drill = rows.get(0);
        assertEquals("Checkout 503s from model provider", drill.title());
        assertEquals("Sev-1", drill.severityLabel());
        assertEquals("sev-1", drill.severityStyleClass());
        assertEquals(IncidentState.MITIGATING, drill.state());
        assertEquals("MITIGATING", drill.stateLabel());
        assertEquals("state-mitigating", drill.stateStyleClass());
        assertTrue(drill.drill());
        assertEquals("DRILL", drill.kindLabel());
        assertEquals("kind-drill", drill.kindStyleClass());
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
        assertEquals("live", ticket.kindLabel());
        assertEquals("kind-live", ticket.kindStyleClass());

        IncidentRow resolved = rows.get(2);
        assertEquals("RESOLVED", resolved.stateLabel());
        assertEquals("state-resolved", resolved.stateStyleClass());
        assertEquals("acked by ana", resolved.paging());
        assertEquals("—", resolved.sli());

        assertEquals("3 incidents, 2 open · refreshed 02:22:03 UTC", list.getStatus());
        assertFalse(list.statusErrorProperty().get());
    }

    @Test
    void refresh_pagingInWords_forAPageNobodyAckedYet_andAnIncidentNeverPaged() {
        String paged = fixtures.withUnackedPage();
        String quiet = fixtures.timeline.declare("ana", new EventPayload.IncidentDeclared(
                "Stale dashboards", Severity.SEV3, "grafana", null, false, null, null)).id();
        IncidentListViewModel list = listOn(fixtures.timeline, Runnable::run);
        list.refresh();

        IncidentRow waiting = row(list, paged);
        assertEquals("L1 ana paged", waiting.paging());
        assertEquals("page-waiting", waiting.pagingStyleClass());
        IncidentRow none = row(list, quiet);
        assertEquals("not paged", none.paging());
        assertEquals("page-none", none.pagingStyleClass());
    }

    @Test
    void refresh_selectsTheNewestOpenIncident() {
        IncidentListViewModel list = listOn(fixtures.timeline, Runnable::run);
        list.refresh();

        assertEquals(IncidentFixtures.DRILL_ID, list.getSelectedIncident().id());
    }

    @Test
    void select_byRowOrId_changesTheSelection_andNullClearsIt() {
        IncidentListViewModel list = listOn(fixtures.timeline, Runnable::run);
        list.refresh();

        list.select(IncidentFixtures.TICKET_ID);
        assertEquals(IncidentFixtures.TICKET_ID, list.getSelectedIncident().id());
        list.select(list.incidents().get(2));
        assertEquals(IncidentFixtures.RESOLVED_ID, list.getSelectedIncident().id());
        list.select((IncidentRow) null);
        assertNull(list.getSelectedIncident());
    }

    @Test
    void select_anIncidentNotListedYet_isSelectedOnceARefreshListsIt() {
        IncidentListViewModel list = listOn(fixtures.timeline, Runnable::run);
        list.refresh();

        list.select("INC-0004");
        assertNull(list.getSelectedIncident(), "nothing to show until the list has it");
        fixtures.withUnackedPage();
        list.refresh();

        assertEquals("INC-0004", list.getSelectedIncident().id());
    }

    @Test
    void refresh_keepsThePersonsSelection_andPicksUpChangedRows() {
        IncidentListViewModel list = listOn(fixtures.timeline, Runnable::run);
        list.refresh();
        list.select(IncidentFixtures.TICKET_ID);

        fixtures.clock.advance(Duration.ofMinutes(1));
        fixtures.timeline.record(IncidentFixtures.TICKET_ID, "warroom/metrics",
                new EventPayload.SliObserved("payments-webhooks", 0.9971, 0.995, "1h"));
        fixtures.withUnackedPage();
        list.refresh();

        assertEquals(4, list.incidents().size());
        assertEquals(IncidentFixtures.TICKET_ID, list.getSelectedIncident().id(), "a new incident does not steal it");
        assertEquals("99.71%", list.getSelectedIncident().sli(), "the selection is the refreshed row");
    }

    @Test
    void refresh_readsOnTheBackgroundExecutor_notOnTheCallingThread() {
        Queue<Runnable> background = new ArrayDeque<>();
        IncidentListViewModel list = listOn(fixtures.timeline, background::add);

        list.refresh();

        assertTrue(list.incidents().isEmpty(), "nothing is read until the background executor runs");
        assertEquals("loading…", list.getStatus());
        background.poll().run();
        assertEquals(3, list.incidents().size());
    }

    @Test
    void refresh_whileOneIsRunning_foldsIntoOneFollowUp() {
        Queue<Runnable> background = new ArrayDeque<>();
        IncidentListViewModel list = listOn(fixtures.timeline, background::add);

        list.refresh();
        list.refresh();
        list.refresh();

        assertEquals(1, background.size());
        background.poll().run();
        assertEquals(1, background.size(), "one follow-up for the refreshes asked for meanwhile");
        background.poll().run();
        assertTrue(background.isEmpty());
    }

    @Test
    void select_whileARefreshReads_winsOverTheSelectionTheReadStartedWith() {
        Queue<Runnable> background = new ArrayDeque<>();
        IncidentListViewModel list = listOn(fixtures.timeline, background::add);
        list.refresh();
        background.poll().run();
        assertEquals(IncidentFixtures.DRILL_ID, list.getSelectedIncident().id());

        list.refresh();
        list.select(IncidentFixtures.TICKET_ID);
        background.poll().run();

        assertEquals(IncidentFixtures.TICKET_ID, list.getSelectedIncident().id());
    }

    @Test
    void refresh_whenTheTimelineThrows_saysSoInTheStatusLine() {
        IncidentListViewModel list = listOn(new BrokenTimeline(), Runnable::run);

        list.refresh();

        assertEquals("could not read the incidents: Database may be already in use · nothing loaded yet",
                list.getStatus());
        assertTrue(list.statusErrorProperty().get());
        assertTrue(list.incidents().isEmpty());
    }

    @Test
    void refresh_failingAfterAGoodRead_keepsTheLastGoodRowsAndSaysHowOld() {
        FlakyTimeline flaky = new FlakyTimeline(fixtures.timeline);
        IncidentListViewModel list = listOn(flaky, Runnable::run);
        list.refresh();

        flaky.broken = true;
        fixtures.clock.advance(Duration.ofSeconds(4));
        list.refresh();

        assertEquals("could not read the incidents: Database may be already in use"
                + " · showing what was read at 02:22:03 UTC", list.getStatus());
        assertEquals(3, list.incidents().size());
        assertEquals(IncidentFixtures.DRILL_ID, list.getSelectedIncident().id(), "the selection stays too");

        flaky.broken = false;
        list.refresh();
        assertEquals("3 incidents, 2 open · refreshed 02:22:07 UTC", list.getStatus());
        assertFalse(list.statusErrorProperty().get());
    }

    @Test
    void refresh_whenTheExecutorRefuses_saysSoInsteadOfThrowing() {
        IncidentListViewModel list = listOn(fixtures.timeline, task -> {
            throw new java.util.concurrent.RejectedExecutionException("executor is shut down");
        });

        list.refresh();

        assertEquals("could not read the incidents: executor is shut down · nothing loaded yet", list.getStatus());
    }

    private static IncidentRow row(IncidentListViewModel list, String id) {
        return list.incidents().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
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
