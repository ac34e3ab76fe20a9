package dev.warroom.ui.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.LiveDrill;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.runbook.StepOutcome;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.triage.TriageViewModel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Runbook panel's view model over the console fixtures; executors are direct, so results are immediate. */
class RunbookViewModelTest {
    private final ConsoleFixtures fixtures = new ConsoleFixtures();

    @Test
    void midwayDrill_showsTheChecklistWithStatesVerifyResultsAndTheCurrentStep() {
        fixtures.drillMidway();
        RunbookViewModel runbook = new RunbookViewModel(fixtures.services, fixtures.state, "li");

        assertTrue(runbook.headerProperty().get().matches("RUNBOOK  provider-outage v[0-9a-f]{7}  step 3 of 6"),
                runbook.headerProperty().get());
        assertTrue(runbook.drillProperty().get());
        List<StepRow.State> states = runbook.steps().stream().map(StepRow::state).toList();
        assertEquals(List.of(StepRow.State.ACKED, StepRow.State.ACKED, StepRow.State.CURRENT, StepRow.State.PENDING,
                StepRow.State.PENDING, StepRow.State.PENDING), states);
        StepRow two = runbook.steps().get(1);
        assertEquals("verify: sli >= 0.82 → taking effect; the SLI watch decides", two.verify(),
                "a drill does not pretend to measure a mitigation the moment it is applied");
        assertEquals("by li 02:22:00Z", two.when(), "drill time, UTC");
        assertTrue(two.rollback().startsWith("rollback: warroomctl flags set llm.provider.primary=openai"), two.rollback());
        StepRow three = runbook.steps().get(2);
        assertEquals("verify: sli >= 0.92 → not yet", three.verify());
        assertTrue(three.expect().startsWith("expect: 429s from the fallback disappear"), three.expect());
        assertTrue(three.text().startsWith("`warroomctl flags set llm.fallback.deployment=ptu-eastus2"), three.text());
        assertNull(runbook.steps().get(3).text(), "only the current step shows its text");
        assertEquals(3, runbook.sideEffects().size());
        assertEquals("2 of 6 steps done: 2 acked, 0 skipped, 0 failed", runbook.progressTextProperty().get());
        assertEquals(2.0 / 6, runbook.progressProperty().get(), 1e-9);
        assertTrue(runbook.sliTextProperty().get().matches("SLI \\d+\\.\\d+% \\(last 5 min\\) → objective 99\\.9%  below"),
                runbook.sliTextProperty().get());
        assertEquals("sli-below", runbook.sliStateProperty().get());
        assertEquals("Recovered? no", runbook.recoveryTextProperty().get());
        assertTrue(runbook.canActProperty().get());
        assertFalse(runbook.recoveredProperty().get());
    }

    @Test
    void ackingThroughTheViewModel_untilRecovered_showsTheBannerAndTurnsTheActionsOff() {
        LiveDrill drill = fixtures.drill("provider-outage");
        drill.advance(Duration.ofMinutes(20));
        drill.acknowledge("li");
        fixtures.state.setSelectedIncident(drill.incidentId().orElseThrow());
        TriageViewModel triage = new TriageViewModel(fixtures.services, fixtures.state, "li");
        RunbookViewModel runbook = new RunbookViewModel(fixtures.services, fixtures.state, "li");
        assertEquals("no runbook running", runbook.blockedReasonProperty().get());
        assertFalse(runbook.hasRunProperty().get());

        triage.startRunbook();
        runbook.refresh();
        assertTrue(runbook.hasRunProperty().get());
        assertEquals("provider-outage", drill.runbookRun().orElseThrow().runbook().id());

        int acks = 0;
        for (int minute = 0; minute < 40 && !runbook.recoveredProperty().get(); minute += 2) {
            // an IC waits while the SLI holds above the objective instead of running more steps
            boolean holding = runbook.recoveryTextProperty().get().startsWith("Recovered? holding");
            if (runbook.canActProperty().get() && !holding) {
                runbook.ackStep();
                acks++;
                assertFalse(runbook.messageErrorProperty().get(), runbook.messageProperty().get());
            }
            drill.advance(Duration.ofMinutes(2));
            runbook.refresh();
        }

        assertTrue(runbook.recoveredProperty().get(), runbook.headerProperty().get());
        assertTrue(acks <= drill.scenario().maxSteps(), "recovered within the scenario's " + drill.scenario().maxSteps()
                + " steps, took " + acks);
        assertTrue(runbook.bannerProperty().get().startsWith("RECOVERED — stop here. SLI "), runbook.bannerProperty().get());
        assertTrue(runbook.headerProperty().get().contains("recovered after step"), runbook.headerProperty().get());
        assertFalse(runbook.canActProperty().get());
        assertEquals("recovered — stop here", runbook.blockedReasonProperty().get());
        assertEquals("Recovered? yes", runbook.recoveryTextProperty().get());
        assertEquals("sli-ok", runbook.sliStateProperty().get());

        long before = fixtures.timeline.events(drill.incidentId().orElseThrow()).size();
        runbook.ackStep();
        assertTrue(runbook.messageErrorProperty().get());
        assertEquals("Cannot ack a step: recovered — stop here", runbook.messageProperty().get());
        assertEquals(before, fixtures.timeline.events(drill.incidentId().orElseThrow()).size(), "nothing recorded");
    }

