package dev.warroom.incident;

import java.util.List;
import java.util.Optional;

/**
 * The append-only record of every incident. {@link #record} checks the event against the folded
 * incident first, so an illegal transition is refused and nothing is written; once it returns, the
 * event is durable (for the store: committed to disk).
 *
 * <p>Implementations are safe to call from several threads.
 */
public interface Timeline {

    /** Opens a new incident with the next free id (INC-0001, INC-0002, ...). */
    Incident declare(String actor, EventPayload.IncidentDeclared declared);

    /** Appends one event, stamped with the timeline's clock. */
    TimelineEvent record(String incidentId, String actor, EventPayload payload);

    /** Appends several events to one incident in one durable step. */
    List<TimelineEvent> recordAll(String incidentId, String actor, List<? extends EventPayload> payloads);

    /** Every event of the incident, in sequence order; empty if unknown. */
    List<TimelineEvent> events(String incidentId);

    Optional<Incident> incident(String incidentId);

    /** Every incident, newest first. */
    List<Incident> incidents();

    default List<Incident> openIncidents() {
        return incidents().stream().filter(Incident::isOpen).toList();
    }

    /** The incident, or an error naming the id that does not exist. */
    default Incident require(String incidentId) {
        return incident(incidentId).orElseThrow(() -> new IllegalArgumentException("no incident " + incidentId));
    }
}
