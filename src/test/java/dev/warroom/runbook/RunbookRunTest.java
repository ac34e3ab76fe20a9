package dev.warroom.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.InMemoryTimeline;
import dev.warroom.incident.IncidentState;
import dev.warroom.incident.Severity;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.slo.EventCounts;
import dev.warroom.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunbookRunTest {
    private static final Instant START = Instant.parse("2026-11-18T02:00:00Z");
    private static final double OBJECTIVE = 0.999;
    private static final RunbookRun.Recovery RECOVERY = new RunbookRun.Recovery("chat-availability", OBJECTIVE,
            Duration.ofMinutes(5), Duration.ofMinutes(2));

    private VirtualClock clock;
    private InMemoryTimeline timeline;
    private String incident;
    private ScriptedVerifier verifier;

    /** Answers with whatever SLI the test set last, and remembers what it was asked. */
    static final class ScriptedVerifier implements Verifier {
        double sli = 0.5;
        final List<Duration> windows = new ArrayList<>();
        final List<String> checks = new ArrayList<>();

        @Override
        public Reading check(RunbookStep step, VerifyCheck check) {
            checks.add(step.number() + ":" + check.text());
            return new Reading(check.subject() == VerifyCheck.Subject.ERROR_RATIO ? 1 - sli : sli,
                    Duration.ofMinutes(2), 1000L, Math.round(1000 * (1 - sli)), null);
        }

        @Override
        public Reading sli(Duration window) {
            windows.add(window);
            return new Reading(sli, window, 1000L, Math.round(1000 * (1 - sli)), null);
        }
    }

    static Runbook runbook(String version) {
        return new Runbook("provider-outage", "Model provider outage", List.of("chat-api"), "sev1", List.of("503s"),
                List.of("ModelProviderErrors"), Map.of(), List.of(), "", List.of(
                new RunbookStep(1, "Confirm the errors come from the provider", "", null, null, null, null, null, 10),
                new RunbookStep(2, "Fail over to the fallback provider", "", "fail-over-provider", "sli >= 0.82",
                        "flip back", true, null, 14),
                new RunbookStep(3, "Raise the fallback quota", "", "raise-fallback-quota", "error_ratio < 0.05", null,
                        null, null, 20),
                new RunbookStep(4, "Check the provider status query", "", null,
                        "promql: sum(rate(llm_upstream_errors_total[5m])) < 0.01", null, null, null, 26)),
                "runbooks/provider-outage.md", version);
    }

    @BeforeEach
    void setUp() {
        clock = new VirtualClock(START);
        timeline = new InMemoryTimeline(clock);
        incident = timeline.declare("warroom/slo-policy", new EventPayload.IncidentDeclared("Provider outage",
                Severity.SEV1, "chat-api", "chat-availability", true, "provider-outage", "503s")).id();
        verifier = new ScriptedVerifier();
    }

    private RunbookRun start(RunbookRun.Recovery recovery) {
        return RunbookRun.start(timeline, incident, runbook("abc123"), "li", "0f3e2d1", recovery, verifier, clock);
    }

    private List<EventPayload> payloadsSince(int seq) {
        return timeline.events(incident).stream().filter(e -> e.seq() > seq).map(TimelineEvent::payload).toList();
    }

    private int lastSeq() {
        List<TimelineEvent> events = timeline.events(incident);
        return (int) events.get(events.size() - 1).seq();
    }

    @Test
    void start_recordsTheRunbookIdVersionAndCommit() {
        start(RECOVERY);
        EventPayload.RunbookStarted started = (EventPayload.RunbookStarted) payloadsSince(1).get(0);
        assertEquals(new EventPayload.RunbookStarted("provider-outage", "Model provider outage", "abc123",
                "runbooks/provider-outage.md", "0f3e2d1", 4), started);
    }

    @Test
    void ack_recordsTheAckMitigationAndVerification_eachWithRunbookVersionAndStep() {
        RunbookRun run = start(RECOVERY);
        run.ack("li");
        int before = lastSeq();
        verifier.sli = 0.85;
        StepOutcome outcome = run.ack("li");

        List<EventPayload> written = payloadsSince(before);
        assertEquals(List.of(
                new EventPayload.StepAcked("provider-outage", "abc123", 2, "Fail over to the fallback provider"),
                new EventPayload.MitigationApplied("fail-over-provider", "Fail over to the fallback provider", true,
                        "provider-outage", 2),
                new EventPayload.StepVerified("provider-outage", "abc123", 2, "sli >= 0.82", 0.85, true)), written);
        assertEquals(new StepOutcome.Verification("sli >= 0.82", 0.85, true), outcome.verification());
        assertEquals("fail-over-provider", outcome.mitigation());
        assertEquals(StepOutcome.Action.ACKED, outcome.action());
        assertEquals(IncidentState.MITIGATING, timeline.require(incident).state());
        assertEquals(List.of("2:sli >= 0.82"), verifier.checks, "step 1 has no check, so none was run for it");
    }

    @Test
    void ack_aStepThatDoesNotSayItIsReversible_doesNotPromiseAnUndo() {
        RunbookRun run = start(RECOVERY);
        run.ack("li");
        run.ack("li");
        int before = lastSeq();
        verifier.sli = 0.97;
        run.ack("li");
        EventPayload.MitigationApplied applied = (EventPayload.MitigationApplied) payloadsSince(before).get(1);
        assertFalse(applied.reversible());
        EventPayload.StepVerified verified = (EventPayload.StepVerified) payloadsSince(before).get(2);
        assertEquals(0.03, verified.observed(), 1e-9);
        assertTrue(verified.passed(), "an error ratio of 3% passes 'error_ratio < 0.05'");
    }

    @Test
    void ack_aFailedCheck_isRecordedAsNotPassed_andTheRunGoesOn() {
        RunbookRun run = start(RECOVERY);
        run.ack("li");
        verifier.sli = 0.6;
        StepOutcome outcome = run.ack("li");
        assertFalse(outcome.verification().passed());
        assertEquals(0.6, outcome.verification().observed());
        assertEquals(3, run.currentStep().orElseThrow().number());
    }

    @Test
    void promqlCheck_onTheMockSystem_isNoDataAndNotPassed_withTheReasonOnTheTimeline() {
        CountsVerifier counts = new CountsVerifier(w -> EventCounts.ofBad(0, 1000), Duration.ofMinutes(2), s -> { },
                "the mock system");
        RunbookRun run = RunbookRun.start(timeline, incident, runbook("abc123"), "li", null, RECOVERY, counts, clock);
        run.skip("li", "already confirmed on the provider status page");
        run.ack("li");
        run.ack("li");
        int before = lastSeq();
        StepOutcome outcome = run.ack("li");

        assertTrue(Double.isNaN(outcome.verification().observed()));
        assertFalse(outcome.verification().passed(), "a check that could not run never passes");
        EventPayload.Note note = (EventPayload.Note) payloadsSince(before).get(2);
        assertTrue(note.text().contains("no data") && note.text().contains("PromQL"), note.text());
    }

    @Test
    void skipAndFail_needAReason_andRecordNothingWithout() {
        RunbookRun run = start(RECOVERY);
        int before = lastSeq();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.skip("li", "  "));
        assertTrue(e.getMessage().contains("step 1") && e.getMessage().contains("needs a reason"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> run.fail("li", null));
        assertEquals(before, lastSeq());

        run.skip("li", "the provider status page already shows the outage");
        run.fail("li", "the fallback flag is locked by a change freeze");
        List<StepOutcome> steps = run.progress().steps();
        assertEquals(List.of(StepOutcome.Action.SKIPPED, StepOutcome.Action.FAILED),
                steps.stream().map(StepOutcome::action).toList());
        assertEquals("the fallback flag is locked by a change freeze", steps.get(1).reason());
        assertEquals(3, run.currentStep().orElseThrow().number(), "a failed step is behind us; the next one is current");
        assertFalse(payloadsSince(before).stream().anyMatch(EventPayload.MitigationApplied.class::isInstance),
                "a skipped or failed step applied nothing");
    }

    @Test
    void recovery_holdsOverTheWholeWindow_thenRecordsMitigated_andRefusesFurtherSteps() {
        RunbookRun run = start(RECOVERY);
        run.ack("li");
        verifier.sli = 0.95;
        run.ack("li");
        assertFalse(run.observe("warroom/drill").holding(), "below the objective: no hold");
        verifier.sli = 0.9995;
        clock.advance(Duration.ofMinutes(1));
        assertTrue(run.observe("warroom/drill").holding());
        for (int minute = 1; minute <= 5; minute++) {
            clock.advance(Duration.ofMinutes(1));
            // a minute of noise inside the hold does not undo it; the reading at the end decides
            verifier.sli = minute == 2 ? 0.998 : 0.9995;
            RunbookRun.Progress p = run.observe("warroom/drill");
            assertEquals(minute == 5, p.recovered(), "minute " + minute);
        }
        assertEquals(List.of(2L, 2L, 3L, 4L, 5L, 6L, 7L),
                verifier.windows.stream().map(Duration::toMinutes).toList(),
                "the hold is judged over the whole window since it opened");

        RunbookRun.Progress p = run.progress();
        assertEquals(RunbookRun.Status.RECOVERED, p.status());
        assertEquals(2, p.recoveredAfter());
        EventPayload.Mitigated mitigated = (EventPayload.Mitigated) payloadsSince(0).get(payloadsSince(0).size() - 1);
        assertEquals(0.9995, mitigated.sli());
        assertTrue(mitigated.summary().contains("after step 2 of 4") && mitigated.summary().contains("held for 5m"),
                mitigated.summary());
        assertEquals(IncidentState.MITIGATED, timeline.require(incident).state());

        int before = lastSeq();
        StepRefusedException refused = assertThrows(StepRefusedException.class, () -> run.ack("li"));
        assertEquals("the SLI recovered at step 2; the run is over", refused.getMessage());
        assertThrows(StepRefusedException.class, () -> run.skip("li", "not needed"));
        assertThrows(StepRefusedException.class, () -> run.observe("warroom/drill"));
        assertEquals(before, lastSeq(), "a refused action records nothing");
        assertTrue(run.currentStep().isEmpty());
    }

    @Test
    void recovery_aHoldThatEndsBelowTheObjective_isDropped_andTheNextReadingStartsAfresh() {
        RunbookRun run = start(RECOVERY);
        run.ack("li");
        run.ack("li");
        verifier.sli = 0.9995;
        assertTrue(run.observe("warroom/drill").holding());
        for (int minute = 1; minute <= 5; minute++) {
            clock.advance(Duration.ofMinutes(1));
            verifier.sli = minute == 5 ? 0.99 : 0.9995;
            run.observe("warroom/drill");
        }
        RunbookRun.Progress p = run.progress();
        assertFalse(p.recovered());
        assertFalse(p.holding());
        assertEquals(6, p.readings().size());
        clock.advance(Duration.ofMinutes(1));
        run.observe("warroom/drill");
        assertEquals(Duration.ofMinutes(2), verifier.windows.get(verifier.windows.size() - 1));
        assertFalse(timeline.events(incident).stream().anyMatch(e -> e.payload() instanceof EventPayload.Mitigated));
    }

    @Test
    void recovery_holdTimeIsConfigurable() {
        RunbookRun run = start(RECOVERY.withHold(Duration.ZERO));
        run.ack("li");
        run.ack("li");
        verifier.sli = 0.9999;
        assertTrue(run.observe("warroom/drill").recovered(), "no hold: the first reading above the objective decides");

        setUp();
        RunbookRun longer = start(RECOVERY.withHold(Duration.ofMinutes(15)));
        longer.ack("li");
        longer.ack("li");
        verifier.sli = 0.9999;
        longer.observe("warroom/drill");
        clock.advance(Duration.ofMinutes(10));
        assertFalse(longer.observe("warroom/drill").recovered());
        clock.advance(Duration.ofMinutes(5));
        assertTrue(longer.observe("warroom/drill").recovered());
    }

    @Test
    void resume_afterARestart_continuesFromTheTimeline() {
        RunbookRun run = start(RECOVERY);
        run.skip("li", "confirmed already");
        verifier.sli = 0.9;
        run.ack("li");

        RunbookRun resumed = RunbookRun.resume(timeline, incident, runbook("abc123"), RECOVERY, verifier, clock);
        assertEquals(run.progress(), resumed.progress());
        assertEquals(3, resumed.currentStep().orElseThrow().number());
        resumed.ack("li");
        assertEquals(4, run.currentStep().orElseThrow().number(), "both see the one timeline");
    }

    @Test
    void resume_refusesAChangedRunbookOrOneNeverStarted() {
        start(RECOVERY).ack("li");
        StepRefusedException changed = assertThrows(StepRefusedException.class,
                () -> RunbookRun.resume(timeline, incident, runbook("def456"), RECOVERY, verifier, clock));
        assertTrue(changed.getMessage().contains("version abc123") && changed.getMessage().contains("def456"),
                changed.getMessage());
        Runbook other = new Runbook("cost-spike", "Cost spike", List.of(), null, List.of(), List.of(), Map.of(), List.of(),
                "", List.of(), "runbooks/cost-spike.md", "1");
        StepRefusedException never = assertThrows(StepRefusedException.class,
                () -> RunbookRun.resume(timeline, incident, other, RECOVERY, verifier, clock));
        assertTrue(never.getMessage().contains("never started"), never.getMessage());
    }

    @Test
    void afterTheLastStep_stepsAreRefused_butTheRecoveryIsStillWatched() {
        RunbookRun run = start(RECOVERY);
        for (int i = 0; i < 4; i++) {
            run.ack("li");
        }
        assertEquals(RunbookRun.Status.STEPS_DONE, run.progress().status());
        StepRefusedException e = assertThrows(StepRefusedException.class, () -> run.ack("li"));
        assertTrue(e.getMessage().startsWith("all 4 steps of runbook provider-outage were acted on"), e.getMessage());
        verifier.sli = 0.9999;
        run.observe("warroom/drill");
        clock.advance(Duration.ofMinutes(5));
        assertTrue(run.observe("warroom/drill").recovered());
    }

    @Test
    void startingAnotherRunbook_supersedesThisRun() {
        RunbookRun run = start(RECOVERY);
        run.ack("li");
        Runbook other = new Runbook("cost-spike", "Cost spike", List.of(), null, List.of(), List.of(), Map.of(), List.of(),
                "", List.of(new RunbookStep(1, "Cap tokens", "", null, null, null, null, null, 5)),
                "runbooks/cost-spike.md", "1");
        RunbookRun.start(timeline, incident, other, "li", null, RECOVERY, verifier, clock);
        assertEquals(RunbookRun.Status.SUPERSEDED, run.progress().status());
        assertThrows(StepRefusedException.class, () -> run.ack("li"));
    }
}
