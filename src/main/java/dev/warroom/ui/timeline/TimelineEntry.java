package dev.warroom.ui.timeline;

import dev.warroom.incident.TimelineEvent;
import dev.warroom.postmortem.EventSummaries;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One timeline event as the Timeline panel shows it. Times are UTC clock times because a war room
 * spans time zones and the timeline, the pager and the postmortem must agree on one.
 *
 * @param type          the event's JSON name, e.g. {@code step_acked}, what the filter works on
 * @param time          clock time, UTC, "02:20:00"
 * @param sinceDeclared time since the incident was declared, "+00:20:00"
 * @param summary       the event in words, from {@link EventSummaries}
 */
public record TimelineEntry(long seq, String type, String time, String sinceDeclared, String actor, String summary) {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static TimelineEntry of(TimelineEvent event, Instant declaredAt) {
        return new TimelineEntry(event.seq(), event.type(), CLOCK.format(event.at()), since(declaredAt, event.at()),
                event.actor(), EventSummaries.summarize(event.payload()));
    }

    /** The type in words for chips and the table: "step acked". */
    public String typeLabel() {
        return label(type);
    }

    public boolean isNote() {
        return "note".equals(type);
    }

    static String label(String type) {
        return type.replace('_', ' ');
    }

    /** "+00:07:30"; hours keep counting past a day so a long incident stays readable. */
    static String since(Instant from, Instant at) {
        Duration d = Duration.between(from, at);
        String sign = d.isNegative() ? "-" : "+";
        d = d.abs();
        return String.format(Locale.ROOT, "%s%02d:%02d:%02d", sign, d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
