package dev.warroom.handoff;

import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentState;
import dev.warroom.incident.Severity;
import java.time.Instant;

/** One line of "Open incidents": the incident as it stood at the handoff. */
public record OpenIncident(String id, String title, Severity severity, IncidentState state, boolean pageUnacked,
                           Owner owner, boolean drill, Instant declaredAt) {

    public static OpenIncident of(Incident i) {
        return new OpenIncident(i.id(), i.title(), i.severity(), i.state(), i.paging().awaitingAck(), Owner.of(i),
                i.drill(), i.declaredAt());
    }

    /** "triaged", or "detected, page not acknowledged" while someone is still being paged. */
    public String status() {
        return state.id() + (pageUnacked ? ", page not acknowledged" : "");
    }
}
