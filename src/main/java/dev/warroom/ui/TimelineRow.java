package dev.warroom.ui;

import dev.warroom.postmortem.EventSummaries;

import dev.warroom.incident.TimelineEvent;
import java.time.Instant;

/**
 * One timeline event as the board shows it.
 *
 * @param time          clock time, UTC, "12:08:30"
 * @param sinceDeclared time since the incident was declared, "+00:07:30"
 * @param summary       one readable line, from {@link EventSummaries}
 */
public record TimelineRow(long seq, String time, String sinceDeclared, String actor, String type, String summary) {

    static TimelineRow of(TimelineEvent event, Instant declaredAt) {
        return new TimelineRow(event.seq(), UiFormats.clock(event.at()), UiFormats.sinceStart(declaredAt, event.at()),
                event.actor(), event.type(), EventSummaries.summarize(event.payload()));
    }
}
