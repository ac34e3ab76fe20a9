package dev.warroom.store;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Severity;
import java.util.List;

/** A whole incident lifecycle touching most event types, so round trips exercise every payload shape. */
final class SampleEvents {
    private SampleEvents() {
    }

    static EventPayload.IncidentDeclared declared(String title) {
        return new EventPayload.IncidentDeclared(title, Severity.SEV1, "checkout", "checkout-availability", false,
                null, "5xx above 2% — \"gateway\" says upstream reset");
    }

    static List<EventPayload> lifecycle() {
        return List.of(
                new EventPayload.AlertFired("CheckoutBurn", "checkout-availability", Severity.SEV1, "page", "1h/5m",
                        14.4, 15.1, 14.4, 0.73, "fast burn"),
                new EventPayload.Paged("primary", "alice", "alice@example.com", 1, "pk-1", "log"),
                new EventPayload.Escalated("primary", "secondary", "bob", 1, "no ack within 5m"),
                new EventPayload.Acknowledged("secondary", "bob", 420),
                new EventPayload.RoleAssigned("ic", "carol"),
                new EventPayload.SymptomNamed("502 from the gateway"),
                new EventPayload.RunbookStarted("checkout-5xx", "Checkout 5xx", "sha256:ab12", "runbooks/checkout.md",
                        null, 3),
                new EventPayload.StepAcked("checkout-5xx", "sha256:ab12", 1, "Check recent deploys"),
                new EventPayload.StepSkipped("checkout-5xx", "sha256:ab12", 2, "Scale out", "not CPU bound"),
                new EventPayload.MitigationApplied("rollback", "Roll back checkout", true, "checkout-5xx", 3),
                new EventPayload.SliObserved("checkout-availability", 0.9995, 0.999, "5m"),
                new EventPayload.Mitigated("errors back to baseline", 0.9995),
                new EventPayload.StatusUpdatePosted("internal", "Mitigated; watching"),
                new EventPayload.SeverityChanged(Severity.SEV1, Severity.SEV2, "contained"),
                new EventPayload.TicketOpened("OPS-17", "ops", "follow-up"),
                new EventPayload.Resolved("bad deploy rolled back", "feature flag default flipped"),
                new EventPayload.PostmortemPublished("docs/pm/INC-0001.md", "v1"),
                new EventPayload.Note("closed, ünïcødé kept"));
    }
}
