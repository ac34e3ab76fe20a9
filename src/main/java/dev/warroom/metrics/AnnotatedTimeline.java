package dev.warroom.metrics;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A timeline that also marks an incident's milestones (declared, paged, mitigated, resolved) on the
 * Grafana dashboards, so whoever looks at a graph sees where the incident started and ended. The
 * milestone is handed over only after the event is recorded, and handing it over never blocks or
 * fails the recording: {@link GrafanaAnnotations#post} queues and retries on its own thread.
 */
public final class AnnotatedTimeline implements Timeline {
    private final Timeline timeline;
    private final Consumer<GrafanaAnnotations.Milestone> annotations;

    /** @param annotations usually {@code grafanaAnnotations::post} */
    public AnnotatedTimeline(Timeline timeline, Consumer<GrafanaAnnotations.Milestone> annotations) {
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.annotations = Objects.requireNonNull(annotations, "annotations");
    }

    @Override
    public Incident declare(String actor, EventPayload.IncidentDeclared declared) {
        Incident incident = timeline.declare(actor, declared);
        post(new GrafanaAnnotations.Milestone(incident.id(), declared.severity().id(), "declared",
                incident.declaredAt(), incident.id() + " declared: " + declared.title()
                        + (declared.drill() ? " [DRILL]" : "")));
        return incident;
    }

    @Override
    public TimelineEvent record(String incidentId, String actor, EventPayload payload) {
        TimelineEvent event = timeline.record(incidentId, actor, payload);
        milestone(event);
        return event;
    }

    @Override
    public List<TimelineEvent> recordAll(String incidentId, String actor, List<? extends EventPayload> payloads) {
        List<TimelineEvent> events = timeline.recordAll(incidentId, actor, payloads);
        events.forEach(this::milestone);
        return events;
    }

    @Override
    public List<TimelineEvent> events(String incidentId) {
        return timeline.events(incidentId);
    }

    @Override
    public Optional<Incident> incident(String incidentId) {
        return timeline.incident(incidentId);
    }

    @Override
    public List<Incident> incidents() {
        return timeline.incidents();
    }

    /** The milestone an event marks, if it marks one. */
    static Optional<String[]> milestoneOf(EventPayload payload) {
        if (payload instanceof EventPayload.Paged p) {
            return Optional.of(new String[] {"paged", "paged " + p.level() + " " + p.target()});
        } else if (payload instanceof EventPayload.Mitigated m) {
            return Optional.of(new String[] {"mitigated", "mitigated: " + m.summary()});
        } else if (payload instanceof EventPayload.Resolved r) {
            return Optional.of(new String[] {"resolved", "resolved: " + r.summary()});
        }
        return Optional.empty();
    }

    private void milestone(TimelineEvent event) {
        milestoneOf(event.payload()).ifPresent(m -> {
            String severity = timeline.incident(event.incidentId()).map(i -> i.severity().id()).orElse("unknown");
            post(new GrafanaAnnotations.Milestone(event.incidentId(), severity, m[0], event.at(),
                    event.incidentId() + " " + m[1]));
        });
    }

    private void post(GrafanaAnnotations.Milestone milestone) {
        try {
            annotations.accept(milestone);
        } catch (RuntimeException e) {
            // the incident is recorded; a dashboard mark that cannot be queued is not worth failing it for
        }
    }
}
