package dev.warroom.drill;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.SeverityTarget;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.runbook.CountsVerifier;
import dev.warroom.runbook.Runbook;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.runbook.RunbookRun;
import dev.warroom.runbook.RunbookStep;
import dev.warroom.runbook.StepOutcome;
import dev.warroom.runbook.Triage;
import dev.warroom.runbook.Verifier;
import dev.warroom.runbook.VerifyCheck;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Decision;
import dev.warroom.slo.PolicyEvaluator;
import dev.warroom.time.Durations;
import dev.warroom.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A drill played by people: the mock system fails on a virtual clock that runs {@code speed} times
 * faster than the wall clock, the burn-rate policy declares and pages, the ladder climbs, and the
 * responders ack, pick a runbook and work its steps from the console. Acking a step with a
 * {@code mitigation:} applies it to the mock, and the run watches the SLI until it holds.
 *
 * <p>Thread-safe: the ticker and the console's actions take turns on this object's monitor; the
 * console calls the actions from its background executor, never from the FX thread.
 */
public final class LiveDrill implements AutoCloseable {
    public static final Duration EVALUATE_EVERY = Duration.ofSeconds(30);
    public static final Duration OBSERVE_EVERY = Duration.ofMinutes(1);
    static final Duration OBSERVE_WINDOW = Duration.ofMinutes(2);
    private static final String DRILL_ACTOR = "warroom/drill";

    private final Scenario scenario;
    private final RunbookLibrary runbooks;
    private final Timeline timeline;
    private final EscalationLadder ladder;
    private final AlertPolicy policy;
    private final SeverityPolicy severities;
    private final VirtualClock clock;
    private final MockService mock;
    private final double speed;
    private final long seed;
    private final String suggestedRunbook;

    private Decision lastDecision;
    private Instant nextEvaluation;
    private Instant nextObservation;
    private String incidentId;
    private RunbookRun run;
    private boolean mitigating;
    private ScheduledFuture<?> ticker;

