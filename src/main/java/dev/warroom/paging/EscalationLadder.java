package dev.warroom.paging;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.PageState;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.SeverityTarget;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.time.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Climbs the escalation ladder on the injected clock: an unacknowledged page moves to the next level
 * at its deadline, wraps to L1 for each repeat, and stops at the first ack. A Sev-3 opens a ticket
 * and never pages. Every page, escalation and ack is written to the timeline; the ladder keeps no
 * state of its own, so a restart continues where the timeline says it was.
 */
public final class EscalationLadder {
    public static final String ACTOR = "warroom/escalation";

    private final EscalationPolicy policy;
    private final SeverityPolicy severities;
    private final Pager pager;
    private final Timeline timeline;
    private final Clock clock;

    public EscalationLadder(EscalationPolicy policy, SeverityPolicy severities, Pager pager, Timeline timeline, Clock clock) {
        this.policy = policy;
        this.severities = severities;
        this.pager = pager;
        this.timeline = timeline;
        this.clock = clock;
    }

    public EscalationPolicy policy() {
        return policy;
    }

    /** Starts paging for a newly declared incident, as its severity says. */
    public List<TimelineEvent> open(String incidentId, String summary) {
        Incident incident = timeline.require(incidentId);
        SeverityTarget target = severities.target(incident.severity());
        if (!target.pages()) {
            String ticket = "TICKET-" + incident.id().replace("INC-", "");
            return List.of(timeline.record(incidentId, ACTOR, new EventPayload.TicketOpened(ticket, "on-call",
                    incident.severity().label() + " " + summary + " — for the next business day, no page")));
        }
        List<EscalationLevel> first = target.pageWholeLadder() ? policy.levels() : List.of(policy.first());
        return pageLevels(incident, first, 1, summary, List.of());
    }

    /** Escalates every page whose level's deadline has passed; returns what it recorded. */
    public List<TimelineEvent> tick() {
        List<TimelineEvent> recorded = new ArrayList<>();
        Instant now = clock.instant();
        for (Incident incident : timeline.openIncidents()) {
            PageState paging = incident.paging();
            if (paging.status() != PageState.Status.PAGING) {
                continue;
            }
            Optional<Instant> deadline = deadline(incident);
            if (deadline.isEmpty() || now.isBefore(deadline.get())) {
                continue;
            }
            recorded.addAll(escalate(incident));
        }
        return recorded;
    }

    /** When the current level's time to ack runs out; empty unless a page waits for an ack. */
    public Optional<Instant> deadline(Incident incident) {
        PageState paging = incident.paging();
        if (paging.status() != PageState.Status.PAGING || paging.lastPagedAt() == null) {
            return Optional.empty();
        }
        Duration delay = policy.level(paging.level()).map(EscalationLevel::delay).orElse(EscalationPolicy.DEFAULT_DELAY);
        return Optional.of(paging.lastPagedAt().plus(delay));
    }

    /** Who is paged next if nobody acks; empty when the ladder is exhausted or not climbing. */
    public Optional<EscalationLevel> nextLevel(Incident incident) {
        PageState paging = incident.paging();
        if (paging.status() != PageState.Status.PAGING) {
            return Optional.empty();
        }
        int index = policy.indexOf(paging.level());
        if (index >= 0 && index + 1 < policy.levels().size()) {
            return Optional.of(policy.levels().get(index + 1));
        }
        return paging.cycle() <= policy.repeats() ? Optional.of(policy.first()) : Optional.empty();
    }

    /** Records the ack and tells the pager; refused (nothing recorded) when no page is open. */
    public TimelineEvent acknowledge(String incidentId, String by) {
        Incident incident = timeline.require(incidentId);
        PageState paging = incident.paging();
        long seconds = Duration.between(incident.declaredAt(), clock.instant()).toSeconds();
        TimelineEvent event = timeline.record(incidentId, by,
                new EventPayload.Acknowledged(paging.level(), by, Math.max(0, seconds)));
        policy.level(paging.level()).ifPresent(level -> {
            try {
                pager.acknowledge(page(incident, level, paging.cycle(), "acknowledged by " + by));
            } catch (RuntimeException e) {
                timeline.record(incidentId, ACTOR, new EventPayload.Note(
                        "ack recorded here, but telling " + pager.name() + " failed: " + e.getMessage()));
            }
        });
        return event;
    }

    private List<TimelineEvent> escalate(Incident incident) {
        PageState paging = incident.paging();
        SeverityTarget target = severities.target(incident.severity());
        Optional<EscalationLevel> next = nextLevel(incident);
        if (next.isEmpty()) {
            return List.of(timeline.record(incident.id(), ACTOR,
                    new EventPayload.EscalationExhausted(paging.cycle(), paging.level())));
        }
        EscalationLevel to = next.get();
        boolean wrapped = policy.indexOf(to.name()) <= policy.indexOf(paging.level());
        int cycle = wrapped ? paging.cycle() + 1 : paging.cycle();
        String reason = "no ack from " + paging.level() + " " + paging.target() + " within "
                + Durations.format(policy.level(paging.level()).map(EscalationLevel::delay)
                .orElse(EscalationPolicy.DEFAULT_DELAY))
                + (wrapped ? "; starting the ladder again (repeat " + (cycle - 1) + " of " + policy.repeats() + ")" : "");
        EventPayload.Escalated escalated = new EventPayload.Escalated(paging.level(), to.name(), to.person(), cycle, reason);
        List<EscalationLevel> levels = target.pageWholeLadder() && wrapped ? policy.levels() : List.of(to);
        return pageLevels(incident, levels, cycle, incident.title(), List.of(escalated));
    }

    /** Sends the pages, then records {@code before} and one paged event per level in one durable step. */
    private List<TimelineEvent> pageLevels(Incident incident, List<EscalationLevel> levels, int cycle, String summary,
                                           List<EventPayload> before) {
        List<EventPayload> payloads = new ArrayList<>(before);
        for (EscalationLevel level : levels) {
            Page page = page(incident, level, cycle, summary);
            try {
                pager.send(page);
                payloads.add(new EventPayload.Paged(level.name(), level.person(), level.contact(), cycle, page.key(),
                        pager.name()));
            } catch (RuntimeException e) {
                payloads.add(new EventPayload.Note("paging " + level.describe() + " through " + pager.name()
                        + " failed: " + e.getMessage() + "; the ladder keeps climbing"));
            }
        }
        return timeline.recordAll(incident.id(), ACTOR, payloads);
    }

    private Page page(Incident incident, EscalationLevel level, int cycle, String summary) {
        return new Page(incident.id() + "/" + level.name() + "/" + cycle, incident.id(), incident.severity(), level.name(),
                level.person(), level.contact(), "[" + incident.severity().label() + "] " + incident.id() + " " + summary,
                incident.drill());
    }
}
