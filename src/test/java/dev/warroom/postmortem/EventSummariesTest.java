package dev.warroom.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Severity;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventSummariesTest {

    static Stream<Arguments> oneLinePerEventType() {
        return Stream.of(
                Arguments.of(new EventPayload.IncidentDeclared("Checkout 503s", Severity.SEV1, "checkout",
                        "checkout-availability", false, null, null), "declared Sev-1: Checkout 503s (checkout-availability)"),
                Arguments.of(new EventPayload.IncidentDeclared("Disk full", Severity.SEV2, "db", null, false, null, null),
                        "declared Sev-2: Disk full (db)"),
                Arguments.of(new EventPayload.AlertFired("checkout-fast-burn", "checkout-availability", Severity.SEV1,
                        "page", "1h/5m", 16.2, 14.1, 14.4, 0.71, "burning"),
                        "alert checkout-fast-burn on checkout-availability: burn 16.2x / 14.1x over 1h/5m,"
                                + " budget left 71% -> Sev-1"),
                Arguments.of(new EventPayload.AlertFired("ModelProviderErrors", "chat-availability", Severity.SEV1,
                        "page", null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, "c4b1a0f3d2e5a6b7",
                        "https://runbooks.example.com/provider-outage.md"),
                        "alert ModelProviderErrors on chat-availability from Alertmanager -> Sev-1,"
                                + " runbook https://runbooks.example.com/provider-outage.md"),
                Arguments.of(new EventPayload.AlertResolved("ModelProviderErrors", "c4b1a0f3d2e5a6b7",
                        "2026-03-04T11:20:00Z"), "alert ModelProviderErrors stopped firing at 2026-03-04T11:20:00Z"),
                Arguments.of(new EventPayload.AlertResolved("ModelProviderErrors", "c4b1a0f3d2e5a6b7", null),
                        "alert ModelProviderErrors stopped firing"),
                Arguments.of(new EventPayload.SeverityChanged(Severity.SEV2, Severity.SEV1, "all regions"),
                        "Sev-2 -> Sev-1: all regions"),
                Arguments.of(new EventPayload.Paged("L1", "ana", "ana@oncall.example", 1, "k", "log"),
                        "paged L1 ana (ana@oncall.example)"),
                Arguments.of(new EventPayload.Paged("L1", "ana", null, 2, "k", "log"), "paged L1 ana, repeat 1"),
                Arguments.of(new EventPayload.Escalated("L1", "L2", "li", 1, "no ack from L1 ana within 5m"),
                        "escalated L1 -> L2 li: no ack from L1 ana within 5m"),
                Arguments.of(new EventPayload.EscalationExhausted(2, "L3"),
                        "nobody acked: ladder exhausted at L3 after 2 passes"),
                Arguments.of(new EventPayload.Acknowledged("L1", "ana", 252), "acknowledged by ana (L1), 4m12s after declaration"),
                Arguments.of(new EventPayload.TicketOpened("TICKET-0007", null, null), "ticket TICKET-0007"),
                Arguments.of(new EventPayload.RoleAssigned("incident commander", "ana"), "ana is incident commander"),
                Arguments.of(new EventPayload.SymptomNamed("503s\non quote"), "symptom: 503s on quote"),
                Arguments.of(new EventPayload.RunbookStarted("provider-outage", null, null, null, null, 0),
                        "runbook provider-outage"),
                Arguments.of(new EventPayload.StepAcked("provider-outage", "v", 2, "Enable the response cache"),
                        "step 2 done: Enable the response cache"),
                Arguments.of(new EventPayload.StepSkipped("provider-outage", "v", 3, "Shed traffic", "SLI recovered"),
                        "step 3 skipped: Shed traffic — SLI recovered"),
                Arguments.of(new EventPayload.StepFailed("provider-outage", "v", 2, "Fail over", "fallback also 503"),
                        "step 2 FAILED: Fail over — fallback also 503"),
                Arguments.of(new EventPayload.StepVerified("provider-outage", "v", 2, "sli >= 0.85", 0.8512, true),
                        "step 2 check passed: sli >= 0.85 (observed 0.8512)"),
                Arguments.of(new EventPayload.StepVerified("provider-outage", "v", 2, "sli >= 0.85", Double.NaN, false),
                        "step 2 check not yet: sli >= 0.85 (no data)"),
                Arguments.of(new EventPayload.MitigationApplied("cache", null, false, null, null),
                        "mitigation cache (one-way)"),
                Arguments.of(new EventPayload.SliObserved("checkout-availability", 0.851, 0.999, null),
                        "SLI 85.1% (objective 99.9%)"),
                Arguments.of(new EventPayload.SliObserved("checkout-availability", 0.99949, 0.9995, "5m"),
                        "SLI 99.94% (objective 99.95%, 5m window)"),
                Arguments.of(new EventPayload.Mitigated("error ratio under 1%", 0.9991),
                        "mitigated at SLI 99.91%: error ratio under 1%"),
                Arguments.of(new EventPayload.StatusUpdatePosted("stakeholders", "fallback provider live"),
                        "status update to stakeholders: fallback provider live"),
                Arguments.of(new EventPayload.Note("looking at the provider status page"),
                        "note: looking at the provider status page"),
                Arguments.of(new EventPayload.Resolved("provider recovered", "expired TLS certificate"),
                        "resolved: provider recovered; root cause: expired TLS certificate"),
                Arguments.of(new EventPayload.PostmortemPublished("postmortems/INC-0003.md", "1"),
                        "postmortem published at postmortems/INC-0003.md"));
    }

    @ParameterizedTest
    @MethodSource
    void oneLinePerEventType(EventPayload payload, String expected) {
        String line = EventSummaries.summarize(payload);

        assertEquals(expected, line);
        assertFalse(line.contains("null"), line);
        assertFalse(line.contains("\n"), line);
    }
}
