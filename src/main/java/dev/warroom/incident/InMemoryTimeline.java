package dev.warroom.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A timeline that lives only in memory: for tests, benchmarks and throwaway drills. */
public final class InMemoryTimeline implements Timeline {
    private final Clock clock;
    private final Map<String, List<TimelineEvent>> events;
    private final Map<String, Incident> incidents;

    public InMemoryTimeline(Clock clock) {
        this(clock, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private InMemoryTimeline(Clock clock, Map<String, List<TimelineEvent>> events, Map<String, Incident> incidents) {
        this.clock = clock;
        this.events = events;
        this.incidents = incidents;
    }

    /** The same incidents, stamped with another clock (a drill's), as a store's timelines are. */
    public InMemoryTimeline on(Clock other) {
        return new InMemoryTimeline(other, events, incidents);
    }

    @Override
    public Incident declare(String actor, EventPayload.IncidentDeclared declared) {
        synchronized (events) {
            String id = IncidentIds.format(incidents.size() + 1);
            TimelineEvent first = new TimelineEvent(id, 1, now(), actor, declared);
            Incident incident = Incident.apply(null, first);
            events.put(id, new ArrayList<>(List.of(first)));
            incidents.put(id, incident);
            return incident;
        }
    }

    @Override
    public TimelineEvent record(String incidentId, String actor, EventPayload payload) {
        synchronized (events) {
            return recordAll(incidentId, actor, List.of(payload)).get(0);
        }
    }

    @Override
    public List<TimelineEvent> recordAll(String incidentId, String actor, List<? extends EventPayload> payloads) {
        synchronized (events) {
            Incident incident = require(incidentId);
            Instant at = now();
            List<TimelineEvent> added = new ArrayList<>();
            for (EventPayload payload : payloads) {
                TimelineEvent event = new TimelineEvent(incidentId, incident.lastSeq() + 1, at, actor, payload);
                incident = incident.apply(event);
                added.add(event);
            }
            events.get(incidentId).addAll(added);
            incidents.put(incidentId, incident);
            return added;
        }
    }

    @Override
    public List<TimelineEvent> events(String incidentId) {
        synchronized (events) {
            return List.copyOf(events.getOrDefault(incidentId, List.of()));
        }
    }

    @Override
    public Optional<Incident> incident(String incidentId) {
        synchronized (events) {
            return Optional.ofNullable(incidents.get(incidentId));
        }
    }

    @Override
    public List<Incident> incidents() {
        synchronized (events) {
            return incidents.values().stream().sorted(Comparator.comparing(Incident::declaredAt).reversed()
                    .thenComparing(Incident::id, Comparator.reverseOrder())).toList();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
