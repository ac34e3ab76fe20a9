package dev.warroom.postmortem;

import dev.warroom.drill.DrillOptions;
import dev.warroom.drill.DrillResult;
import dev.warroom.drill.DrillRunner;
import dev.warroom.drill.ScenarioLibrary;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.InMemoryTimeline;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.paging.EscalationPolicy;
import dev.warroom.paging.RecordingPager;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Timelines to render: a real auto drill, and a hand-made rough incident with everything that can go wrong. */
final class Timelines {
    static final Instant START = Instant.parse("2026-11-18T02:00:00Z");

    private Timelines() {
    }

    /** An auto drill played like DrillRunnerTest does: the reference responders, in memory. */
    static DrillResult drill(String scenario, long seed) {
        VirtualClock clock = new VirtualClock(START);
        InMemoryTimeline timeline = new InMemoryTimeline(clock);
        EscalationLadder ladder = new EscalationLadder(EscalationPolicy.defaults(), SeverityPolicy.defaults(),
                new RecordingPager(), timeline, clock);
        DrillRunner runner = new DrillRunner(ScenarioLibrary.bundled().require(scenario), RunbookLibrary.bundled(),
                timeline, ladder, AlertPolicy.sreWorkbook(), clock, DrillOptions.defaults(seed, START), line -> { });
        return runner.run();
    }

    /** The incident as it stood after the first {@code n} events. */
    static Incident foldFirst(List<TimelineEvent> events, int n) {
        return Incident.fold(events.subList(0, n));
    }

    /** A Sev-1 that goes badly: slow ack, a failed step, a failed check, a one-way mitigation, no status updates. */
    static final class Rough {
        final VirtualClock clock = new VirtualClock(START);
        final InMemoryTimeline timeline = new InMemoryTimeline(clock);
        final String id;

        Rough(Severity severity) {
            id = timeline.declare("warroom/slo-policy", new EventPayload.IncidentDeclared("Payments 5xx", severity,
                    "payments", "payments-availability", false, null, "card payments fail")).id();
            record("warroom/slo-policy",
                    new EventPayload.AlertFired("PaymentsBurn", "payments-availability", severity, "page", "1h/5m", 20,
                            40, 14.4, 0.5, "Sev-1 page: burning 20x over 1h (threshold 14.4x): at this rate the 50% left"
                            + " of the 28-day budget is gone in 17 hours; 3% of it went in the last hour"),
                    new EventPayload.SliObserved("payments-availability", 0.96, 0.999, "5m", 10_000L, 400L),
                    new EventPayload.Paged("L1", "ana", "ana@oncall.example", 1, "k1", "log"));
            clock.advance(Duration.ofMinutes(5));
            record("warroom/escalation", new EventPayload.Escalated("L1", "L2", "li", 1, "no ack from L1 ana within 5m"),
                    new EventPayload.Paged("L2", "li", "li@oncall.example", 1, "k2", "log"));
            clock.advance(Duration.ofMinutes(15));
            record("li", new EventPayload.Acknowledged("L2", "li", 1200),
                    new EventPayload.RoleAssigned("incident_commander", "li"),
                    new EventPayload.RunbookStarted("payments-5xx", "Payments 5xx", "abc123def456",
                            "/srv/runbooks/payments-5xx.md", "9f8e7d6c", 5),
                    new EventPayload.StepAcked("payments-5xx", "abc123def456", 1, "Check the error split"),
                    new EventPayload.StepVerified("payments-5xx", "abc123def456", 1, "sli >= 0.99", 0.961, false),
                    new EventPayload.StepSkipped("payments-5xx", "abc123def456", 2, "Scale out", "not CPU bound"),
                    new EventPayload.StepFailed("payments-5xx", "abc123def456", 3, "Roll back the deploy",
                            "the rollback job timed out"));
            clock.advance(Duration.ofMinutes(3));
            record("li", new EventPayload.StepAcked("payments-5xx", "abc123def456", 4, "Drain eu-west"),
                    new EventPayload.MitigationApplied("drain-region", "Drain eu-west", false, "payments-5xx", 4));
            clock.advance(Duration.ofMinutes(4));
            record("warroom/drill", new EventPayload.SliObserved("payments-availability", 0.9995, 0.999, "2m", 4_000L, 2L));
            record("li", new EventPayload.Mitigated("errors back under the objective", 0.9995));
        }

        void record(String actor, EventPayload... payloads) {
            timeline.recordAll(id, actor, List.of(payloads));
        }

        /** Resolves {@code after} the mitigation, with an optional root cause. */
        void resolve(Duration after, String rootCause) {
            clock.advance(after);
            record("li", new EventPayload.Resolved("drained eu-west; provider fixed", rootCause));
        }

        Incident incident() {
            return timeline.require(id);
        }

        List<TimelineEvent> events() {
            return timeline.events(id);
        }
    }
}
