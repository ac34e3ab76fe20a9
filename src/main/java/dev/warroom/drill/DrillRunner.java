package dev.warroom.drill;

import dev.warroom.time.VirtualClock;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.PageState;
import dev.warroom.incident.Timeline;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.runbook.CountsVerifier;
import dev.warroom.runbook.Runbook;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.runbook.RunbookRun;
import dev.warroom.runbook.RunbookStep;
import dev.warroom.runbook.Triage;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Decision;
import dev.warroom.slo.EventCounts;
import dev.warroom.slo.PolicyEvaluator;
import dev.warroom.slo.Slo;
import dev.warroom.slo.SloFormat;
import dev.warroom.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Plays a whole drill with nobody at the keyboard: the mock system fails, the burn-rate policy
 * pages, the ladder climbs until the auto player acks, triage picks a runbook for the symptom, and
 * a {@link RunbookRun} of it is played step by step (each mitigation applied to the mock, then acked)
 * until the run finds the SLI held above the objective; then the incident is resolved. Everything happens on a virtual clock and lands on the timeline.
 */
public final class DrillRunner {
    public static final String POLICY_ACTOR = "warroom/slo-policy";
    /** The window an SLI reading after a mitigation is taken over. */
    static final Duration OBSERVE = Duration.ofMinutes(2);
    private static final Duration STEP_WORK = Duration.ofMinutes(2);
    private static final Duration MONITOR_BEFORE_RESOLVE = Duration.ofMinutes(10);
    /** While a recovery is on hold the SLI is read each minute, each time over the whole hold window. */
    private static final Duration HOLD_READING_EVERY = Duration.ofMinutes(1);
    private static final String DRILL_ACTOR = "warroom/drill";

    private final Scenario scenario;
    private final RunbookLibrary runbooks;
    private final Timeline timeline;
    private final EscalationLadder ladder;
    private final AlertPolicy policy;
    private final VirtualClock clock;
    private final DrillOptions options;
    private final Consumer<String> progress;
    private MockService mock;
    private Instant stepBegan;

    public DrillRunner(Scenario scenario, RunbookLibrary runbooks, Timeline timeline, EscalationLadder ladder,
                       AlertPolicy policy, VirtualClock clock, DrillOptions options, Consumer<String> progress) {
        this.scenario = scenario;
        this.runbooks = runbooks;
        this.timeline = timeline;
        this.ladder = ladder;
        this.policy = policy;
        this.clock = clock;
        this.options = options;
        this.progress = progress;
    }

    /** Plays the drill with the runbook triage ranks first. */
    public DrillResult run() {
        return play(null);
    }

    /**
     * Plays the drill with {@code chosen} instead of triage's first suggestion, which is still noted
     * on the timeline: a regression replay judges triage and recovery separately.
     */
    public DrillResult runWith(Runbook chosen) {
        return play(chosen);
    }

    private DrillResult play(Runbook chosen) {
        mock = new MockService(scenario, clock, options.seed());
        Slo slo = scenario.slo();

        Decision decision = waitForAlert();
        String id = DrillDeclaration.declare(timeline, scenario, decision, options.seed());
        progress.accept(id + " declared: " + decision.explanation());
        timeline.record(id, POLICY_ACTOR, observation(Duration.ofMinutes(5)));
        ladder.open(id, scenario.title());

        String responder = waitForAck(id);
        timeline.recordAll(id, responder, List.of(
                new EventPayload.RoleAssigned("incident_commander", responder),
                new EventPayload.SymptomNamed(scenario.symptom())));

        List<Triage.Suggestion> suggestions = new Triage(runbooks).suggest(scenario.symptom(), scenario.alert());
        if (suggestions.isEmpty() && chosen == null) {
            throw new DrillException("triage found no runbook for \"" + scenario.symptom() + "\" (alert "
                    + scenario.alert() + "); add one to runbooks/ with that alert or symptom");
        }
        if (!suggestions.isEmpty()) {
            Triage.Suggestion top = suggestions.get(0);
            timeline.record(id, "warroom/triage", new EventPayload.Note("triage suggests runbook " + top.runbook().id()
                    + " (" + String.join("; ", top.reasons()) + ")"));
        }
        Runbook runbook = chosen != null ? chosen : suggestions.get(0).runbook();
        RunbookRun run = RunbookRun.start(timeline, id, runbook, responder, runbooks.commitOf(runbook).orElse(null),
                RunbookRun.Recovery.of(slo).withHold(options.hold()).withWindow(OBSERVE),
                new CountsVerifier(mock, OBSERVE, this::settle, "the mock system"), clock);
        timeline.record(id, responder, new EventPayload.StatusUpdatePosted("stakeholders", "Investigating: "
                + scenario.summary() + " Working through runbook \"" + runbook.title() + "\"."));
        progress.accept(id + " runbook " + runbook.id() + " started by " + responder);

        Optional<RunbookStep> next = run.currentStep();
        while (next.isPresent()) {
            RunbookStep step = next.get();
            stepBegan = clock.instant();
            if (step.mitigation() != null) {
                mock.apply(mitigation(runbook, step).id());
            }
            run.ack(responder);
            settle(step);
            if (step.mitigation() != null) {
                RunbookRun.Progress p = run.observe(DRILL_ACTOR);
                progress.accept(String.format(Locale.ROOT, "%s step %d %s: SLI %s", id, step.number(), step.title(),
                        SloFormat.sli(p.readings().get(p.readings().size() - 1))));
                while (p.holding()) {
                    pass(HOLD_READING_EVERY);
                    p = run.observe(DRILL_ACTOR);
                }
            }
            next = run.currentStep();
        }

        RunbookRun.Progress done = run.progress();
        if (done.recovered()) {
            String summary = timeline.events(id).stream().map(TimelineEvent::payload)
                    .filter(EventPayload.Mitigated.class::isInstance).map(m -> ((EventPayload.Mitigated) m).summary())
                    .reduce((first, last) -> last).orElse("SLI back above the objective");
            timeline.record(id, responder, new EventPayload.StatusUpdatePosted("stakeholders", "Mitigated: " + summary
                    + ". Monitoring before we resolve."));
            pass(MONITOR_BEFORE_RESOLVE);
            timeline.record(id, responder, new EventPayload.Resolved("Drill " + scenario.id() + " recovered after "
                    + done.recoveredAfter() + " runbook steps", scenario.rootCause()));
        } else {
            timeline.record(id, responder, new EventPayload.Note("runbook " + runbook.id() + " finished all "
                    + runbook.steps().size() + " steps but the SLI is still below the objective; escalate and look "
                    + "for another runbook"));
        }
        Incident finalState = timeline.require(id);
        int stepsRun = done.recovered() ? done.recoveredAfter() : done.stepsActed();
        return new DrillResult(scenario, finalState, timeline.events(id), runbook.id(),
                runbook.id().equals(scenario.runbook()), stepsRun, runbook.steps().size(), done.readings(),
                done.recovered(), options.seed(), options.start());
    }

