package dev.warroom.ui.handoff;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Severity;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.ui.console.ConsoleFixtures;
import java.time.Duration;

/**
 * A week with one of everything the handoff lists: a Sev-2 resolved tonight (postmortem due), a
 * Sev-3 ticket still open, and the provider-outage drill midway. The wall clock ends 40 minutes
 * after {@link ConsoleFixtures#NOW}, a Wednesday: the upcoming handoff is Monday 2026-11-23.
 */
final class HandoffFixtures {
    final ConsoleFixtures console = new ConsoleFixtures();
    final HandoffRecords records = HandoffRecords.inMemory(console.wall);

    HandoffFixtures() {
        EscalationLadder ladder = console.services.liveLadder();
        String resolved = console.timeline.declare("warroom/slo-policy", new EventPayload.IncidentDeclared(
                "Search p99 latency over 800 ms", Severity.SEV2, "search", "search-latency", false, null,
                "latency burn 6.1x")).id();
        ladder.open(resolved, "Search p99 latency over 800 ms");
        console.wall.advance(Duration.ofMinutes(3));
        ladder.acknowledge(resolved, "ana");
        console.timeline.record(resolved, "ana", new EventPayload.SymptomNamed("one search shard is hot"));
        console.timeline.record(resolved, "ana", new EventPayload.MitigationApplied("rebalance-shards",
                "Rebalance the hot shard", true, null, null));
        console.wall.advance(Duration.ofMinutes(12));
        console.timeline.record(resolved, "warroom/slo-policy", new EventPayload.Mitigated("p99 back under 400 ms",
                0.9993));
        console.wall.advance(Duration.ofMinutes(20));
        console.timeline.record(resolved, "ana", new EventPayload.Resolved("shard weights fixed",
                "reindex left stale weights"));
        console.wall.advance(Duration.ofMinutes(5));
        String ticket = console.timeline.declare("warroom/slo-policy", new EventPayload.IncidentDeclared(
                "Payments webhook retries climbing", Severity.SEV3, "payments", "payments-webhooks", false, null,
                "slow burn 1.4x")).id();
        ladder.open(ticket, "Payments webhook retries climbing");
        console.drillMidway();
    }
}
