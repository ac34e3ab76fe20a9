package dev.warroom.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a severity promises: how fast someone acks, whether it pages at all, how often the status is
 * updated and when the postmortem is due.
 *
 * @param ackBusinessHours  ack target inside business hours (the 24/7 target when equal to overnight)
 * @param ackOvernight      ack target outside business hours
 * @param ackNextBusinessDay true for tickets: acked by the start of the next business day
 * @param ackPercentile     the percentile the ack target is measured at, e.g. 95
 * @param pages             false for Sev-3: a ticket, never a page
 * @param pageWholeLadder   Sev-0: every level, up to the top, is paged at once
 * @param statusUpdateEvery null when no regular status update is expected
 * @param postmortemWithin  postmortem due this long after resolution (null if by business days or none)
 * @param postmortemBusinessDays postmortem due this many business days after resolution (0 if not used)
 * @param goodLooksLike   the marks a well-run incident of this severity hits, null where none are set
 */
public record SeverityTarget(Severity severity, Duration ackBusinessHours, Duration ackOvernight,
                             boolean ackNextBusinessDay, int ackPercentile, boolean pages, boolean pageWholeLadder,
                             Duration statusUpdateEvery, Duration postmortemWithin, int postmortemBusinessDays,
                             GoodLooksLike goodLooksLike) {

    /**
     * "What good looks like": ack, first status-page update and resolution within these, counted
     * from declaration. Stricter than the targets, they are what drills are scored against.
     */
    public record GoodLooksLike(Duration ack, Duration statusPage, Duration resolve) {
    }

    public boolean postmortemRequired() {
        return postmortemWithin != null || postmortemBusinessDays > 0;
    }

    /** When the first ack is due for an incident declared at {@code declaredAt}. */
    public Instant ackDeadline(Instant declaredAt, BusinessHours hours) {
        if (ackNextBusinessDay) {
            return hours.nextBusinessDayStart(declaredAt);
        }
        return declaredAt.plus(hours.contains(declaredAt) ? ackBusinessHours : ackOvernight);
    }

    /** The ack target that applies at {@code declaredAt}; empty for next-business-day tickets. */
    public Optional<Duration> ackTarget(Instant declaredAt, BusinessHours hours) {
        if (ackNextBusinessDay) {
            return Optional.empty();
        }
        return Optional.of(hours.contains(declaredAt) ? ackBusinessHours : ackOvernight);
    }

    public Optional<Instant> postmortemDue(Instant resolvedAt, BusinessHours hours) {
        if (postmortemWithin != null) {
            return Optional.of(resolvedAt.plus(postmortemWithin));
        }
        if (postmortemBusinessDays > 0) {
            return Optional.of(hours.plusBusinessDays(resolvedAt, postmortemBusinessDays));
        }
        return Optional.empty();
    }
}
