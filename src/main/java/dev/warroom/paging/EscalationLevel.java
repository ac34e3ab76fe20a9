package dev.warroom.paging;

import java.time.Duration;

/**
 * One rung of the ladder.
 *
 * @param name    "L1"
 * @param role    "primary", "secondary", "manager"
 * @param person  who carries the pager at this level
 * @param contact where the page goes (a PagerDuty user, a phone, an email)
 * @param delay   how long a page at this level waits for an ack before it climbs
 */
public record EscalationLevel(String name, String role, String person, String contact, Duration delay) {
    public EscalationLevel {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an escalation level needs a name (L1, L2, ...)");
        }
        if (person == null || person.isBlank()) {
            throw new IllegalArgumentException("escalation level " + name + " needs a person");
        }
        if (delay == null || delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("escalation level " + name + " needs a positive delay");
        }
    }

    /** "L2 li (secondary)". */
    public String describe() {
        return name + " " + person + (role == null || role.isBlank() ? "" : " (" + role + ")");
    }
}
