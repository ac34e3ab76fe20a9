package dev.warroom.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentFoldTest {
    static final String ID = "INC-0007";
    static final Instant T0 = Instant.parse("2026-03-04T11:00:00Z");

    /** Builds a timeline with consecutive seq numbers, one minute apart. */
    static final class Builder {
        final List<TimelineEvent> events = new ArrayList<>();

        Builder add(EventPayload payload) {
            int seq = events.size() + 1;
            events.add(new TimelineEvent(ID, seq, T0.plus(Duration.ofMinutes(seq - 1)), "ana", payload));
            return this;
        }

        TimelineEvent next(EventPayload payload) {
            int seq = events.size() + 1;
            return new TimelineEvent(ID, seq, T0.plus(Duration.ofMinutes(seq - 1)), "ana", payload);
        }

        Incident fold() {
            return Incident.fold(events);
        }
    }

    static EventPayload.IncidentDeclared declared(Severity severity) {
        return new EventPayload.IncidentDeclared("Checkout errors", severity, "checkout", "checkout-availability",
                false, null, "5xx on /pay");
    }

    static Builder declaredSev1() {
        return new Builder().add(declared(Severity.SEV1));
    }

    static Builder fullLifecycle() {
        return declaredSev1()
                .add(new EventPayload.Paged("L1", "ana", "ana@oncall.example", 1, "INC-0007/L1/1", "recording"))
                .add(new EventPayload.Acknowledged("L1", "ana", 60))
                .add(new EventPayload.RoleAssigned("incident_commander", "ana"))
                .add(new EventPayload.SymptomNamed("5xx on checkout"))
                .add(new EventPayload.RunbookStarted("checkout-5xx", "Checkout 5xx", "abc123", "runbooks/checkout.md", null, 3))
                .add(new EventPayload.StepAcked("checkout-5xx", "abc123", 1, "Check deploys"))
                .add(new EventPayload.MitigationApplied("rollback", "Roll back release", true, "checkout-5xx", 2))
                .add(new EventPayload.SliObserved("checkout-availability", 0.9995, 0.999, "5m"))
                .add(new EventPayload.Mitigated("error rate back under objective", 0.9995))
                .add(new EventPayload.StatusUpdatePosted("internal", "mitigated by rollback"))
                .add(new EventPayload.Resolved("bad release rolled back", "null pointer in v2.3"))
                .add(new EventPayload.PostmortemPublished("docs/pm/INC-0007.md", "v1"));
    }

    private static IllegalTransitionException refused(Builder b, EventPayload payload) {
        Incident before = b.fold();
        return assertThrows(IllegalTransitionException.class, () -> before.apply(b.next(payload)));
    }

    @Test
    void legalPath_detectedToClosed_viaEvents() {
        Builder b = declaredSev1();
        assertEquals(IncidentState.DETECTED, b.fold().state());
        b.add(new EventPayload.SymptomNamed("checkout 5xx"));
        assertEquals(IncidentState.TRIAGED, b.fold().state());
        b.add(new EventPayload.MitigationApplied("rollback", "Roll back", true, null, null));
        assertEquals(IncidentState.MITIGATING, b.fold().state());
        b.add(new EventPayload.Mitigated("SLI recovered", 0.9996));
        Incident mitigated = b.fold();
        assertEquals(IncidentState.MITIGATED, mitigated.state());
        assertEquals(T0.plus(Duration.ofMinutes(3)), mitigated.mitigatedAt());
        assertEquals(Duration.ofMinutes(3), mitigated.timeToMitigate().orElseThrow());
        assertTrue(mitigated.isOpen());
        b.add(new EventPayload.Resolved("rolled back", "bad config"));
        Incident resolved = b.fold();
        assertEquals(IncidentState.RESOLVED, resolved.state());
        assertFalse(resolved.isOpen());
        assertEquals("bad config", resolved.rootCause());
        assertEquals(Duration.ofMinutes(4), resolved.timeToResolve().orElseThrow());
        b.add(new EventPayload.PostmortemPublished("pm.md", "v1"));
        Incident closed = b.fold();
        assertEquals(IncidentState.CLOSED, closed.state());
        assertEquals(T0.plus(Duration.ofMinutes(5)), closed.closedAt());
        assertEquals(6, closed.lastSeq());
    }

    @Test
    void fold_collectsEveryField() {
        Incident i = fullLifecycle().fold();
        assertEquals(ID, i.id());
        assertEquals("Checkout errors", i.title());
        assertEquals(Severity.SEV1, i.severity());
        assertEquals("checkout", i.service());
        assertEquals("checkout-availability", i.slo());
        assertEquals(T0, i.declaredAt());
        assertEquals(IncidentState.CLOSED, i.state());
        assertEquals(PageState.Status.ACKED, i.paging().status());
        assertEquals("ana", i.paging().ackedBy());
        assertEquals(Duration.ofMinutes(2), i.timeToAck().orElseThrow());
        assertEquals("ana", i.roles().get("incident_commander"));
        assertEquals("5xx on checkout", i.symptom());
        assertEquals("checkout-5xx", i.runbook());
        assertEquals("abc123", i.runbookVersion());
        assertEquals(0.9995, i.lastSli());
        assertEquals(T0.plus(Duration.ofMinutes(10)), i.lastStatusUpdateAt());
        assertEquals(13, i.lastSeq());
        assertEquals(T0.plus(Duration.ofMinutes(12)), i.lastEventAt());
        assertThrows(UnsupportedOperationException.class, () -> i.roles().put("scribe", "li"));
    }

    @Test
    void foldOfList_equalsStepByStepApply() {
        List<TimelineEvent> events = fullLifecycle().events;
        Incident stepwise = null;
        for (TimelineEvent e : events) {
            stepwise = Incident.apply(stepwise, e);
        }
        assertEquals(stepwise, Incident.fold(events));
        // and every prefix folds to the intermediate state
        Incident prefix = Incident.fold(events.subList(0, 8));
        assertEquals(IncidentState.MITIGATING, prefix.state());
        assertEquals(prefix.apply(events.get(8)), Incident.fold(events.subList(0, 9)));
    }

    @Test
    void declared_startsDetected_withNoPageAndNaNSli() {
        Incident i = declaredSev1().fold();
        assertEquals(IncidentState.DETECTED, i.state());
        assertEquals(PageState.NONE, i.paging());
        assertTrue(Double.isNaN(i.lastSli()));
        assertNull(i.mitigatedAt());
        assertTrue(i.timeToAck().isEmpty());
    }

    @Test
    void emptyTimeline_andMissingDeclaration_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> Incident.fold(List.of()));
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> Incident.fold(List.of(
                new TimelineEvent(ID, 1, T0, "ana", new EventPayload.Note("hello")))));
        assertTrue(e.getMessage().contains("must be incident_declared"), e.getMessage());
        assertNull(e.state());
        IllegalTransitionException seq = assertThrows(IllegalTransitionException.class, () -> Incident.fold(List.of(
                new TimelineEvent(ID, 2, T0, "ana", declared(Severity.SEV2)))));
        assertTrue(seq.getMessage().contains("sequence 1, not 2"), seq.getMessage());
    }

    @Test
    void resolved_fromDetected_isRefused_namingIncidentStateAndNextStep() {
        IllegalTransitionException e = refused(declaredSev1(), new EventPayload.Resolved("done", null));
        assertEquals("cannot record resolved on INC-0007 (detected): the lifecycle goes detected -> triaged -> "
                + "mitigating -> mitigated -> resolved -> closed; from detected the next step is triaged", e.getMessage());
        assertEquals(ID, e.incidentId());
        assertEquals(IncidentState.DETECTED, e.state());
        assertEquals("resolved", e.eventType());
    }

    @Test
    void mitigationApplied_beforeTriage_isRefused() {
        IllegalTransitionException e = refused(declaredSev1(),
                new EventPayload.MitigationApplied("rollback", "Roll back", true, null, null));
        assertTrue(e.getMessage().startsWith("cannot record mitigation_applied on INC-0007 (detected): "), e.getMessage());
        assertTrue(e.getMessage().contains("triage it first"), e.getMessage());
    }

    @Test
    void mitigated_beforeMitigating_isRefused_namingNextStep() {
        Builder b = declaredSev1().add(new EventPayload.SymptomNamed("slow"));
        IllegalTransitionException e = refused(b, new EventPayload.Mitigated("ok", 0.9999));
        assertTrue(e.getMessage().contains("(triaged)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("from triaged the next step is mitigating"), e.getMessage());
    }

    @Test
    void relapse_mitigatedBackToMitigating_isAllowed() {
        Builder b = declaredSev1().add(new EventPayload.SymptomNamed("slow"))
                .add(new EventPayload.MitigationApplied("scale", "Scale out", true, null, null))
                .add(new EventPayload.Mitigated("ok", 0.9999))
                .add(new EventPayload.MitigationApplied("flag", "Disable flag", true, null, null));
        assertEquals(IncidentState.MITIGATING, b.fold().state());
        // a second symptom while mitigating does not move the state back
        b.add(new EventPayload.SymptomNamed("also slow"));
        assertEquals(IncidentState.MITIGATING, b.fold().state());
        assertEquals("also slow", b.fold().symptom());
    }

    @Test
    void resolved_fromMitigated_offersResolvedOrMitigatingInError() {
        Builder b = declaredSev1().add(new EventPayload.SymptomNamed("slow"))
                .add(new EventPayload.MitigationApplied("scale", "Scale out", true, null, null))
                .add(new EventPayload.Mitigated("ok", 0.9999));
        IllegalTransitionException e = refused(b, new EventPayload.Mitigated("again", 1.0));
        assertTrue(e.getMessage().endsWith("from mitigated the next step is mitigating or resolved"), e.getMessage());
    }

    @Test
    void ack_withNoPage_isRefused() {
        IllegalTransitionException e = refused(declaredSev1(), new EventPayload.Acknowledged(null, "ana", 10));
        assertEquals("cannot record acknowledged on INC-0007 (detected): nothing to acknowledge: no page is open",
                e.getMessage());
    }

    @Test
    void secondAck_isRefused_namingWhoAcked() {
        Builder b = declaredSev1()
                .add(new EventPayload.Paged("L1", "ana", null, 1, "k", "recording"))
                .add(new EventPayload.Acknowledged("L1", "ana", 60));
        IllegalTransitionException e = refused(b, new EventPayload.Acknowledged("L1", "li", 90));
        assertTrue(e.getMessage().contains("already acknowledged by ana"), e.getMessage());
    }

    @Test
    void escalate_withoutOpenPage_isRefused() {
        IllegalTransitionException e = refused(declaredSev1(),
                new EventPayload.Escalated("L1", "L2", "li", 1, "no ack"));
        assertTrue(e.getMessage().contains("no unacknowledged page to escalate"), e.getMessage());
        IllegalTransitionException x = refused(declaredSev1(), new EventPayload.EscalationExhausted(2, "L3"));
        assertTrue(x.getMessage().contains("not climbing"), x.getMessage());
    }

    @Test
    void pagedEscalatedAcked_foldIntoPageState() {
        Builder b = declaredSev1()
                .add(new EventPayload.Paged("L1", "ana", null, 1, "k1", "recording"))
                .add(new EventPayload.Escalated("L1", "L2", "li", 1, "no ack"))
                .add(new EventPayload.Paged("L2", "li", null, 1, "k2", "recording"));
        PageState p = b.fold().paging();
        assertEquals(PageState.Status.PAGING, p.status());
        assertEquals("L2", p.level());
        assertEquals("li", p.target());
        assertEquals(T0.plus(Duration.ofMinutes(1)), p.firstPagedAt());
        assertEquals(T0.plus(Duration.ofMinutes(3)), p.lastPagedAt());
        assertEquals(1, p.escalations());
        b.add(new EventPayload.EscalationExhausted(1, "L2"));
        assertEquals(PageState.Status.EXHAUSTED, b.fold().paging().status());
        assertTrue(b.fold().paging().awaitingAck());
        b.add(new EventPayload.Acknowledged(null, "li", 300));
        PageState acked = b.fold().paging();
        assertEquals(PageState.Status.ACKED, acked.status());
        assertEquals("L2", acked.level());
        assertEquals(T0.plus(Duration.ofMinutes(5)), acked.ackedAt());
    }

    @Test
    void stepAcked_forRunbookNotStarted_isRefused() {
        IllegalTransitionException none = refused(declaredSev1(),
                new EventPayload.StepAcked("db-failover", "v1", 1, "Check replicas"));
        assertTrue(none.getMessage().contains("runbook db-failover was not started on this incident"), none.getMessage());
        Builder b = declaredSev1().add(new EventPayload.RunbookStarted("checkout-5xx", "Checkout", "v1", null, null, 3));
        IllegalTransitionException other = refused(b, new EventPayload.StepSkipped("db-failover", "v1", 2, "x", "n/a"));
        assertTrue(other.getMessage().contains("(the running runbook is checkout-5xx)"), other.getMessage());
        assertEquals(IncidentState.TRIAGED, b.fold().state());
    }

    @Test
    void secondDeclaration_isRefused() {
        IllegalTransitionException e = refused(declaredSev1(), declared(Severity.SEV2));
        assertTrue(e.getMessage().contains("already declared"), e.getMessage());
    }

    @Test
    void seqGap_andRepeat_areRefused() {
        Incident i = declaredSev1().fold();
        IllegalTransitionException gap = assertThrows(IllegalTransitionException.class,
                () -> i.apply(new TimelineEvent(ID, 3, T0, "ana", new EventPayload.Note("skipped 2"))));
        assertTrue(gap.getMessage().contains("expected sequence 2, got 3"), gap.getMessage());
        assertThrows(IllegalTransitionException.class,
                () -> i.apply(new TimelineEvent(ID, 1, T0, "ana", new EventPayload.Note("again 1"))));
        assertThrows(IllegalArgumentException.class,
                () -> i.apply(new TimelineEvent("INC-0008", 2, T0, "ana", new EventPayload.Note("other"))));
    }

    @Test
    void severityChanged_updatesSeverity() {
        Builder b = declaredSev1().add(new EventPayload.SeverityChanged(Severity.SEV1, Severity.SEV0, "all regions"));
        assertEquals(Severity.SEV0, b.fold().severity());
    }

    @Test
    void alertResolved_isKeptInEveryState_andChangesNothingElse() {
        EventPayload.AlertResolved quiet = new EventPayload.AlertResolved("CheckoutBurn", "c4b1a0f3",
                "2026-03-04T11:20:00Z");
        Builder open = declaredSev1()
                .add(new EventPayload.AlertFired("CheckoutBurn", "checkout-availability", Severity.SEV1, "page", null,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, "c4b1a0f3", null));
        Incident before = open.fold();
        Incident after = before.apply(open.next(quiet));
        assertEquals(IncidentState.DETECTED, after.state(), "a quiet alert does not resolve the incident");
        assertEquals(before.severity(), after.severity());
        assertEquals(before.lastSeq() + 1, after.lastSeq());

        Builder closed = fullLifecycle();
        Incident closedAfter = closed.fold().apply(closed.next(quiet));
        assertEquals(IncidentState.CLOSED, closedAfter.state(), "the alert may clear after people closed it");
    }

    @Test
    void afterClosed_onlyNotes() {
        Builder b = fullLifecycle();
        b.add(new EventPayload.Note("follow-up filed"));
        assertEquals(IncidentState.CLOSED, b.fold().state());
        List<EventPayload> refused = List.of(
                new EventPayload.AlertFired("fast", "slo", Severity.SEV1, "page", "1h/5m", 20, 20, 14.4, 0.5, "x"),
                new EventPayload.SeverityChanged(Severity.SEV1, Severity.SEV2, "x"),
                new EventPayload.Paged("L1", "ana", null, 1, "k", "recording"),
                new EventPayload.TicketOpened("T-1", "q", "s"),
                new EventPayload.RoleAssigned("scribe", "li"),
                new EventPayload.SymptomNamed("x"),
                new EventPayload.RunbookStarted("rb", "t", "v", null, null, 1),
                new EventPayload.StepAcked("checkout-5xx", "abc123", 2, "t"),
                new EventPayload.StepSkipped("checkout-5xx", "abc123", 3, "t", "r"),
                new EventPayload.MitigationApplied("m", "t", true, null, null),
                new EventPayload.SliObserved("slo", 0.99, 0.999, "5m"),
                new EventPayload.Mitigated("x", 1.0),
                new EventPayload.StatusUpdatePosted("internal", "x"),
                new EventPayload.Resolved("x", "y"),
                declared(Severity.SEV3));
        for (EventPayload p : refused) {
            IllegalTransitionException e = refused(b, p);
            assertTrue(e.getMessage().contains("INC-0007 (closed)"), e.getMessage());
            assertEquals(IncidentState.CLOSED, e.state());
        }
    }

    @Test
    void afterClosed_ackOrEscalationOfStaleUnackedPage_isRefused() {
        // paged, never acked, then mitigated and resolved: the page is stale, the incident is not open
        Builder b = declaredSev1()
                .add(new EventPayload.Paged("L1", "ana", null, 1, "k", "recording"))
                .add(new EventPayload.SymptomNamed("x"))
                .add(new EventPayload.MitigationApplied("m", "t", true, null, null))
                .add(new EventPayload.Mitigated("ok", 1.0))
                .add(new EventPayload.Resolved("ok", null))
                .add(new EventPayload.PostmortemPublished("pm.md", "v1"));
        assertEquals(IncidentState.CLOSED, b.fold().state());
        IllegalTransitionException ack = refused(b, new EventPayload.Acknowledged("L1", "ana", 600));
        assertTrue(ack.getMessage().contains("only notes can be added now"), ack.getMessage());
        IllegalTransitionException esc = refused(b, new EventPayload.Escalated("L1", "L2", "li", 1, "no ack"));
        assertTrue(esc.getMessage().contains("only notes can be added now"), esc.getMessage());
        IllegalTransitionException exh = refused(b, new EventPayload.EscalationExhausted(1, "L1"));
        assertTrue(exh.getMessage().contains("only notes can be added now"), exh.getMessage());
    }

    @Test
    void incidentState_nextSteps() {
        assertEquals(java.util.Set.of(IncidentState.TRIAGED), IncidentState.DETECTED.next());
        assertEquals(java.util.Set.of(IncidentState.RESOLVED, IncidentState.MITIGATING), IncidentState.MITIGATED.next());
        assertTrue(IncidentState.CLOSED.next().isEmpty());
        assertFalse(IncidentState.DETECTED.canMoveTo(IncidentState.RESOLVED));
        assertTrue(IncidentState.MITIGATED.isOpen());
        assertFalse(IncidentState.RESOLVED.isOpen());
    }

    @Test
    void severity_parse_andLabels() {
        assertEquals(Severity.SEV1, Severity.parse("Sev-1"));
        assertEquals(Severity.SEV2, Severity.parse("sev2"));
        assertEquals(Severity.SEV0, Severity.parse("S0"));
        assertEquals(Severity.SEV3, Severity.parse(" 3 "));
        assertEquals("Sev-2", Severity.SEV2.label());
        assertEquals("sev2", Severity.SEV2.id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Severity.parse("sev5"));
        assertTrue(e.getMessage().contains("'sev5'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Severity.parse(null));
    }
}