    private Mitigation mitigation(Runbook runbook, RunbookStep step) {
        return scenario.mitigation(step.mitigation()).orElseThrow(() -> new DrillException(
                runbook.source() + ":" + step.line() + ": step " + step.number() + " applies mitigation '"
                        + step.mitigation() + "', which scenario " + scenario.id() + " does not define"));
    }

    /**
     * Lets the step being acted on take effect: a mitigation until it has worked for a whole
     * observation window, any other step for the time its work takes. Called by the verifier
     * before it reads a check and by the auto player after the ack; the second call finds the time
     * already passed.
     */
    private void settle(RunbookStep step) {
        Duration work = step.mitigation() == null ? STEP_WORK
                : scenario.mitigation(step.mitigation()).map(m -> m.takesEffectAfter().plus(OBSERVE)).orElse(OBSERVE);
        Duration left = Duration.between(clock.instant(), stepBegan.plus(work));
        pass(left);
    }

    /** Evaluates the policy every tick until it pages or tickets. */
    private Decision waitForAlert() {
        Instant giveUp = clock.instant().plus(options.giveUpAfter());
        while (true) {
            pass(options.tick());
            Decision d = PolicyEvaluator.evaluate(scenario.slo(), policy, mock);
            if (d.state() == Decision.State.PAGE || d.state() == Decision.State.TICKET) {
                return d;
            }
            if (clock.instant().isAfter(giveUp)) {
                throw new DrillException("the burn-rate policy never fired within " + Durations.format(options.giveUpAfter())
                        + " of scenario " + scenario.id() + " (last decision: " + d.explanation() + ")");
            }
        }
    }

    /**
     * Lets the page ring for {@code ackAfter} while the ladder climbs, then acks as whoever holds the
     * page. A ticket is picked up after the same time by the first level's person. A more severe
     * tier firing meanwhile raises the severity and starts paging.
     */
    private String waitForAck(String id) {
        Instant ackAt = clock.instant().plus(options.ackAfter());
        while (clock.instant().isBefore(ackAt)) {
            pass(options.tick());
            Incident incident = timeline.require(id);
            Decision d = PolicyEvaluator.evaluate(scenario.slo(), policy, mock);
            if (d.severity() != null && d.severity().compareTo(incident.severity()) < 0) {
                timeline.record(id, POLICY_ACTOR, new EventPayload.SeverityChanged(incident.severity(), d.severity(),
                        d.explanation()));
                if (incident.paging().status() == PageState.Status.NONE) {
                    ladder.open(id, scenario.title());
                }
            }
        }
        Incident incident = timeline.require(id);
        if (incident.paging().awaitingAck()) {
            String person = incident.paging().target();
            ladder.acknowledge(id, person);
            progress.accept(id + " acknowledged by " + person);
            return person;
        }
        return ladder.policy().first().person();
    }

    private EventPayload.SliObserved observation(Duration window) {
        EventCounts counts = mock.over(window);
        return new EventPayload.SliObserved(scenario.slo().name(), counts.sli(), scenario.slo().objective(),
                Durations.format(window), Math.round(counts.total()), Math.round(counts.bad()));
    }

    /** Moves virtual time forward tick by tick, letting the ladder act and pacing to the chosen speed. */
    private void pass(Duration d) {
        Duration left = d;
        while (!left.isZero() && !left.isNegative()) {
            Duration step = left.compareTo(options.tick()) < 0 ? left : options.tick();
            clock.advance(step);
            mock.advanceTo(clock.instant());
            ladder.tick();
            left = left.minus(step);
            if (options.speed() > 0) {
                try {
                    Thread.sleep((long) (step.toMillis() / options.speed()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DrillException("drill interrupted");
                }
            }
        }
    }
}
