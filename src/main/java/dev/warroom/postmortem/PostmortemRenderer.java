package dev.warroom.postmortem;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.SeverityTarget;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders an incident's timeline as a blameless postmortem draft in Markdown. Everything in it is
 * derived from the events; the sections a person must write are marked as such.
 */
public final class PostmortemRenderer {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final SeverityPolicy severities;

    public PostmortemRenderer(SeverityPolicy severities) {
        this.severities = severities;
    }

    public String render(Incident incident, List<TimelineEvent> events) {
        StringBuilder md = new StringBuilder();
        SeverityTarget target = severities.target(incident.severity());
        Instant end = incident.resolvedAt() != null ? incident.resolvedAt() : events.get(events.size() - 1).at();
        md.append("# Postmortem: ").append(incident.id()).append(' ').append(incident.title())
                .append(incident.drill() ? " (DRILL)" : "").append("\n\n");
        md.append("Blameless: this document describes what the system and the process did, not who is at fault.\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Severity", incident.severity().label());
        row(md, "Status", incident.state().id());
        row(md, "Service", nullToDash(incident.service()));
        row(md, "SLO", nullToDash(incident.slo()));
        row(md, "Start", UTC.format(incident.declaredAt()));
        row(md, "End", incident.resolvedAt() == null ? "not resolved" : UTC.format(incident.resolvedAt()));
        row(md, "Duration", Durations.format(Duration.between(incident.declaredAt(), end)));
        incident.timeToAck().ifPresent(d -> row(md, "Time to ack", Durations.format(d)
                + target.ackTarget(incident.declaredAt(), severities.businessHours())
                .map(t -> " (target " + Durations.format(t) + ": " + (d.compareTo(t) <= 0 ? "met" : "missed") + ")")
                .orElse("")));
        incident.timeToMitigate().ifPresent(d -> row(md, "Time to mitigate", Durations.format(d)));
        if (incident.resolvedAt() != null) {
            target.postmortemDue(incident.resolvedAt(), severities.businessHours())
                    .ifPresent(due -> row(md, "Postmortem due", UTC.format(due)));
        }
        md.append('\n');

        md.append("## Impact\n\n");
        events.stream().map(TimelineEvent::payload).filter(EventPayload.AlertFired.class::isInstance)
                .map(EventPayload.AlertFired.class::cast).findFirst().ifPresent(a -> md.append("- Detected by alert `")
                        .append(a.alert()).append("`: ").append(a.explanation()).append('\n'));
        double lowest = events.stream().map(TimelineEvent::payload).filter(EventPayload.SliObserved.class::isInstance)
                .mapToDouble(p -> ((EventPayload.SliObserved) p).sli()).min().orElse(Double.NaN);
        if (!Double.isNaN(lowest)) {
            md.append(String.format(Locale.ROOT, "- Lowest SLI observed: %.2f%%%n", lowest * 100));
        }
        md.append('\n');

        md.append("## Timeline (UTC)\n\n| Time | Since start | Actor | Event |\n|---|---|---|---|\n");
        for (TimelineEvent e : events) {
            md.append("| ").append(CLOCK.format(e.at())).append(" | +")
                    .append(Durations.format(Duration.between(incident.declaredAt(), e.at())))
                    .append(" | ").append(e.actor()).append(" | ").append(e.type()).append(": ")
                    .append(EventSummaries.summarize(e.payload()).replace("|", "\\|")).append(" |\n");
        }
        md.append('\n');

        md.append("## Root cause\n\n").append(incident.rootCause() == null ? "_To be written._" : incident.rootCause())
                .append("\n\n");
        md.append("## What went well\n\n_To be written._\n\n## What went poorly\n\n_To be written._\n\n");
        md.append("## Where we got lucky\n\n_To be written._\n\n");
        md.append("## Action items\n\n| Action | Owner | Due | Priority |\n|---|---|---|---|\n| | | | |\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }
}
