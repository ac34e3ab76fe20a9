package dev.warroom.runbook;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.IncidentState;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.slo.Slo;
import dev.warroom.slo.SloFormat;
import dev.warroom.time.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One runbook run on one incident: its steps are acted on in order (ack, skip with a reason, or
 * mark failed), each ack runs the step's {@code verify:} check through the {@link Verifier}, and
 * the run ends "recovered" once the SLI held above the objective for the hold time.
 *
 * <p>The run keeps no status of its own: every question is answered by folding the incident's
 * timeline from this run's {@code runbook_started} event, so a restarted console picks a run up with
 * {@link #resume}. Every event it writes carries the runbook id, its version (content hash) and the
 * step number.
 *
 * <p>Acking a step that carries {@code mitigation:} means the person applied it: the run records
 * {@code mitigation_applied} with the ack, in the same durable write. Applying it to the system is
 * the caller's business (a drill applies it to the mock system just before acking).
 *
 * <p>Recovery is watched through {@link #observe}: the first SLI reading at or above the objective
 * opens a hold; readings during the hold are taken over the whole window since the hold opened, and
 * the first one at least {@code hold} after it decides: still above the objective and the run is
 * recovered ({@code mitigated} is recorded), below it and the hold is dropped. A minute of noise on
 * a small service therefore never undoes a recovery, and a relapse is never missed.
 *
 * <p>Thread-safe as far as the timeline is; actions on one run should come from one thread at a time
 * (two people acking at once may both act on the same step, which the timeline then shows).
 */
public final class RunbookRun {
    /** The actor of events the run writes by itself: verifications and the recovery. */
    public static final String ACTOR = "warroom/runbook";

    private final Timeline timeline;
    private final String incidentId;
    private final Runbook runbook;
    private final long startSeq;
    private final Recovery recovery;
    private final Verifier verifier;
    private final Clock clock;

    /**
     * When a run counts as recovered.
     *
     * @param slo       the SLO whose {@code sli_observed} readings the run watches
     * @param objective the SLI must be at or above it
     * @param hold      how long it must stay there, judged over the whole hold window
     * @param window    the window of the reading that opens a hold
     */
    public record Recovery(String slo, double objective, Duration hold, Duration window) {
        public static final Duration DEFAULT_HOLD = Duration.ofMinutes(5);
        public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(2);

        public Recovery {
            Objects.requireNonNull(slo, "slo");
            if (!(objective > 0 && objective < 1)) {
                throw new IllegalArgumentException("objective must be between 0 and 1, got " + objective);
            }
            if (hold.isNegative() || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("hold must be >= 0 and window > 0");
            }
        }

        /** The SLO's objective, held for 5 minutes, opened by a 2-minute reading. */
        public static Recovery of(Slo slo) {
            return new Recovery(slo.name(), slo.objective(), DEFAULT_HOLD, DEFAULT_WINDOW);
        }

        public Recovery withHold(Duration h) {
            return new Recovery(slo, objective, h, window);
        }

        public Recovery withWindow(Duration w) {
            return new Recovery(slo, objective, hold, w);
        }
    }

    public enum Status {
        /** Steps are left and the SLI has not recovered. */
        IN_PROGRESS,
        /** The SLI held above the objective: the run is over. */
        RECOVERED,
        /** Every step was acted on and the SLI has not recovered (a hold may still be open). */
        STEPS_DONE,
        /** Another runbook (or this one again) was started later on the incident. */
        SUPERSEDED
    }

    /**
     * An open hold: the SLI read at or above the objective at {@code openedAt}, over a window that
     * began at {@code windowStart}.
     */
    public record Hold(Instant windowStart, Instant openedAt) {
    }

    /**
     * The run as the timeline tells it.
     *
     * @param steps          what was done with each step so far, in order
     * @param nextStep       the step to act on next (1-based), 0 when none is left
     * @param recoveredAfter the last step acted on before the recovery (0: before any); -1 if not recovered
     * @param hold           the open hold, or null
     * @param readings       every SLI reading since the run started, in order
     * @param recoveredSli   the reading that confirmed the recovery, NaN if not recovered
     */
    public record Progress(Status status, List<StepOutcome> steps, int nextStep, int recoveredAfter, Hold hold,
                           List<Double> readings, double recoveredSli) {

        public Progress {
            steps = List.copyOf(steps);
            readings = List.copyOf(readings);
        }

        public boolean recovered() {
            return status == Status.RECOVERED;
        }

        public boolean holding() {
            return hold != null && !recovered();
        }

        /** Steps acked, skipped or failed. */
        public int stepsActed() {
            return steps.size();
        }
    }

    private RunbookRun(Timeline timeline, String incidentId, Runbook runbook, long startSeq, Recovery recovery,
                       Verifier verifier, Clock clock) {
        this.timeline = timeline;
        this.incidentId = incidentId;
        this.runbook = runbook;
        this.startSeq = startSeq;
        this.recovery = recovery;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * Starts {@code runbook} on the incident: records {@code runbook_started} with its id, version
     * and, when it lives in a Git checkout, {@code commit} (null otherwise).
     */
    public static RunbookRun start(Timeline timeline, String incidentId, Runbook runbook, String actor, String commit,
                                   Recovery recovery, Verifier verifier, Clock clock) {
        TimelineEvent started = timeline.record(incidentId, actor, new EventPayload.RunbookStarted(runbook.id(),
                runbook.title(), runbook.version(), runbook.source(), commit, runbook.steps().size()));
        return new RunbookRun(timeline, incidentId, runbook, started.seq(), recovery, verifier, clock);
    }

    /**
     * The latest run of {@code runbook} on the incident, picked up from the timeline (after a
     * restart, say). Refused when it was never started there, or when the library's text of the
     * runbook changed since: step numbers of another version may mean other steps.
     */
    public static RunbookRun resume(Timeline timeline, String incidentId, Runbook runbook, Recovery recovery,
                                    Verifier verifier, Clock clock) {
        EventPayload.RunbookStarted latest = null;
        long seq = -1;
        for (TimelineEvent e : timeline.events(incidentId)) {
            if (e.payload() instanceof EventPayload.RunbookStarted s && s.runbook().equals(runbook.id())) {
                latest = s;
                seq = e.seq();
            }
        }
        if (latest == null) {
            throw new StepRefusedException("runbook " + runbook.id() + " was never started on " + incidentId);
        }
        if (!Objects.equals(latest.version(), runbook.version())) {
            throw new StepRefusedException(incidentId + " ran runbook " + runbook.id() + " version " + latest.version()
                    + ", but the library now has version " + runbook.version() + " (" + runbook.source()
                    + "); start it again to run the new text");
        }
        return new RunbookRun(timeline, incidentId, runbook, seq, recovery, verifier, clock);
    }

    public Runbook runbook() {
        return runbook;
    }

    public String incidentId() {
        return incidentId;
    }

    public Recovery recovery() {
        return recovery;
    }

    /** The step to act on next, if any is left and the run is not over. */
    public Optional<RunbookStep> currentStep() {
        Progress p = progress();
        return p.status() == Status.IN_PROGRESS ? Optional.of(step(p.nextStep())) : Optional.empty();
    }

    /**
     * Acks the current step: records {@code step_acked} (and {@code mitigation_applied} for a step
     * with a mitigation), then runs the step's check, which may block (see {@link Verifier}), and
     * records {@code step_verified}.
     *
     * @throws StepRefusedException when the run is over or has no step left
     */
    public StepOutcome ack(String actor) {
        RunbookStep step = actionable();
        List<EventPayload> payloads = new ArrayList<>();
        payloads.add(new EventPayload.StepAcked(runbook.id(), runbook.version(), step.number(), step.title()));
        if (step.mitigation() != null) {
            // a runbook that does not say a step is reversible does not promise an undo
            payloads.add(new EventPayload.MitigationApplied(step.mitigation(), step.title(),
                    Boolean.TRUE.equals(step.reversible()), runbook.id(), step.number()));
        }
        timeline.recordAll(incidentId, actor, payloads);
        if (step.verify() != null) {
            verify(step);
        }
        return outcome(step.number());
    }

    /** Skips the current step; the reason is required and kept on the timeline. */
    public StepOutcome skip(String actor, String reason) {
        RunbookStep step = actionable();
        timeline.record(incidentId, actor, new EventPayload.StepSkipped(runbook.id(), runbook.version(), step.number(),
                step.title(), requireReason("skipping", step, reason)));
        return outcome(step.number());
    }

    /** Marks the current step failed (tried, did not work) and moves on to the next one. */
    public StepOutcome fail(String actor, String reason) {
        RunbookStep step = actionable();
        timeline.record(incidentId, actor, new EventPayload.StepFailed(runbook.id(), runbook.version(), step.number(),
                step.title(), requireReason("failing", step, reason)));
        return outcome(step.number());
    }

    /**
     * Reads the SLI now and records it as {@code sli_observed}: over the recovery window, or over
     * the whole hold window while a hold is open. When the reading confirms a recovery it also
     * records {@code mitigated}, and the run is over.
     */
    public Progress observe(String actor) {
        Progress p = progress();
        if (p.recovered() || p.status() == Status.SUPERSEDED) {
            throw refused(p);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Duration window = p.hold() == null ? recovery.window() : Duration.between(p.hold().windowStart(), now);
        Verifier.Reading r = verifier.sli(window);
        EventPayload.SliObserved reading = new EventPayload.SliObserved(recovery.slo(), r.value(), recovery.objective(),
                Durations.format(window), r.requests(), r.bad());
        Watch watch = new Watch(recovery, p.hold());
        watch.accept(now, r.value(), window);
        if (!watch.confirmed) {
            timeline.record(incidentId, actor, reading);
            return progress();
        }
        IncidentState state = timeline.require(incidentId).state();
        String summary = summary(p, r.value());
        EventPayload closing = state == IncidentState.MITIGATING
                ? new EventPayload.Mitigated(summary, r.value())
                // the lifecycle only reaches "mitigated" through a mitigation; say so instead of skipping it
                : new EventPayload.Note(summary + ", with no mitigation on the timeline; record it by hand if one was applied");
        timeline.recordAll(incidentId, actor, List.of(reading, closing));
        return progress();
    }

    /** Folds the timeline from this run's start. */
    public Progress progress() {
        List<StepOutcome> steps = new ArrayList<>();
        List<Double> readings = new ArrayList<>();
        Watch watch = new Watch(recovery, null);
        boolean started = false;
        boolean superseded = false;
        int recoveredAfter = -1;
        double recoveredSli = Double.NaN;
        for (TimelineEvent e : timeline.events(incidentId)) {
            if (!started) {
                started = e.seq() == startSeq;
                continue;
            }
            EventPayload p = e.payload();
            if (p instanceof EventPayload.RunbookStarted) {
                superseded = true;
                break;
            } else if (p instanceof EventPayload.StepAcked s && mine(s.runbook(), s.version())) {
                steps.add(new StepOutcome(s.step(), s.title(), StepOutcome.Action.ACKED, e.actor(), e.at(), null, null, null));
            } else if (p instanceof EventPayload.StepSkipped s && mine(s.runbook(), s.version())) {
                steps.add(new StepOutcome(s.step(), s.title(), StepOutcome.Action.SKIPPED, e.actor(), e.at(), s.reason(),
                        null, null));
            } else if (p instanceof EventPayload.StepFailed s && mine(s.runbook(), s.version())) {
                steps.add(new StepOutcome(s.step(), s.title(), StepOutcome.Action.FAILED, e.actor(), e.at(), s.reason(),
                        null, null));
            } else if (p instanceof EventPayload.MitigationApplied m && runbook.id().equals(m.runbook())
                    && m.step() != null) {
                replaceLast(steps, m.step(), o -> o.withMitigation(m.mitigation()));
            } else if (p instanceof EventPayload.StepVerified v && mine(v.runbook(), v.version())) {
                replaceLast(steps, v.step(), o -> o.withVerification(
                        new StepOutcome.Verification(v.check(), v.observed(), v.passed())));
            } else if (p instanceof EventPayload.SliObserved o && recovery.slo().equals(o.slo()) && recoveredAfter < 0) {
                readings.add(o.sli());
                watch.accept(e.at(), o.sli(), windowOf(o));
                if (watch.confirmed) {
                    recoveredAfter = lastStep(steps);
                    recoveredSli = o.sli();
                }
            } else if (p instanceof EventPayload.Mitigated m && recoveredAfter < 0) {
                // a person may call it mitigated by hand; the run is over then too
                recoveredAfter = lastStep(steps);
                recoveredSli = m.sli();
            }
        }
        int next = lastStep(steps) + 1;
        if (next > runbook.steps().size()) {
            next = 0;
        }
        Status status = recoveredAfter >= 0 ? Status.RECOVERED
                : superseded ? Status.SUPERSEDED
                : next == 0 ? Status.STEPS_DONE
                : Status.IN_PROGRESS;
        return new Progress(status, steps, next, recoveredAfter, watch.hold, readings, recoveredSli);
    }

    private void verify(RunbookStep step) {
        VerifyCheck check;
        try {
            check = VerifyCheck.parse(step.verify());
        } catch (IllegalArgumentException e) {
            timeline.recordAll(incidentId, ACTOR, List.of(
                    new EventPayload.StepVerified(runbook.id(), runbook.version(), step.number(), step.verify().strip(),
                            Double.NaN, false),
                    new EventPayload.Note("step " + step.number() + " of " + runbook.id() + " was not verified: "
                            + e.getMessage())));
            return;
        }
        Verifier.Reading r = verifier.check(step, check);
        List<EventPayload> payloads = new ArrayList<>();
        payloads.add(new EventPayload.StepVerified(runbook.id(), runbook.version(), step.number(), check.text(),
                r.value(), check.passes(r.value())));
        if (!r.hasData()) {
            payloads.add(new EventPayload.Note("step " + step.number() + " of " + runbook.id() + ": no data for '"
                    + check.text() + "'" + (r.why() == null ? "" : ": " + r.why())));
        }
        timeline.recordAll(incidentId, ACTOR, payloads);
    }

    private RunbookStep actionable() {
        Progress p = progress();
        if (p.status() != Status.IN_PROGRESS) {
            throw refused(p);
        }
        return step(p.nextStep());
    }

    private StepRefusedException refused(Progress p) {
        return new StepRefusedException(switch (p.status()) {
            case RECOVERED -> (p.recoveredAfter() == 0 ? "the SLI recovered before step 1"
                    : "the SLI recovered at step " + p.recoveredAfter()) + "; the run is over";
            case SUPERSEDED -> "another runbook was started on " + incidentId + " after this run of " + runbook.id()
                    + "; act on that run";
            case STEPS_DONE -> "all " + runbook.steps().size() + " steps of runbook " + runbook.id()
                    + " were acted on and the SLI has not recovered; escalate or start another runbook";
            case IN_PROGRESS -> "the run of " + runbook.id() + " is in progress";
        });
    }

    private RunbookStep step(int number) {
        return runbook.steps().get(number - 1);
    }

    private StepOutcome outcome(int number) {
        List<StepOutcome> steps = progress().steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).step() == number) {
                return steps.get(i);
            }
        }
        throw new IllegalStateException("step " + number + " of " + runbook.id() + " is not on the timeline of "
                + incidentId);
    }

    private String summary(Progress p, double sli) {
        int after = lastStep(p.steps());
        return "SLI back above the " + SloFormat.objective(recovery.objective()) + " objective (" + SloFormat.sli(sli)
                + ") and held for " + Durations.format(recovery.hold())
                + (after == 0 ? " before any step" : " after step " + after + " of " + runbook.steps().size())
                + " of runbook " + runbook.id();
    }

    private boolean mine(String id, String version) {
        return runbook.id().equals(id) && Objects.equals(runbook.version(), version);
    }

    private Duration windowOf(EventPayload.SliObserved o) {
        try {
            return o.window() == null ? recovery.window() : Durations.parse(o.window());
        } catch (IllegalArgumentException e) {
            return recovery.window();
        }
    }

    private static String requireReason(String doing, RunbookStep step, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException(doing + " step " + step.number() + " (" + step.title() + ") needs a reason");
        }
        return reason.strip();
    }

    private static int lastStep(List<StepOutcome> steps) {
        return steps.stream().mapToInt(StepOutcome::step).max().orElse(0);
    }

    private static void replaceLast(List<StepOutcome> steps, int number,
                                    UnaryOperator<StepOutcome> change) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).step() == number) {
                steps.set(i, change.apply(steps.get(i)));
                return;
            }
        }
    }

    /** The hold rule applied to one reading after another; used by the fold and by {@link #observe}. */
    private static final class Watch {
        private final Recovery recovery;
        private Hold hold;
        private boolean confirmed;

        Watch(Recovery recovery, Hold open) {
            this.recovery = recovery;
            this.hold = open;
        }

        void accept(Instant at, double sli, Duration window) {
            boolean above = sli >= recovery.objective();
            if (hold == null) {
                if (above) {
                    hold = new Hold(at.minus(window), at);
                    confirmed = recovery.hold().isZero();
                }
                return;
            }
            if (Duration.between(hold.openedAt(), at).compareTo(recovery.hold()) >= 0) {
                if (above) {
                    confirmed = true;
                } else {
                    hold = null;
                }
            }
        }
    }
}
