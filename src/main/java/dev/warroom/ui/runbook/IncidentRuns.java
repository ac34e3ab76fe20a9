package dev.warroom.ui.runbook;

import dev.warroom.drill.LiveDrill;
import dev.warroom.drill.Scenario;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.runbook.Runbook;
import dev.warroom.runbook.RunbookRun;
import dev.warroom.runbook.RunbookStep;
import dev.warroom.runbook.StepRefusedException;
import dev.warroom.runbook.Verifier;
import dev.warroom.runbook.VerifyCheck;
import dev.warroom.ui.console.ConsoleServices;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the runbook run of an incident lives, for the Triage and Runbook panels: the drill's own
 * run when the incident is the drill being played (its actions go through {@link LiveDrill}, which
 * applies mitigations to the mock), otherwise a live run picked up from the timeline with
 * {@link RunbookRun#resume}.
 *
 * <p>Threading: every method reads the store or takes the drill's monitor, so call them from the
 * console's background executor, never from the FX thread.
 */
public final class IncidentRuns {
    /** Why a live run's checks have no numbers: said on the timeline with every unverified step. */
    public static final String NO_METRICS = "no metrics source is connected to the console; check it by hand";
    /** Assumed only when nothing on the timeline or in the scenarios names the SLO's objective. */
    static final double FALLBACK_OBJECTIVE = 0.999;

    private final ConsoleServices services;
    private Clock drillClock;
    private Timeline drillTimeline;

    public IncidentRuns(ConsoleServices services) {
        this.services = services;
    }

    /**
     * An incident as the runbook panels see it.
     *
     * @param drill    the drill playing this incident, or null for a live incident
     * @param timeline where to record: the drill's (stamped with drill time) or the live one
     * @param clock    the incident's clock
     * @param run      the latest run on it, if one was started and can be picked up
     * @param problem  why a started run cannot be picked up (runbook gone or changed), else null
     * @param objectiveKnown false when {@link #FALLBACK_OBJECTIVE} stands in for the SLO's objective
     */
    public record Context(Incident incident, LiveDrill drill, Timeline timeline, Clock clock, RunbookRun run,
                          String problem, boolean objectiveKnown) {

        public String incidentId() {
            return incident.id();
        }

        public Optional<RunbookRun> runOpt() {
            return Optional.ofNullable(run);
        }

        /** The alert names fired on the incident, oldest first, without repeats. */
        public List<String> firedAlerts() {
            return timeline.events(incident.id()).stream().map(TimelineEvent::payload)
                    .filter(EventPayload.AlertFired.class::isInstance).map(p -> ((EventPayload.AlertFired) p).alert())
                    .filter(a -> a != null && !a.isBlank()).distinct().toList();
        }
    }

    /**
     * Reads the incident and its run.
     *
     * @param activeDrill the console's drill (read on the FX thread by the caller), or null
     * @throws IllegalArgumentException when there is no such incident
     */
    public synchronized Context load(LiveDrill activeDrill, String incidentId) {
        LiveDrill drill = activeDrill != null && activeDrill.incidentId().map(incidentId::equals).orElse(false)
                ? activeDrill : null;
        Timeline timeline = drill == null ? services.timeline() : drillTimeline(drill.clock());
        Clock clock = drill == null ? services.wall() : drill.clock();
        Incident incident = timeline.require(incidentId);
        if (drill != null) {
            return new Context(incident, drill, timeline, clock, drill.runbookRun().orElse(null), null, true);
        }
        Recovery recovery = recovery(timeline, incident);
        if (incident.runbook() == null) {
            return new Context(incident, null, timeline, clock, null, null, recovery.known());
        }
        Optional<Runbook> runbook = services.runbooks().byId(incident.runbook());
        if (runbook.isEmpty()) {
            return new Context(incident, null, timeline, clock, null, incidentId + " runs runbook " + incident.runbook()
                    + ", which is not in the library any more", recovery.known());
        }
        try {
            RunbookRun run = RunbookRun.resume(timeline, incidentId, runbook.get(), recovery.recovery(),
                    new NoMetricsVerifier(), clock);
            return new Context(incident, null, timeline, clock, run, null, recovery.known());
        } catch (StepRefusedException e) {
            return new Context(incident, null, timeline, clock, null, e.getMessage(), recovery.known());
        }
    }

    /**
     * Starts {@code runbookId} on the context's incident: through the drill when it plays the
     * incident, else as a live run whose checks honestly report no data.
     */
    public RunbookRun start(Context context, String runbookId, String actor) {
        if (context.drill() != null) {
            return context.drill().startRunbook(runbookId, actor);
        }
        Runbook runbook = services.runbooks().byId(runbookId).orElseThrow(() -> new IllegalArgumentException(
                "no runbook '" + runbookId + "' in the library"));
        return RunbookRun.start(context.timeline(), context.incidentId(), runbook, actor,
                services.runbooks().commitOf(runbook).orElse(null), recovery(context.timeline(), context.incident())
                        .recovery(), new NoMetricsVerifier(), context.clock());
    }

    private Timeline drillTimeline(Clock clock) {
        if (clock != drillClock) {
            drillClock = clock;
            drillTimeline = services.timelineOn().apply(clock);
        }
        return drillTimeline;
    }

    private record Recovery(RunbookRun.Recovery recovery, boolean known) {
    }

    /**
     * The SLO's objective from the last {@code sli_observed} on the incident, else from a bundled
     * scenario over the same SLO; the recovery hold and window are the defaults.
     */
    private Recovery recovery(Timeline timeline, Incident incident) {
        String slo = incident.slo() == null || incident.slo().isBlank() ? incident.service() : incident.slo();
        if (slo == null || slo.isBlank()) {
            slo = incident.id();
        }
        Double objective = null;
        for (TimelineEvent e : timeline.events(incident.id())) {
            if (e.payload() instanceof EventPayload.SliObserved o && slo.equals(o.slo()) && o.objective() > 0
                    && o.objective() < 1) {
                objective = o.objective();
            }
        }
        if (objective == null) {
            for (Scenario s : services.scenarios().all()) {
                if (s.slo().name().equals(slo)) {
                    objective = s.slo().objective();
                    break;
                }
            }
        }
        boolean known = objective != null;
        return new Recovery(new RunbookRun.Recovery(slo, known ? objective : FALLBACK_OBJECTIVE,
                RunbookRun.Recovery.DEFAULT_HOLD, RunbookRun.Recovery.DEFAULT_WINDOW), known);
    }

    /**
     * The console has no metrics source yet: every check and SLI reading is "no data" with the reason,
     * so a live step is never shown as verified without a measurement.
     */
    static final class NoMetricsVerifier implements Verifier {
        @Override
        public Reading check(RunbookStep step, VerifyCheck check) {
            return Reading.noData(RunbookRun.Recovery.DEFAULT_WINDOW, NO_METRICS);
        }

        @Override
        public Reading sli(Duration window) {
            return Reading.noData(window, NO_METRICS);
        }
    }
}
