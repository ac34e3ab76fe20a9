package dev.warroom.ui.incidents;

import dev.warroom.drill.ScenarioLibrary;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.InMemoryTimeline;
import dev.warroom.incident.Severity;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.paging.EscalationPolicy;
import dev.warroom.paging.RecordingPager;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.time.VirtualClock;
import dev.warroom.ui.console.ConsoleServices;
import java.time.Duration;
import java.time.Instant;

/**
 * A night shift in the incident list: a resolved Sev-2, a Sev-3 ticket and, newest, a Sev-1 checkout
 * drill that is mitigating. Pages go through the real escalation ladder so the events are the
 * ones the app records.
 */
final class IncidentFixtures {
    static final Instant DRILL_DECLARED = Instant.parse("2025-03-14T02:10:00Z");
    static final String DRILL_ID = "INC-0003";
    static final String TICKET_ID = "INC-0002";
    static final String RESOLVED_ID = "INC-0001";

    final VirtualClock clock = new VirtualClock(Instant.parse("2025-03-14T00:52:00Z"));
    final InMemoryTimeline timeline = new InMemoryTimeline(clock);
    private final EscalationLadder ladder = new EscalationLadder(EscalationPolicy.defaults(), SeverityPolicy.defaults(),
            new RecordingPager(), timeline, clock);

    IncidentFixtures withResolvedSev2() {
        String id = timeline.declare("warroom/slo-policy", new EventPayload.IncidentDeclared(
                "Search p99 latency over 800 ms", Severity.SEV2, "search", "search-latency", false, null,
                "latency burn 6.1x")).id();
        ladder.open(id, "Search p99 latency over 800 ms");
        clock.advance(Duration.ofMinutes(3));
        ladder.acknowledge(id, "ana");
        clock.advance(Duration.ofMinutes(4));
        timeline.record(id, "ana", new EventPayload.SymptomNamed("one search shard is hot after a reindex"));
        timeline.record(id, "ana", new EventPayload.MitigationApplied("rebalance-shards", "Rebalance the hot shard",
                true, null, null));
        clock.advance(Duration.ofMinutes(12));
        timeline.record(id, "warroom/slo-policy", new EventPayload.Mitigated("p99 back under 400 ms", 0.9993));
        clock.advance(Duration.ofMinutes(20));
        timeline.record(id, "ana", new EventPayload.Resolved("shard weights fixed", "reindex left stale weights"));
        return this;
    }

    IncidentFixtures withSev3Ticket() {
        clock.set(Instant.parse("2025-03-14T01:40:00Z"));
        String id = timeline.declare("warroom/slo-policy", new EventPayload.IncidentDeclared(
                "Payments webhook retries climbing", Severity.SEV3, "payments", "payments-webhooks", false, null,
                "slow burn 1.4x")).id();
        ladder.open(id, "Payments webhook retries climbing");
        timeline.record(id, "warroom/slo-policy", new EventPayload.SliObserved("payments-webhooks", 0.9962, 0.995, "1h"));
        return this;
    }

    /**
     * The drill from the brief: declared Sev-1, paged L1, escalated to L2, acknowledged,
     * symptom named, runbook started, a step acked, mitigation applied, SLI observed at 85%.
     */
    IncidentFixtures withCheckoutDrill() {
        clock.set(DRILL_DECLARED);
        String id = timeline.declare("warroom/drill", new EventPayload.IncidentDeclared(
                "Checkout 503s from model provider", Severity.SEV1, "checkout", "checkout-availability", true,
                "provider-outage", "fast burn 16.2x")).id();
        ladder.open(id, "Checkout 503s from model provider");
        clock.advance(Duration.ofMinutes(5));
        ladder.tick();
        clock.advance(Duration.ofSeconds(72));
        ladder.acknowledge(id, "li");
        clock.advance(Duration.ofSeconds(18));
        timeline.record(id, "li", new EventPayload.SymptomNamed("503s from the model provider on /checkout/quote"));
        clock.advance(Duration.ofSeconds(60));
        timeline.record(id, "li", new EventPayload.RunbookStarted("provider-outage", "Model provider outage",
                "3f2a1c9d0b7e", "runbooks/provider-outage.md", null, 5));
        clock.advance(Duration.ofSeconds(90));
        timeline.record(id, "li", new EventPayload.StepAcked("provider-outage", "3f2a1c9d0b7e", 1,
                "Fail over to the fallback provider"));
        clock.advance(Duration.ofSeconds(5));
        timeline.record(id, "li", new EventPayload.MitigationApplied("failover", "Fail over to the fallback provider",
                true, "provider-outage", 1));
        clock.advance(Duration.ofSeconds(145));
        timeline.record(id, "warroom/metrics", new EventPayload.SliObserved("checkout-availability", 0.85, 0.999, "5m"));
        clock.advance(Duration.ofSeconds(33));
        return this;
    }

    /** A Sev-1 just declared and paged at L1, nobody has acked yet; declared at the clock's time. */
    String withUnackedPage() {
        String id = timeline.declare("warroom/slo-policy", new EventPayload.IncidentDeclared(
                "Login errors in eu-west", Severity.SEV1, "login", "login-availability", false, null,
                "fast burn 15.0x")).id();
        ladder.open(id, "Login errors in eu-west");
        return id;
    }

    /** The console's services over this night shift, with direct runners: a refresh is done when it returns. */
    ConsoleServices services() {
        return new ConsoleServices(timeline, timeline::on, RunbookLibrary.bundled(), ScenarioLibrary.bundled(),
                SeverityPolicy.defaults(), EscalationPolicy.defaults(), AlertPolicy.sreWorkbook(), new RecordingPager(),
                clock, Runnable::run, Runnable::run, null, "in-memory test store");
    }

    static IncidentFixtures nightShift() {
        return new IncidentFixtures().withResolvedSev2().withSev3Ticket().withCheckoutDrill();
    }
}
