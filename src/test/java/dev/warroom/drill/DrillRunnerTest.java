package dev.warroom.drill;

import dev.warroom.time.VirtualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.InMemoryTimeline;
import dev.warroom.incident.IncidentState;
import dev.warroom.incident.Severity;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.incident.TimelineJson;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.paging.EscalationPolicy;
import dev.warroom.paging.RecordingPager;
import dev.warroom.runbook.Runbook;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.runbook.RunbookStep;
import dev.warroom.slo.AlertPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DrillRunnerTest {
    private static final Instant START = Instant.parse("2026-11-18T02:00:00Z");
    private static final ScenarioLibrary SCENARIOS = ScenarioLibrary.bundled();
    private static final RunbookLibrary RUNBOOKS = RunbookLibrary.bundled();

    record Run(DrillResult result, RecordingPager pager) {
    }

    static Run play(String scenarioId, long seed, Duration ackAfter) {
        return play(scenarioId, seed, ackAfter, START);
    }

    static Run play(String scenarioId, long seed, Duration ackAfter, Instant start) {
        return play(scenarioId, seed, ackAfter, start, 0);
    }

    static Run play(String scenarioId, long seed, Duration ackAfter, Instant start, double speed) {
        VirtualClock clock = new VirtualClock(start);
        Timeline timeline = new InMemoryTimeline(clock);
        RecordingPager pager = new RecordingPager();
        EscalationLadder ladder = new EscalationLadder(EscalationPolicy.defaults(), SeverityPolicy.defaults(), pager,
                timeline, clock);
        DrillRunner runner = new DrillRunner(SCENARIOS.require(scenarioId), RUNBOOKS, timeline, ladder,
                AlertPolicy.sreWorkbook(), clock, DrillOptions.defaults(seed, start).withAckAfter(ackAfter).withSpeed(speed), line -> { });
        return new Run(runner.run(), pager);
    }

    private static List<String> types(DrillResult r) {
        return r.events().stream().map(TimelineEvent::type).toList();
    }

    @Test
    void providerOutage_pagesEscalatesAcksAndRecoversThroughThreeMitigations() {
        Run run = play("provider-outage", 42, DrillOptions.DEFAULT_ACK_AFTER);
        DrillResult r = run.result();
        List<String> types = types(r);

        assertEquals(Severity.SEV1, r.incident().severity());
        assertEquals(IncidentState.RESOLVED, r.incident().state());
        assertTrue(r.recovered());
        for (String required : List.of("incident_declared", "alert_fired", "paged", "escalated", "acknowledged",
                "symptom_named", "runbook_started", "step_acked", "mitigation_applied", "sli_observed", "mitigated",
                "resolved")) {
            assertTrue(types.contains(required), "timeline lacks " + required + ": " + types);
        }
        assertTrue(types.indexOf("escalated") < types.indexOf("acknowledged"), "the ladder climbs before the ack");
        assertEquals("li", r.incident().paging().ackedBy(), "L1 ana does not ack within 5m, so L2 li acks");
        assertEquals(2, run.pager().sent().size(), "L1 then L2 paged, nobody else");

        // the reference behaviour: 50% -> ~85% -> ~95% -> above the objective, one mitigation per step
        List<Double> afterMitigations = r.events().stream()
                .filter(e -> e.payload() instanceof EventPayload.SliObserved o && o.window().equals("2m"))
                .map(e -> ((EventPayload.SliObserved) e.payload()).sli()).toList();
        assertEquals(3, afterMitigations.size(), "one reading after each of three mitigations: " + afterMitigations);
        assertEquals(0.85, afterMitigations.get(0), 0.02);
        assertEquals(0.95, afterMitigations.get(1), 0.015);
        assertTrue(afterMitigations.get(2) >= 0.999, "third mitigation restores the objective: " + afterMitigations);
    }

    @Test
    void providerOutage_stopsApplyingMitigationsOnceTheSliRecovered() {
        DrillResult r = play("provider-outage", 42, DrillOptions.DEFAULT_ACK_AFTER).result();
        Runbook runbook = RUNBOOKS.byId("provider-outage").orElseThrow();
        long mitigationSteps = runbook.steps().stream().map(RunbookStep::mitigation).filter(m -> m != null).count();
        assertTrue(mitigationSteps > 3, "the bundled runbook must offer more mitigations than the recovery needs");

        long applied = types(r).stream().filter("mitigation_applied"::equals).count();
        assertEquals(3, applied, "stops after the third mitigation, though the runbook offers " + mitigationSteps);
        assertTrue(r.stepsRun() < r.runbookSteps(), "steps after the recovery are not acked");
        int lastAcked = r.events().stream().filter(e -> e.payload() instanceof EventPayload.StepAcked)
                .mapToInt(e -> ((EventPayload.StepAcked) e.payload()).step()).max().orElseThrow();
        assertEquals(r.stepsRun(), lastAcked);
        assertTrue(types(r).indexOf("mitigated") > types(r).lastIndexOf("step_acked"));
    }

    @Test
    void providerOutage_recoversAtTheThirdMitigation_forAnySeedAndStartSecond() {
        for (long seed = 1; seed <= 25; seed++) {
            Instant start = START.plusSeconds(seed * 7);
            DrillResult r = play("provider-outage", seed, DrillOptions.DEFAULT_ACK_AFTER, start).result();
            long applied = types(r).stream().filter("mitigation_applied"::equals).count();
            assertEquals(3, applied, "seed " + seed + ": " + r.sliReadings());
            assertTrue(r.recovered(), "seed " + seed);
        }
    }

    @Test
    void sameSeed_replaysTheSameTimeline() {
        String first = TimelineJson.toJson(play("provider-outage", 7, DrillOptions.DEFAULT_ACK_AFTER).result().events());
        String second = TimelineJson.toJson(play("provider-outage", 7, DrillOptions.DEFAULT_ACK_AFTER).result().events());
        String other = TimelineJson.toJson(play("provider-outage", 8, DrillOptions.DEFAULT_ACK_AFTER).result().events());
        assertEquals(first, second);
        assertFalse(first.equals(other), "a different seed draws different traffic");
    }

    @Test
    void speed_pacesVirtualTimeAgainstTheWallClock_withoutChangingWhatHappens() {
        long begin = System.nanoTime();
        DrillResult paced = play("provider-outage", 4, DrillOptions.DEFAULT_ACK_AFTER, START, 4000).result();
        Duration wall = Duration.ofNanos(System.nanoTime() - begin);
        Duration virtual = Duration.between(START, paced.events().get(paced.events().size() - 1).at());
        // a lower bound only: pacing may run slow on a busy machine, never fast
        assertTrue(wall.toMillis() >= virtual.toMillis() / 4000 * 9 / 10,
                "virtual " + virtual + " at 4000x took only " + wall);
        DrillResult unpaced = play("provider-outage", 4, DrillOptions.DEFAULT_ACK_AFTER).result();
        assertEquals(TimelineJson.toJson(unpaced.events()), TimelineJson.toJson(paced.events()));
    }

    @Test
    void quickAck_stopsTheLadderBeforeAnyEscalation() {
        Run run = play("provider-outage", 1, Duration.ofMinutes(2));
        assertFalse(types(run.result()).contains("escalated"));
        assertEquals("ana", run.result().incident().paging().ackedBy());
        assertEquals(1, run.pager().sent().size());
    }

    static Stream<String> scenarios() {
        return SCENARIOS.all().stream().map(Scenario::id);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyScenario_raisesItsTierAndItsRunbookRecoversIt(String id) {
        Scenario scenario = SCENARIOS.require(id);
        Run run = play(id, 11, DrillOptions.DEFAULT_ACK_AFTER);
        DrillResult r = run.result();
        assertEquals(scenario.expectSeverity(), r.incident().severity(), id + " pages at the wrong tier");
        assertTrue(r.suggestedRunbookWasExpected(), id + ": triage picked " + r.runbookId());
        assertTrue(r.recovered(), id + " did not recover: " + r.sliReadings());
        assertTrue(r.stepsRun() <= scenario.maxSteps(), id + " took " + r.stepsRun() + " steps");
        if (scenario.expectSeverity() == Severity.SEV3) {
            assertTrue(run.pager().sent().isEmpty(), "a Sev-3 never pages");
            assertTrue(types(r).contains("ticket_opened"));
        } else {
            assertFalse(run.pager().sent().isEmpty());
        }
    }

    @Test
    void bundledLibrary_hasSevenScenariosWithoutProblems() {
        assertTrue(SCENARIOS.all().size() >= 7, "scenarios: " + SCENARIOS.all().size());
        assertTrue(SCENARIOS.problems().isEmpty(), SCENARIOS.problems().toString());
        for (Scenario s : SCENARIOS.all()) {
            assertTrue(RUNBOOKS.byId(s.runbook()).isPresent(), s.id() + " names a missing runbook " + s.runbook());
        }
    }
}
