package dev.warroom.metrics;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an Alertmanager notification does to the timeline, one alert at a time, keyed by the alert's
 * fingerprint:
 *
 * <ul>
 *   <li><b>firing</b>, and no open incident holds the fingerprint: declares an incident (title from
 *       the {@code summary} or {@code title} annotation, else the alert name; severity from
 *       {@link AlertSeverity}; service from the label {@code service}, {@code sloth_service} or
 *       {@code job}; SLO from {@code sloth_slo} or {@code slo}) and records an {@code alert_fired}
 *       with the fingerprint and the {@code runbook_url} annotation, plus a note when the severity
 *       was a guess.</li>
 *   <li><b>firing</b>, and an open incident holds it and the alert is still firing there: records
 *       nothing. Alertmanager repeats a firing group every {@code group_interval} and
 *       {@code repeat_interval}; a note per repeat would bury the timeline people read.</li>
 *   <li><b>firing</b> again after an {@code alert_resolved} on the open incident that holds it:
 *       records a new {@code alert_fired} there (the alert came back) rather than a second incident.</li>
 *   <li><b>resolved</b>: records {@code alert_resolved} on the incident whose alert it was. The
 *       incident itself is not resolved: people decide that. A resolved alert Warroom never saw fire
 *       (it was down, or the alert predates it) records nothing.</li>
 * </ul>
 *
 * <p>Every step is idempotent, so Alertmanager may retry a notification after a 5xx as often as it
 * likes: what the first attempt committed is recognised and not written again. Declaring an
 * incident and recording its alert are two commits; if the second fails, the retry finds the bare
 * declaration (declared by {@link #ACTOR}, nothing after it, the same declaration this alert
 * makes) and completes it instead of declaring again.
 *
 * <p>Thread-safe: notifications are applied one at a time, so two deliveries of one alert cannot
 * both declare. Calls block on the store and never run on the FX thread.
 */
public final class WebhookIntake {
    /** The actor of every event the webhook records. */
    public static final String ACTOR = "alertmanager";
    /**
     * How far the store's clock and Alertmanager's may disagree: a resolved alert is looked for only
     * on incidents touched since its start, less this, so a busy store is not read whole each time.
     */
    static final Duration CLOCK_SKEW = Duration.ofHours(1);

    private final Timeline timeline;

    public WebhookIntake(Timeline timeline) {
        this.timeline = timeline;
    }

    /** What one alert of a notification did. */
    public enum Action {
        /** A new incident was declared for the alert. */
        DECLARED,
        /** A declaration left without its alert by a failed attempt was completed. */
        COMPLETED,
        /** An open incident already held the firing alert; nothing was written. */
        ALREADY_OPEN,
        /** The alert fired again on the open incident that held it. */
        FIRED_AGAIN,
        /** {@code alert_resolved} was recorded. */
        RESOLVED,
        /** The incident already had this alert resolved; nothing was written. */
        ALREADY_RESOLVED,
        /** A resolved alert no incident holds; nothing was written. */
        UNKNOWN_ALERT
    }

    /** The outcome for one alert: the incident it concerns (null for {@link Action#UNKNOWN_ALERT}). */
    public record Outcome(String fingerprint, String alert, Action action, String incidentId) {
    }

    /**
     * Applies every alert of the notification, in order. When it returns, everything it wrote is
     * committed.
     *
     * @throws RuntimeException from the store (typically {@code StoreException}): alerts before the
     *                          failing one are committed, the rest are not; applying the same
     *                          notification again completes it without duplicates
     */
    public synchronized List<Outcome> accept(WebhookNotification notification) {
        List<Outcome> outcomes = new ArrayList<>();
        for (WebhookNotification.Alert alert : notification.alerts()) {
            outcomes.add(alert.firing() ? fired(alert) : resolved(alert));
        }
        return List.copyOf(outcomes);
    }

    private Outcome fired(WebhookNotification.Alert alert) {
        for (Incident incident : timeline.openIncidents()) {
            AlertState state = stateOf(alert.fingerprint(), timeline.events(incident.id()));
            if (state == AlertState.FIRING) {
                return new Outcome(alert.fingerprint(), alert.name(), Action.ALREADY_OPEN, incident.id());
            }
            if (state == AlertState.QUIET) {
                timeline.record(incident.id(), ACTOR, alertFired(alert, AlertSeverity.of(alert.labels())));
                return new Outcome(alert.fingerprint(), alert.name(), Action.FIRED_AGAIN, incident.id());
            }
        }
        AlertSeverity severity = AlertSeverity.of(alert.labels());
        EventPayload.IncidentDeclared declaration = declaration(alert, severity);
        List<EventPayload> follow = new ArrayList<>();
        follow.add(alertFired(alert, severity));
        if (severity.guessed()) {
            follow.add(new EventPayload.Note(severity.note()));
        }
        String interrupted = interruptedDeclaration(declaration);
        if (interrupted != null) {
            timeline.recordAll(interrupted, ACTOR, follow);
            return new Outcome(alert.fingerprint(), alert.name(), Action.COMPLETED, interrupted);
        }
        String id = timeline.declare(ACTOR, declaration).id();
        timeline.recordAll(id, ACTOR, follow);
        return new Outcome(alert.fingerprint(), alert.name(), Action.DECLARED, id);
    }

    private Outcome resolved(WebhookNotification.Alert alert) {
        Instant since = alert.startsAt() == null ? null : alert.startsAt().minus(CLOCK_SKEW);
        List<Incident> candidates = timeline.incidents().stream()
                .filter(i -> i.isOpen() || since == null || !i.lastEventAt().isBefore(since))
                .sorted(Comparator.comparing(Incident::isOpen).reversed())
                .toList();
        String quietOn = null;
        for (Incident incident : candidates) {
            AlertState state = stateOf(alert.fingerprint(), timeline.events(incident.id()));
            if (state == AlertState.FIRING) {
                timeline.record(incident.id(), ACTOR, new EventPayload.AlertResolved(alert.name(),
                        alert.fingerprint(), alert.endsAt() == null ? null : alert.endsAt().toString()));
                return new Outcome(alert.fingerprint(), alert.name(), Action.RESOLVED, incident.id());
            }
            if (state == AlertState.QUIET && quietOn == null) {
                quietOn = incident.id();
            }
        }
        return quietOn != null
                ? new Outcome(alert.fingerprint(), alert.name(), Action.ALREADY_RESOLVED, quietOn)
                : new Outcome(alert.fingerprint(), alert.name(), Action.UNKNOWN_ALERT, null);
    }

    /** An open incident this webhook declared whose alert was never recorded, declared exactly so; else null. */
    private String interruptedDeclaration(EventPayload.IncidentDeclared declaration) {
        for (Incident incident : timeline.openIncidents()) {
            if (incident.lastSeq() != 1) {
                continue;
            }
            List<TimelineEvent> events = timeline.events(incident.id());
            if (events.size() == 1 && ACTOR.equals(events.get(0).actor())
                    && declaration.equals(events.get(0).payload())) {
                return incident.id();
            }
        }
        return null;
    }

    static EventPayload.IncidentDeclared declaration(WebhookNotification.Alert alert, AlertSeverity severity) {
        String title = alert.annotation("summary", "title");
        if (title == null) {
            title = alert.name() != null && !alert.name().isBlank() ? alert.name().strip()
                    : "Alertmanager alert " + alert.fingerprint();
        }
        // job names a scrape config, often several services; it is the last resort
        String service = alert.label("service", "sloth_service", "job");
        String slo = alert.label("sloth_slo", "slo");
        return new EventPayload.IncidentDeclared(title, severity.severity(), service, slo, false, null,
                alert.annotation("description"));
    }

    static EventPayload.AlertFired alertFired(WebhookNotification.Alert alert, AlertSeverity severity) {
        Severity s = severity.severity();
        // the same split the severity policy makes: Sev-3 is a ticket for working hours, the rest page
        String action = s == Severity.SEV3 ? "ticket" : "page";
        return new EventPayload.AlertFired(alert.name(), alert.label("sloth_slo", "slo"), s, action, null, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, alert.annotation("description"), alert.fingerprint(),
                alert.annotation("runbook_url"));
    }

    private enum AlertState { NONE, FIRING, QUIET }

    /** Whether the incident's timeline last saw the alert fire, go quiet, or never saw it. */
    private static AlertState stateOf(String fingerprint, List<TimelineEvent> events) {
        AlertState state = AlertState.NONE;
        for (TimelineEvent e : events) {
            if (e.payload() instanceof EventPayload.AlertFired a && fingerprint.equals(a.fingerprint())) {
                state = AlertState.FIRING;
            } else if (e.payload() instanceof EventPayload.AlertResolved r && fingerprint.equals(r.fingerprint())) {
                state = AlertState.QUIET;
            }
        }
        return state;
    }
}
