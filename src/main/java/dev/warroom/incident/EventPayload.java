package dev.warroom.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happened, one sealed type per kind of timeline event. The JSON name of each type (the
 * {@code type} field of an exported event) is its {@link JsonTypeName}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(EventPayload.IncidentDeclared.class),
        @JsonSubTypes.Type(EventPayload.AlertFired.class),
        @JsonSubTypes.Type(EventPayload.AlertResolved.class),
        @JsonSubTypes.Type(EventPayload.SeverityChanged.class),
        @JsonSubTypes.Type(EventPayload.Paged.class),
        @JsonSubTypes.Type(EventPayload.Escalated.class),
        @JsonSubTypes.Type(EventPayload.EscalationExhausted.class),
        @JsonSubTypes.Type(EventPayload.Acknowledged.class),
        @JsonSubTypes.Type(EventPayload.TicketOpened.class),
        @JsonSubTypes.Type(EventPayload.RoleAssigned.class),
        @JsonSubTypes.Type(EventPayload.SymptomNamed.class),
        @JsonSubTypes.Type(EventPayload.RunbookStarted.class),
        @JsonSubTypes.Type(EventPayload.StepAcked.class),
        @JsonSubTypes.Type(EventPayload.StepSkipped.class),
        @JsonSubTypes.Type(EventPayload.StepFailed.class),
        @JsonSubTypes.Type(EventPayload.StepVerified.class),
        @JsonSubTypes.Type(EventPayload.MitigationApplied.class),
        @JsonSubTypes.Type(EventPayload.SliObserved.class),
        @JsonSubTypes.Type(EventPayload.Mitigated.class),
        @JsonSubTypes.Type(EventPayload.StatusUpdatePosted.class),
        @JsonSubTypes.Type(EventPayload.Note.class),
        @JsonSubTypes.Type(EventPayload.Resolved.class),
        @JsonSubTypes.Type(EventPayload.PostmortemPublished.class)
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface EventPayload {

    /** The event's JSON name, e.g. {@code step_acked}. */
    @JsonIgnore
    default String type() {
        return typeName(getClass());
    }

    static String typeName(Class<? extends EventPayload> type) {
        return Names.BY_CLASS.computeIfAbsent(type, t -> {
            JsonTypeName name = t.getAnnotation(JsonTypeName.class);
            if (name == null) {
                throw new IllegalStateException(t + " has no @JsonTypeName");
            }
            return name.value();
        });
    }

    /**
     * Opens the incident. {@code drill} marks practice runs so no one mistakes them for production;
     * a drill also names its {@code scenario} and the {@code seed} that replays it (null otherwise).
     */
    @JsonTypeName("incident_declared")
    record IncidentDeclared(String title, Severity severity, String service, String slo, boolean drill,
                            String scenario, String summary, Long seed) implements EventPayload {
        /** An incident that is not a seeded drill. */
        public IncidentDeclared(String title, Severity severity, String service, String slo, boolean drill,
                                String scenario, String summary) {
            this(title, severity, service, slo, drill, scenario, summary, null);
        }

        public IncidentDeclared {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("an incident needs a title");
            }
            if (severity == null) {
                throw new IllegalArgumentException("an incident needs a severity");
            }
        }
    }

    /**
     * A burn-rate alert fired for an SLO: Warroom's own policy (burns and budget filled in) or an
     * Alertmanager notification (burns NaN: the webhook carries labels, not numbers).
     *
     * @param fingerprint Alertmanager's hex fingerprint of the alert's label set, the key that ties a
     *                    later {@link AlertResolved} and repeated notifications to this incident; null
     *                    when Warroom's own policy fired
     * @param runbookUrl  the alert's {@code runbook_url} annotation, which triage ranks first; null if none
     */
    @JsonTypeName("alert_fired")
    record AlertFired(String alert, String slo, Severity severity, String action, String window, double longBurn,
                      double shortBurn, double factor, double budgetRemaining, String explanation, String fingerprint,
                      String runbookUrl) implements EventPayload {
        /** An alert of Warroom's own burn-rate policy, which has neither fingerprint nor runbook URL. */
        public AlertFired(String alert, String slo, Severity severity, String action, String window, double longBurn,
                          double shortBurn, double factor, double budgetRemaining, String explanation) {
            this(alert, slo, severity, action, window, longBurn, shortBurn, factor, budgetRemaining, explanation, null,
                    null);
        }
    }

    /**
     * Alertmanager says the alert with this fingerprint stopped firing. The incident stays as it is:
     * a quiet alert is a hint that mitigation worked, and people decide when it is resolved.
     *
     * @param endsAt when the alert ended, ISO-8601 UTC as Alertmanager reported it; null if it did not say
     */
    @JsonTypeName("alert_resolved")
    record AlertResolved(String alert, String fingerprint, String endsAt) implements EventPayload {
    }

    @JsonTypeName("severity_changed")
    record SeverityChanged(Severity from, Severity to, String reason) implements EventPayload {
    }

    /** A person was paged at a ladder level; {@code cycle} counts repeats of the ladder from 1. */
    @JsonTypeName("paged")
    record Paged(String level, String target, String contact, int cycle, String pageKey, String pager)
            implements EventPayload {
    }

    /** Nobody acknowledged before the level's deadline, so the page climbed. */
    @JsonTypeName("escalated")
    record Escalated(String fromLevel, String toLevel, String target, int cycle, String reason)
            implements EventPayload {
    }

    /** Every level and every repeat was paged and nobody acknowledged. */
    @JsonTypeName("escalation_exhausted")
    record EscalationExhausted(int cycles, String lastLevel) implements EventPayload {
    }

    @JsonTypeName("acknowledged")
    record Acknowledged(String level, String by, long secondsToAck) implements EventPayload {
    }

    /** A Sev-3: a ticket for working hours instead of a page. */
    @JsonTypeName("ticket_opened")
    record TicketOpened(String ticket, String queue, String summary) implements EventPayload {
    }

    /** Incident commander, scribe, comms, ... */
    @JsonTypeName("role_assigned")
    record RoleAssigned(String role, String person) implements EventPayload {
    }

    @JsonTypeName("symptom_named")
    record SymptomNamed(String text) implements EventPayload {
    }

    /** {@code version} is the runbook's content hash; {@code commit} the Git commit it came from, if any. */
    @JsonTypeName("runbook_started")
    record RunbookStarted(String runbook, String title, String version, String source, String commit, int steps)
            implements EventPayload {
    }

    @JsonTypeName("step_acked")
    record StepAcked(String runbook, String version, int step, String title) implements EventPayload {
    }

    @JsonTypeName("step_skipped")
    record StepSkipped(String runbook, String version, int step, String title, String reason) implements EventPayload {
    }

    /** The step was tried and did not work; {@code reason} says what happened. */
    @JsonTypeName("step_failed")
    record StepFailed(String runbook, String version, int step, String title, String reason) implements EventPayload {
    }

    /**
     * A step's {@code verify:} check was run after its ack.
     *
     * @param check    the expression as written, e.g. {@code sli >= 0.85}
     * @param observed the value it was compared against, NaN when there was no data
     */
    @JsonTypeName("step_verified")
    record StepVerified(String runbook, String version, int step, String check, double observed, boolean passed)
            implements EventPayload {
    }

    @JsonTypeName("mitigation_applied")
    record MitigationApplied(String mitigation, String title, boolean reversible, String runbook, Integer step)
            implements EventPayload {
    }

    /**
     * A reading of the SLI (fraction of good events) over {@code window}; {@code requests} and
     * {@code badRequests} are the counts behind it when the source has them (null otherwise), so a
     * postmortem can say how many requests were affected.
     */
    @JsonTypeName("sli_observed")
    record SliObserved(String slo, double sli, double objective, String window, Long requests, Long badRequests)
            implements EventPayload {
        public SliObserved(String slo, double sli, double objective, String window) {
            this(slo, sli, objective, window, null, null);
        }
    }

    /** The SLI held above the objective: the bleeding stopped, the cause may still be there. */
    @JsonTypeName("mitigated")
    record Mitigated(String summary, double sli) implements EventPayload {
    }

    @JsonTypeName("status_update_posted")
    record StatusUpdatePosted(String audience, String text) implements EventPayload {
    }

    @JsonTypeName("note")
    record Note(String text) implements EventPayload {
    }

    @JsonTypeName("resolved")
    record Resolved(String summary, String rootCause) implements EventPayload {
    }

    @JsonTypeName("postmortem_published")
    record PostmortemPublished(String location, String version) implements EventPayload {
    }

    /** Cache of JSON names; not part of the API. */
    final class Names {
        private static final Map<Class<?>, String> BY_CLASS = new ConcurrentHashMap<>();

        private Names() {
        }
    }
}
