package dev.warroom.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.InMemoryTimeline;
import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentState;
import dev.warroom.incident.Severity;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffPrefillTest {
    private static final HandoffWeek WEEK = HandoffWeek.parse("2026-11-16");
    private static final SeverityPolicy POLICY = SeverityPolicy.defaults();

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-01T00:00:00Z"));
    private final InMemoryTimeline timeline = new InMemoryTimeline(clock);
    private final HandoffPrefill prefill = new HandoffPrefill(timeline, POLICY);

    private Incident declare(String at, Severity severity, String title, boolean drill) {
        clock.set(Instant.parse(at));
        return timeline.declare("warroom/slo-policy",
                new EventPayload.IncidentDeclared(title, severity, "checkout", "availability", drill, null, null));
    }

    /** Drives the incident to resolved at {@code at}; returns the resolution time the store stamped. */
    private Instant resolve(Incident incident, String at) {
        clock.set(Instant.parse(at));
        timeline.recordAll(incident.id(), "noor", List.of(new EventPayload.SymptomNamed("errors"),
                new EventPayload.MitigationApplied("rollback", "Roll back", true, null, null),
                new EventPayload.Mitigated("back above objective", 0.999),
                new EventPayload.Resolved("fixed", "bad deploy")));
        return timeline.require(incident.id()).resolvedAt();
    }

    private void page(Incident incident, String target) {
        timeline.record(incident.id(), "warroom/escalation", new EventPayload.Paged("L1", target, target + "@example",
                1, "k-" + incident.id(), "log"));
    }

    @Test
    void openIncidents_ownerIsTheCommanderElseWhoAckedElseUnowned() {
        Incident commanded = declare("2026-11-15T01:00:00Z", Severity.SEV2, "Checkout slow", false);
        page(commanded, "kai");
        timeline.recordAll(commanded.id(), "kai", List.of(new EventPayload.Acknowledged("L1", "kai", 60),
                new EventPayload.RoleAssigned(Owner.INCIDENT_COMMANDER, "noor")));
        Incident acked = declare("2026-11-15T02:00:00Z", Severity.SEV1, "Provider 503s", false);
        page(acked, "kai");
        timeline.record(acked.id(), "kai", new EventPayload.Acknowledged("L1", "kai", 60));
        Incident ringing = declare("2026-11-15T03:00:00Z", Severity.SEV2, "Queue stalled", false);
        page(ringing, "lee");

        Handoff h = prefill.prefill(WEEK, true);

        assertEquals(List.of(acked.id(), commanded.id(), ringing.id()), h.open().stream().map(OpenIncident::id).toList(),
                "worst severity first, then oldest");
        assertEquals("kai (acked the page)", h.open().get(0).owner().text());
        assertEquals("noor (incident commander)", h.open().get(1).owner().text());
        assertEquals("unowned", h.open().get(2).owner().text());
        assertEquals("detected, page not acknowledged", h.open().get(2).status());
        assertEquals("detected", h.open().get(0).status());
        assertTrue(h.resolved().isEmpty());
    }

    @Test
    void recentlyResolved_postmortemStatusFollowsSeverityAndHandoffTime() {
        Instant oldSev1Resolved = resolve(declare("2026-11-13T02:00:00Z", Severity.SEV1, "Older Sev-1", false),
                "2026-11-13T04:00:00Z");
        Instant sev2Resolved = resolve(declare("2026-11-13T05:00:00Z", Severity.SEV2, "A Sev-2", false),
                "2026-11-13T06:00:00Z");
        resolve(declare("2026-11-14T01:00:00Z", Severity.SEV3, "A Sev-3", false), "2026-11-14T02:00:00Z");
        Incident published = declare("2026-11-14T03:00:00Z", Severity.SEV1, "Published Sev-1", false);
        resolve(published, "2026-11-14T04:00:00Z");
        timeline.record(published.id(), "noor", new EventPayload.PostmortemPublished("pm.md", "v1"));
        Instant sev1Resolved = resolve(declare("2026-11-16T02:00:00Z", Severity.SEV1, "Fresh Sev-1", false),
                "2026-11-16T03:10:00Z");

        List<ResolvedIncident> resolved = prefill.prefill(WEEK, true).resolved();

        assertEquals(List.of("Fresh Sev-1", "Published Sev-1", "A Sev-3", "A Sev-2", "Older Sev-1"),
                resolved.stream().map(ResolvedIncident::title).toList(), "newest resolution first");
        assertEquals(new PostmortemStatus(PostmortemStatus.Kind.DUE, sev1Resolved.plus(Duration.ofHours(24))),
                resolved.get(0).postmortem());
        assertEquals("postmortem due 2026-11-17 03:10 UTC", resolved.get(0).postmortem().text());
        assertEquals(PostmortemStatus.Kind.PUBLISHED, resolved.get(1).postmortem().kind());
        assertEquals(PostmortemStatus.Kind.NOT_REQUIRED, resolved.get(2).postmortem().kind());
        // Friday 06:00 plus 5 business days is the next Friday, after the Monday handoff
        assertEquals(new PostmortemStatus(PostmortemStatus.Kind.DUE, sev2Resolved.plus(Duration.ofDays(7))),
                resolved.get(3).postmortem());
        assertEquals(new PostmortemStatus(PostmortemStatus.Kind.OVERDUE, oldSev1Resolved.plus(Duration.ofHours(24))),
                resolved.get(4).postmortem());
        assertEquals("postmortem overdue (was due 2026-11-14 04:00 UTC)", resolved.get(4).postmortem().text());
    }

    @Test
    void prefill_seesTheStoreAsItStoodAtTheHandoff() {
        Incident inside = declare("2026-11-09T08:00:00Z", Severity.SEV2, "Resolved just inside the window", false);
        Incident before = declare("2026-11-09T09:00:00Z", Severity.SEV2, "Resolved just before the window", false);
        resolve(before, "2026-11-09T09:59:00Z");
        resolve(inside, "2026-11-09T10:00:00Z");
        Incident later = declare("2026-11-16T09:00:00Z", Severity.SEV1, "Resolved after the handoff", false);
        declare("2026-11-16T10:00:01Z", Severity.SEV1, "Declared after the handoff", false);
        resolve(later, "2026-11-16T11:00:00Z");
        timeline.record(later.id(), "noor", new EventPayload.PostmortemPublished("pm.md", "v1"));

        Handoff h = prefill.prefill(WEEK, true);

        assertEquals(List.of("Resolved just inside the window"), h.resolved().stream().map(ResolvedIncident::title).toList());
        assertEquals(List.of("Resolved after the handoff"), h.open().stream().map(OpenIncident::title).toList());
        assertEquals(IncidentState.DETECTED, h.open().get(0).state());
        assertEquals(IncidentState.CLOSED, timeline.require(later.id()).state(), "the timeline itself moved on");
    }

    @Test
    void drills_areListedAndMarked_orLeftOut() {
        declare("2026-11-15T01:00:00Z", Severity.SEV1, "Drill: provider outage", true);
        declare("2026-11-15T02:00:00Z", Severity.SEV2, "Real one", false);

        Handoff with = prefill.prefill(WEEK, true);
        assertEquals(List.of(true, false), with.open().stream().map(OpenIncident::drill).toList());
        assertTrue(HandoffMarkdown.line(with.open().get(0)).startsWith("- INC-0001 [DRILL] Sev-1, detected"),
                HandoffMarkdown.line(with.open().get(0)));
        assertFalse(HandoffMarkdown.line(with.open().get(1)).contains("DRILL"));

        Handoff without = prefill.prefill(WEEK, false);
        assertEquals(List.of("Real one"), without.open().stream().map(OpenIncident::title).toList());
    }
}
