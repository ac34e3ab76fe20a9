package dev.warroom.incident;

import java.time.Instant;

/**
 * Where an incident's page stands on the escalation ladder, derived from its paged / escalated /
 * acknowledged events.
 *
 * @param level        the ladder level paged last ("L2"), null before any page
 * @param cycle        which pass over the ladder, from 1
 * @param lastPagedAt  when that level was paged; its deadline counts from here
 */
public record PageState(Status status, String level, String target, int cycle, Instant firstPagedAt,
                        Instant lastPagedAt, String ackedBy, Instant ackedAt, int escalations) {

    public enum Status {
        /** Never paged (or a Sev-3 with a ticket). */
        NONE,
        /** Paged and waiting for an ack; the ladder climbs at the deadline. */
        PAGING,
        /** Every level and repeat paged, still no ack. */
        EXHAUSTED,
        ACKED
    }

    public static final PageState NONE = new PageState(Status.NONE, null, null, 0, null, null, null, null, 0);

    public boolean awaitingAck() {
        return status == Status.PAGING || status == Status.EXHAUSTED;
    }
}