    /**
     * @param timeline written with {@code clock}: drill events carry drill time
     * @param ladder   on the same timeline and clock
     */
    public LiveDrill(Scenario scenario, RunbookLibrary runbooks, Timeline timeline, EscalationLadder ladder,
                     AlertPolicy policy, SeverityPolicy severities, VirtualClock clock, long seed, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("drill speed must be positive, got " + speed);
        }
        this.scenario = scenario;
        this.runbooks = runbooks;
        this.timeline = timeline;
        this.ladder = ladder;
        this.policy = policy;
        this.severities = severities;
        this.clock = clock;
        this.speed = speed;
        this.seed = seed;
        this.mock = new MockService(scenario, clock, seed);
        this.nextEvaluation = clock.instant();
        List<Triage.Suggestion> suggestions = new Triage(runbooks).suggest(scenario.symptom(), scenario.alert());
        this.suggestedRunbook = suggestions.isEmpty() ? null : suggestions.get(0).runbook().id();
    }

    public Scenario scenario() {
        return scenario;
    }

    public VirtualClock clock() {
        return clock;
    }

    public double speed() {
        return speed;
    }

    public long seed() {
        return seed;
    }

    /** Runs the virtual clock on the wall clock: every {@code every} of real time, {@code speed} times as much. */
    public synchronized void start(ScheduledExecutorService scheduler, Duration every) {
        if (ticker != null) {
            throw new IllegalStateException("drill " + scenario.id() + " is already running");
        }
        Duration step = Duration.ofNanos((long) (every.toNanos() * speed));
        ticker = scheduler.scheduleAtFixedRate(() -> advance(step), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops the clock; what happened stays on the timeline. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
    }

    public synchronized boolean running() {
        return ticker != null;
    }

    /**
     * Moves drill time forward: the mock serves traffic, the policy is evaluated every 30 s of drill
     * time (declaring the incident when it first fires), the ladder climbs, and once a mitigation
     * is in, the SLI is read every minute until it holds.
     */
    public synchronized void advance(Duration by) {
        Instant until = clock.instant().plus(by);
        while (!nextEvaluation.isAfter(until)) {
            clock.set(nextEvaluation);
            tick();
            nextEvaluation = nextEvaluation.plus(EVALUATE_EVERY);
        }
        clock.set(until);
        mock.advanceTo(until);
    }

    private void tick() {
        mock.advanceTo(clock.instant());
        lastDecision = PolicyEvaluator.evaluate(scenario.slo(), policy, mock);
        if (incidentId == null && (lastDecision.state() == Decision.State.PAGE
                || lastDecision.state() == Decision.State.TICKET)) {
            declare(lastDecision);
        }
        ladder.tick();
        if (run != null && mitigating && !run.progress().recovered() && nextObservation != null
                && !clock.instant().isBefore(nextObservation)) {
            run.observe(DRILL_ACTOR);
            nextObservation = clock.instant().plus(OBSERVE_EVERY);
        }
    }

    private void declare(Decision decision) {
        incidentId = DrillDeclaration.declare(timeline, scenario, decision, seed);
        ladder.open(incidentId, scenario.title());
    }

    /** The incident the policy declared, once it has. */
    public synchronized Optional<String> incidentId() {
        return Optional.ofNullable(incidentId);
    }

    /** The latest policy decision (null before the first evaluation). */
    public synchronized Decision decision() {
        return lastDecision;
    }

    /** SLI over the last five minutes of drill time. */
    public synchronized double sli() {
        return mock.sli(Duration.ofMinutes(5));
    }

    public synchronized List<String> appliedMitigations() {
        return mock.appliedMitigations();
    }

    /** What triage ranks first for the scenario's symptom and alert. */
    public String suggestedRunbook() {
        return suggestedRunbook;
    }

    /** Acks the open page as {@code person}. */
    public synchronized void acknowledge(String person) {
        ladder.acknowledge(requireIncident(), person);
    }

    /** Starts a runbook on the drill's incident; triage's pick or any other. */
    public synchronized RunbookRun startRunbook(String runbookId, String actor) {
        String id = requireIncident();
        if (run != null) {
            throw new IllegalStateException("runbook " + run.runbook().id() + " is already running on " + id);
        }
        Runbook runbook = runbooks.byId(runbookId).orElseThrow(() -> new IllegalArgumentException(
                "no runbook '" + runbookId + "'"));
        run = RunbookRun.start(timeline, id, runbook, actor, runbooks.commitOf(runbook).orElse(null),
                RunbookRun.Recovery.of(scenario.slo()).withWindow(OBSERVE_WINDOW),
                new PacedVerifier(new CountsVerifier(mock, OBSERVE_WINDOW, step -> { }, "the mock system")), clock);
        return run;
    }

    public synchronized Optional<RunbookRun> runbookRun() {
        return Optional.ofNullable(run);
    }

    /**
     * Acks the current step; a step with a {@code mitigation:} is applied to the mock at once, and
     * from then on the SLI is read every minute until it holds above the objective.
     */
    public synchronized StepOutcome ackStep(String actor) {
        RunbookRun r = requireRun();
        Optional<RunbookStep> step = r.currentStep();
        if (step.isPresent() && step.get().mitigation() != null) {
            String mitigation = step.get().mitigation();
            scenario.mitigation(mitigation).orElseThrow(() -> new DrillException(r.runbook().source() + ":"
                    + step.get().line() + ": step " + step.get().number() + " applies mitigation '" + mitigation
                    + "', which scenario " + scenario.id() + " does not define"));
            mock.apply(mitigation);
        }
        StepOutcome outcome = r.ack(actor);
        if (step.isPresent() && step.get().mitigation() != null) {
            mitigating = true;
            nextObservation = clock.instant().plus(OBSERVE_EVERY);
        }
        return outcome;
    }

    public synchronized StepOutcome skipStep(String actor, String reason) {
        return requireRun().skip(actor, reason);
    }

    public synchronized StepOutcome failStep(String actor, String reason) {
        return requireRun().fail(actor, reason);
    }

    /** Resolves the drill's incident and stops the clock. */
    public synchronized void resolve(String actor, String summary) {
        String id = requireIncident();
        timeline.record(id, actor, new EventPayload.Resolved(summary == null || summary.isBlank()
                ? "Drill " + scenario.id() + " resolved" : summary, scenario.rootCause()));
        close();
    }

    /** How the drill went, against the severity's targets and what good looks like. */
    public synchronized Optional<ScoreCard> scoreCard() {
        if (incidentId == null) {
            return Optional.empty();
        }
        Incident incident = timeline.require(incidentId);
        SeverityTarget target = severities.target(incident.severity());
        SeverityTarget.GoodLooksLike good = target.goodLooksLike();
        Duration ackTarget = good != null && good.ack() != null ? good.ack()
                : target.ackTarget(incident.declaredAt(), severities.businessHours()).orElse(null);
        Duration statusTarget = good != null && good.statusPage() != null ? good.statusPage() : target.statusUpdateEvery();
        Duration firstStatus = timeline.events(incidentId).stream()
                .filter(e -> e.payload() instanceof EventPayload.StatusUpdatePosted)
                .map(TimelineEvent::at).findFirst().map(at -> Duration.between(incident.declaredAt(), at)).orElse(null);
        return Optional.of(new ScoreCard(scenario.id(), incidentId, incident.severity(),
                incident.timeToAck().orElse(null), ackTarget, firstStatus, statusTarget,
                incident.timeToMitigate().orElse(null), incident.timeToResolve().orElse(null),
                good == null ? null : good.resolve(), incident.paging().escalations(), suggestedRunbook,
                run == null ? null : run.runbook().id()));
    }

    /**
     * A drill's time runs on the wall clock, so a check cannot wait for a mitigation to work: right
     * after the ack it has not taken effect yet. Saying "no data yet" is honest; the run's SLI watch
     * decides the recovery.
     */
    private final class PacedVerifier implements Verifier {
        private final Verifier counts;

        PacedVerifier(Verifier counts) {
            this.counts = counts;
        }

        @Override
        public Reading check(RunbookStep step, VerifyCheck check) {
            if (step.mitigation() != null) {
                Duration effect = scenario.mitigation(step.mitigation()).map(Mitigation::takesEffectAfter)
                        .orElse(Duration.ZERO);
                return Reading.noData(OBSERVE_WINDOW, "the mitigation takes effect after " + Durations.format(effect)
                        + "; the SLI is watched until it holds above the objective");
            }
            return counts.check(step, check);
        }

        @Override
        public Reading sli(Duration window) {
            return counts.sli(window);
        }
    }

    private String requireIncident() {
        if (incidentId == null) {
            throw new IllegalStateException("drill " + scenario.id() + " has not paged yet: the failure starts "
                    + Durations.format(scenario.startsAfter()) + " into the drill");
        }
        return incidentId;
    }

    private RunbookRun requireRun() {
        if (run == null) {
            throw new IllegalStateException("no runbook is running on " + requireIncident() + ": start one first");
        }
        return run;
    }
}
