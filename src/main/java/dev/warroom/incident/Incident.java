package dev.warroom.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An incident as its timeline says it is: nothing here is set directly, every field is the fold of
 * the events so far ({@link #fold}, {@link #apply}).
 */
public record Incident(
        String id,
        String title,
        Severity severity,
        IncidentState state,
        String service,
        String slo,
        boolean drill,
        String scenario,
        Instant declaredAt,
        Instant mitigatedAt,
        Instant resolvedAt,
        Instant closedAt,
        PageState paging,
        String ticket,
        Map<String, String> roles,
        String symptom,
        String runbook,
        String runbookVersion,
        double lastSli,
        Instant lastStatusUpdateAt,
        String rootCause,
        long lastSeq,
        Instant lastEventAt) {

    public Incident {
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    }

    /** Folds a whole timeline, checking every step as {@link #apply} does. */
    public static Incident fold(List<TimelineEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an empty timeline is not an incident");
        }
        Incident incident = null;
        for (TimelineEvent event : events) {
            incident = apply(incident, event);
        }
        return incident;
    }

    /** Starts a fold: {@code before} is null for the first event, which must declare the incident. */
    public static Incident apply(Incident before, TimelineEvent event) {
        if (before == null) {
            if (!(event.payload() instanceof EventPayload.IncidentDeclared declared)) {
                throw new IllegalTransitionException(event.incidentId(), null, event.type(),
                        "the first event of a timeline must be incident_declared");
            }
            if (event.seq() != 1) {
                throw new IllegalTransitionException(event.incidentId(), null, event.type(),
                        "the timeline must start at sequence 1, not " + event.seq());
            }
            return new Incident(event.incidentId(), declared.title(), declared.severity(), IncidentState.DETECTED,
                    declared.service(), declared.slo(), declared.drill(), declared.scenario(), event.at(), null, null,
                    null, PageState.NONE, null, Map.of(), null, null, null, Double.NaN, null, null, 1, event.at());
        }
        return before.apply(event);
    }

    /** The incident after one more event, or an {@link IllegalTransitionException} saying why not. */
    public Incident apply(TimelineEvent event) {
        if (!event.incidentId().equals(id)) {
            throw new IllegalArgumentException("event for " + event.incidentId() + " applied to " + id);
        }
        if (event.seq() != lastSeq + 1) {
            throw new IllegalTransitionException(id, state, event.type(),
                    "expected sequence " + (lastSeq + 1) + ", got " + event.seq());
        }
        Fold f = new Fold(this, event);
        EventPayload payload = event.payload();
        if (payload instanceof EventPayload.IncidentDeclared d) {
            f.refuse("the incident is already declared");
        } else if (payload instanceof EventPayload.AlertFired a) {
            f.requireOpen();
        } else if (payload instanceof EventPayload.AlertResolved r) {
            // like a note: the alert may clear after people resolved or closed the incident
        } else if (payload instanceof EventPayload.SeverityChanged c) {
            f.requireOpen();
            f.severity = c.to();
        } else if (payload instanceof EventPayload.Paged p) {
            f.requireOpen();
            PageState was = f.paging;
            f.paging = new PageState(PageState.Status.PAGING, p.level(), p.target(), Math.max(1, p.cycle()),
                    was.firstPagedAt() == null ? event.at() : was.firstPagedAt(), event.at(), null, null,
                    was.escalations());
        } else if (payload instanceof EventPayload.Escalated e) {
            f.requireOpen();
            if (!f.paging.awaitingAck()) {
                f.refuse("there is no unacknowledged page to escalate");
            }
            PageState was = f.paging;
            f.paging = new PageState(PageState.Status.PAGING, e.toLevel(), e.target(), Math.max(1, e.cycle()),
                    was.firstPagedAt(), event.at(), null, null, was.escalations() + 1);
        } else if (payload instanceof EventPayload.EscalationExhausted x) {
            f.requireOpen();
            if (f.paging.status() != PageState.Status.PAGING) {
                f.refuse("the ladder is not climbing");
            }
            PageState was = f.paging;
            f.paging = new PageState(PageState.Status.EXHAUSTED, was.level(), was.target(), was.cycle(),
                    was.firstPagedAt(), was.lastPagedAt(), null, null, was.escalations());
        } else if (payload instanceof EventPayload.Acknowledged a) {
            f.requireOpen();
            if (!f.paging.awaitingAck()) {
                f.refuse(f.paging.status() == PageState.Status.ACKED
                        ? "the page was already acknowledged by " + f.paging.ackedBy()
                        : "nothing to acknowledge: no page is open");
            }
            PageState was = f.paging;
            f.paging = new PageState(PageState.Status.ACKED, a.level() == null ? was.level() : a.level(),
                    was.target(), was.cycle(), was.firstPagedAt(), was.lastPagedAt(), a.by(), event.at(),
                    was.escalations());
        } else if (payload instanceof EventPayload.TicketOpened t) {
            f.requireOpen();
            f.ticket = t.ticket();
        } else if (payload instanceof EventPayload.RoleAssigned r) {
            f.requireOpen();
            f.roles.put(r.role(), r.person());
        } else if (payload instanceof EventPayload.SymptomNamed s) {
            f.requireOpen();
            f.symptom = s.text();
            f.advance(IncidentState.TRIAGED, false);
        } else if (payload instanceof EventPayload.RunbookStarted r) {
            f.requireOpen();
            f.runbook = r.runbook();
            f.runbookVersion = r.version();
            f.advance(IncidentState.TRIAGED, false);
        } else if (payload instanceof EventPayload.StepAcked s) {
            f.requireRunbook(s.runbook());
        } else if (payload instanceof EventPayload.StepSkipped s) {
            f.requireRunbook(s.runbook());
        } else if (payload instanceof EventPayload.StepFailed s) {
            f.requireRunbook(s.runbook());
        } else if (payload instanceof EventPayload.StepVerified s) {
            f.requireRunbook(s.runbook());
        } else if (payload instanceof EventPayload.MitigationApplied m) {
            f.requireOpen();
            if (f.state == IncidentState.DETECTED) {
                f.refuse("triage it first: name the symptom or start a runbook");
            }
            f.advance(IncidentState.MITIGATING, false);
        } else if (payload instanceof EventPayload.SliObserved o) {
            f.requireOpen();
            f.lastSli = o.sli();
        } else if (payload instanceof EventPayload.Mitigated m) {
            f.advance(IncidentState.MITIGATED, true);
            f.mitigatedAt = event.at();
        } else if (payload instanceof EventPayload.StatusUpdatePosted s) {
            f.requireOpen();
            f.lastStatusUpdateAt = event.at();
        } else if (payload instanceof EventPayload.Note n) {
            // notes are welcome in every state, including after close
        } else if (payload instanceof EventPayload.Resolved r) {
            f.advance(IncidentState.RESOLVED, true);
            f.resolvedAt = event.at();
            f.rootCause = r.rootCause();
        } else if (payload instanceof EventPayload.PostmortemPublished p) {
            // publishing a revised postmortem after close is allowed: it records a new version
            if (f.state != IncidentState.CLOSED) {
                f.advance(IncidentState.CLOSED, true);
                f.closedAt = event.at();
            }
        }
        return f.build();
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    /** Time from declaration to the first ack, if acked. */
    public Optional<Duration> timeToAck() {
        return paging.ackedAt() == null ? Optional.empty() : Optional.of(Duration.between(declaredAt, paging.ackedAt()));
    }

    public Optional<Duration> timeToMitigate() {
        return mitigatedAt == null ? Optional.empty() : Optional.of(Duration.between(declaredAt, mitigatedAt));
    }

    public Optional<Duration> timeToResolve() {
        return resolvedAt == null ? Optional.empty() : Optional.of(Duration.between(declaredAt, resolvedAt));
    }

    /** Mutable scratch copy used by one {@link #apply} step. */
    private static final class Fold {
        private final Incident before;
        private final TimelineEvent event;
        Severity severity;
        IncidentState state;
        Instant mitigatedAt;
        Instant resolvedAt;
        Instant closedAt;
        PageState paging;
        String ticket;
        final Map<String, String> roles;
        String symptom;
        String runbook;
        String runbookVersion;
        double lastSli;
        Instant lastStatusUpdateAt;
        String rootCause;

        Fold(Incident b, TimelineEvent event) {
            this.before = b;
            this.event = event;
            severity = b.severity;
            state = b.state;
            mitigatedAt = b.mitigatedAt;
            resolvedAt = b.resolvedAt;
            closedAt = b.closedAt;
            paging = b.paging;
            ticket = b.ticket;
            roles = new LinkedHashMap<>(b.roles);
            symptom = b.symptom;
            runbook = b.runbook;
            runbookVersion = b.runbookVersion;
            lastSli = b.lastSli;
            lastStatusUpdateAt = b.lastStatusUpdateAt;
            rootCause = b.rootCause;
        }

        void refuse(String why) {
            throw new IllegalTransitionException(before.id, state, event.type(), why);
        }

        void requireOpen() {
            if (!state.isOpen()) {
                refuse("the incident is " + state.id() + "; only notes can be added now");
            }
        }

        void requireRunbook(String id) {
            requireOpen();
            if (runbook == null || !runbook.equals(id)) {
                refuse("runbook " + id + " was not started on this incident"
                        + (runbook == null ? "" : " (the running runbook is " + runbook + ")"));
            }
        }

        /**
         * Moves to {@code target}. Optional advances (a second symptom, a later mitigation) are fine
         * to repeat; required ones must be a legal next step of the lifecycle.
         */
        void advance(IncidentState target, boolean required) {
            if (state == target && !required) {
                return;
            }
            if (state.canMoveTo(target)) {
                state = target;
                return;
            }
            if (!required && state.compareTo(target) > 0 && state.isOpen()) {
                return;
            }
            refuse("the lifecycle goes " + lifecycle() + "; from " + state.id() + " the next step is "
                    + (state.next().isEmpty() ? "nothing" : String.join(" or ",
                    state.next().stream().sorted().map(IncidentState::id).toList())));
        }

        private static String lifecycle() {
            return "detected -> triaged -> mitigating -> mitigated -> resolved -> closed";
        }

        Incident build() {
            Incident b = before;
            return new Incident(b.id, b.title, severity, state, b.service, b.slo, b.drill, b.scenario, b.declaredAt,
                    mitigatedAt, resolvedAt, closedAt, paging, ticket, roles, symptom, runbook, runbookVersion, lastSli,
                    lastStatusUpdateAt, rootCause, event.seq(), event.at());
        }
    }
}
