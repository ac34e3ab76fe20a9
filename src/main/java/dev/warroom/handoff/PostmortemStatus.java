package dev.warroom.handoff;

import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentState;
import dev.warroom.incident.SeverityPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a resolved incident's postmortem stands at a given moment.
 *
 * @param due when it is (or was) due; null when published or not required
 */
public record PostmortemStatus(Kind kind, Instant due) {

    public enum Kind { PUBLISHED, DUE, OVERDUE, NOT_REQUIRED }

    public PostmortemStatus {
        if ((kind == Kind.DUE || kind == Kind.OVERDUE) != (due != null)) {
            throw new IllegalArgumentException("a due date belongs to DUE and OVERDUE only, not " + kind);
        }
    }

    /**
     * The status of {@code incident}'s postmortem at {@code asOf}. Publishing is what closes an
     * incident, so a closed incident has one; the due date follows its severity at resolution.
     */
    public static PostmortemStatus of(Incident incident, SeverityPolicy policy, Instant asOf) {
        if (incident.state() == IncidentState.CLOSED) {
            return new PostmortemStatus(Kind.PUBLISHED, null);
        }
        if (incident.resolvedAt() == null) {
            throw new IllegalArgumentException(incident.id() + " is not resolved; its postmortem is not due yet");
        }
        Optional<Instant> due = policy.target(incident.severity()).postmortemDue(incident.resolvedAt(),
                policy.businessHours());
        if (due.isEmpty()) {
            return new PostmortemStatus(Kind.NOT_REQUIRED, null);
        }
        return new PostmortemStatus(due.get().isAfter(asOf) ? Kind.DUE : Kind.OVERDUE, due.get());
    }

    /** "postmortem due 2026-11-17 03:12 UTC", "postmortem overdue (was due ...)", ... */
    public String text() {
        return switch (kind) {
            case PUBLISHED -> "postmortem published";
            case DUE -> "postmortem due " + HandoffMarkdown.time(due);
            case OVERDUE -> "postmortem overdue (was due " + HandoffMarkdown.time(due) + ")";
            case NOT_REQUIRED -> "postmortem not required";
        };
    }
}
