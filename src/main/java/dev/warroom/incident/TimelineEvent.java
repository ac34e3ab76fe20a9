package dev.warroom.incident;

import java.time.Instant;

/**
 * One entry of an incident's append-only timeline: who did what, when, in which order.
 *
 * @param seq   1-based position in the incident's timeline, without gaps
 * @param at    from the injected clock, millisecond precision (what the store keeps)
 * @param actor a person, or a component such as {@code warroom/slo-policy}
 */
public record TimelineEvent(String incidentId, long seq, Instant at, String actor, EventPayload payload) {

    public TimelineEvent {
        if (incidentId == null || incidentId.isBlank()) {
            throw new IllegalArgumentException("event without incident id");
        }
        if (seq < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1, got " + seq);
        }
        if (at == null || actor == null || actor.isBlank() || payload == null) {
            throw new IllegalArgumentException("event " + incidentId + "#" + seq + " needs a time, an actor and a payload");
        }
    }

    public String type() {
        return payload.type();
    }
}