    @Test
    void skip_asksForAReasonFirst_thenRecordsItOnTheTimeline() {
        LiveDrill drill = fixtures.drillMidway();
        RunbookViewModel runbook = new RunbookViewModel(fixtures.services, fixtures.state, "li");

        runbook.skipStep();
        assertEquals(RunbookViewModel.Action.SKIP, runbook.reasonWantedProperty().get());
        assertTrue(runbook.messageErrorProperty().get());
        assertEquals("why skip step 3? then Enter", runbook.reasonPromptProperty().get());
        assertEquals(2, drill.runbookRun().orElseThrow().progress().stepsActed(), "nothing recorded without a reason");

        runbook.reasonProperty().set("PTU deployment is already saturated");
        runbook.submitReason();

        StepOutcome skipped = drill.runbookRun().orElseThrow().progress().steps().get(2);
        assertEquals(StepOutcome.Action.SKIPPED, skipped.action());
        assertEquals("PTU deployment is already saturated", skipped.reason());
        assertEquals(StepRow.State.SKIPPED, runbook.steps().get(2).state());
        assertEquals("reason: PTU deployment is already saturated".substring(8), runbook.steps().get(2).reason());
        assertEquals("verify: sli >= 0.92 → not run", runbook.steps().get(2).verify());
        assertEquals(StepRow.State.CURRENT, runbook.steps().get(3).state());
        assertEquals("", runbook.reasonProperty().get());
        assertNull(runbook.reasonWantedProperty().get());

        runbook.reasonProperty().set("alias map flag missing in prod");
        runbook.failStep();
        assertEquals(StepRow.State.FAILED, runbook.steps().get(3).state());
        assertTrue(runbook.headerProperty().get().endsWith("step 5 of 6"), runbook.headerProperty().get());
        assertEquals("4 of 6 steps done: 2 acked, 1 skipped, 1 failed", runbook.progressTextProperty().get());
    }

    @Test
    void anAction_onAStepSomeoneElseActedOn_isRefusedAndTheViewCatchesUp() {
        LiveDrill drill = fixtures.drillMidway();
        RunbookViewModel runbook = new RunbookViewModel(fixtures.services, fixtures.state, "li");
        drill.ackStep("ana");

        runbook.ackStep();

        assertTrue(runbook.messageErrorProperty().get());
        assertEquals("Step 3 not acked: step 3 was already acted on; the current step is 4", runbook.messageProperty().get());
        assertEquals(3, drill.runbookRun().orElseThrow().progress().stepsActed());
        assertTrue(runbook.headerProperty().get().endsWith("step 4 of 6"));
    }

    @Test
    void withoutAnIncidentOrARun_thePanelSaysWhatToDo() {
        RunbookViewModel runbook = new RunbookViewModel(fixtures.services, fixtures.state, "li");
        assertEquals("Select an incident to see its runbook", runbook.placeholderProperty().get());
        assertEquals("select an incident", runbook.blockedReasonProperty().get());

        LiveDrill drill = fixtures.drill("provider-outage");
        drill.advance(Duration.ofMinutes(20));
        fixtures.state.setSelectedIncident(drill.incidentId().orElseThrow());
        assertEquals("No runbook is running on " + drill.incidentId().orElseThrow()
                + ": pick one in the Triage tab and start it", runbook.placeholderProperty().get());
        assertFalse(runbook.canActProperty().get());
    }

    @Test
    void liveRun_isPickedUpFromTheTimeline_andAnAckedCheckSaysNoDataHonestly() {
        Incident live = fixtures.timeline.declare("alertmanager", new EventPayload.IncidentDeclared("Chat 503s",
                Severity.SEV2, "chat-api", "chat-availability", false, null, "half of all chat replies fail"));
        fixtures.state.setSelectedIncident(live.id());
        TriageViewModel triage = new TriageViewModel(fixtures.services, fixtures.state, "ana");
        triage.alertsProperty().set("alertname=ModelProviderErrors");
        triage.startRunbook();
        RunbookViewModel runbook = new RunbookViewModel(fixtures.services, fixtures.state, "ana");
        assertFalse(runbook.drillProperty().get());
        assertEquals("SLI no data (no metrics source is connected to the console) → objective 99.9%",
                runbook.sliTextProperty().get(), "the objective comes from the bundled scenario over the same SLO");

        runbook.ackStep();
        runbook.ackStep();

        StepRow two = runbook.steps().get(1);
        assertEquals(StepRow.State.ACKED, two.state());
        assertEquals("verify: sli >= 0.82 → no data, not verified", two.verify());
        assertEquals("verify-nodata", two.verifyState());
        List<TimelineEvent> events = fixtures.timeline.events(live.id());
        assertTrue(events.stream().anyMatch(e -> e.payload() instanceof EventPayload.Note n
                && n.text().contains(IncidentRuns.NO_METRICS)), "the reason is on the timeline");
        assertTrue(runbook.headerProperty().get().endsWith("step 3 of 6"), runbook.headerProperty().get());
    }
}
