package dev.warroom.paging;

import dev.warroom.incident.Severity;

/**
 * One notification to one person.
 *
 * @param key de-duplication key: the same incident and level always produce the same key, so a
 *            retried send does not wake someone twice
 */
public record Page(String key, String incidentId, Severity severity, String level, String person, String contact,
                   String summary, boolean drill) {
}
