package dev.warroom.handoff;

import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.SeverityPolicy;
import java.time.Duration;
import java.time.Instant;

/** One line of "Recently resolved": when it ended and where its postmortem stands. */
public record ResolvedIncident(String id, String title, Severity severity, boolean drill, Instant declaredAt,
                               Instant resolvedAt, PostmortemStatus postmortem) {

    public static ResolvedIncident of(Incident i, SeverityPolicy policy, Instant asOf) {
        return new ResolvedIncident(i.id(), i.title(), i.severity(), i.drill(), i.declaredAt(), i.resolvedAt(),
                PostmortemStatus.of(i, policy, asOf));
    }

    public Duration timeToResolve() {
        return Duration.between(declaredAt, resolvedAt);
    }
}
