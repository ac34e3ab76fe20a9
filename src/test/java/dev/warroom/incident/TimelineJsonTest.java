package dev.warroom.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineJsonTest {
    private static final Instant AT = Instant.parse("2026-03-04T11:00:00.250Z");

    /** One payload of every type, keyed by the JSON name it must have. */
    static Map<String, EventPayload> everyPayload() {
        Map<String, EventPayload> m = new LinkedHashMap<>();
        m.put("incident_declared", new EventPayload.IncidentDeclared("Checkout errors", Severity.SEV1, "checkout",
                "checkout-availability", true, "bad-deploy", "5xx"));
        m.put("alert_fired", new EventPayload.AlertFired("fast-burn", "checkout-availability", Severity.SEV1, "page",
                "1h/5m", 16.2, 17.5, 14.4, 0.97, "Sev-1 page: burning 16.2x", "c4b1a0f3d2e5a6b7",
                "https://runbooks.example.com/runbooks/checkout-5xx.md"));
        m.put("alert_resolved", new EventPayload.AlertResolved("CheckoutBurn", "c4b1a0f3d2e5a6b7",
                "2026-03-04T11:20:00.123Z"));
        m.put("severity_changed", new EventPayload.SeverityChanged(Severity.SEV1, Severity.SEV0, "all regions"));
        m.put("paged", new EventPayload.Paged("L1", "ana", "ana@oncall.example", 1, "INC-0001/L1/1", "recording"));
        m.put("escalated", new EventPayload.Escalated("L1", "L2", "li", 1, "no ack from L1 ana within 5m"));
        m.put("escalation_exhausted", new EventPayload.EscalationExhausted(2, "L3"));
        m.put("acknowledged", new EventPayload.Acknowledged("L2", "li", 420));
        m.put("ticket_opened", new EventPayload.TicketOpened("TICKET-0001", "on-call", "Sev-3 slow"));
        m.put("role_assigned", new EventPayload.RoleAssigned("incident_commander", "ana"));
        m.put("symptom_named", new EventPayload.SymptomNamed("5xx on /pay"));
        m.put("runbook_started", new EventPayload.RunbookStarted("checkout-5xx", "Checkout 5xx", "sha256:abc",
                "runbooks/checkout-5xx.md", "0123abcd", 4));
        m.put("step_acked", new EventPayload.StepAcked("checkout-5xx", "sha256:abc", 1, "Check deploys"));
        m.put("step_skipped", new EventPayload.StepSkipped("checkout-5xx", "sha256:abc", 2, "Page DBA", "not a DB issue"));
        m.put("step_failed", new EventPayload.StepFailed("checkout-5xx", "sha256:abc", 3, "Roll back", "rollback job timed out"));
        m.put("step_verified", new EventPayload.StepVerified("checkout-5xx", "sha256:abc", 3, "sli >= 0.95", 0.97, true));
        m.put("mitigation_applied", new EventPayload.MitigationApplied("rollback", "Roll back", true, "checkout-5xx", 3));
        m.put("sli_observed", new EventPayload.SliObserved("checkout-availability", 0.9987, 0.999, "5m"));
        m.put("mitigated", new EventPayload.Mitigated("SLI above objective for 15m", 0.9995));
        m.put("status_update_posted", new EventPayload.StatusUpdatePosted("customers", "We are investigating"));
        m.put("note", new EventPayload.Note("ünïcödé \"quoted\" and\nnewline"));
        m.put("resolved", new EventPayload.Resolved("rolled back", "bad config push"));
        m.put("postmortem_published", new EventPayload.PostmortemPublished("docs/pm/INC-0001.md", "v2"));
        return m;
    }

    private static List<TimelineEvent> timeline() {
        List<TimelineEvent> events = new ArrayList<>();
        long seq = 1;
        for (EventPayload p : everyPayload().values()) {
            events.add(new TimelineEvent("INC-0001", seq, AT.plusSeconds(seq), seq % 2 == 0 ? "ana" : "warroom/slo-policy", p));
            seq++;
        }
        return events;
    }

    @Test
    void eventTypeNames_areExactlyTheDocumentedOnes() {
        List<String> expected = List.of("incident_declared", "alert_fired", "alert_resolved", "severity_changed", "paged", "escalated",
                "escalation_exhausted", "acknowledged", "ticket_opened", "role_assigned", "symptom_named",
                "runbook_started", "step_acked", "step_skipped", "step_failed", "step_verified", "mitigation_applied", "sli_observed", "mitigated",
                "status_update_posted", "note", "resolved", "postmortem_published");
        everyPayload().forEach((name, payload) -> assertEquals(name, payload.type()));
        assertEquals(expected, List.copyOf(everyPayload().keySet()));
        // every permitted subtype of the sealed interface is covered
        assertEquals(EventPayload.class.getPermittedSubclasses().length, everyPayload().size());
    }

    @Test
    void everyPayloadType_roundTripsThroughToJsonFromJson() {
        List<TimelineEvent> events = timeline();
        String json = TimelineJson.toJson(events);
        assertEquals(events, TimelineJson.fromJson(json));
    }

    @Test
    void everyPayloadType_roundTripsAlone() {
        for (EventPayload p : everyPayload().values()) {
            assertEquals(p, TimelineJson.payloadFromJson(TimelineJson.payloadToJson(p)), p.type());
        }
    }

    @Test
    void exportedEvent_isFlatObject_withEnvelopeFields() throws Exception {
        TimelineEvent e = new TimelineEvent("INC-0001", 4, AT, "ana",
                new EventPayload.Paged("L1", "ana", "ana@oncall.example", 1, "INC-0001/L1/1", "recording"));
        JsonNode node = new ObjectMapper().readTree(TimelineJson.toJson(List.of(e))).get(0);
        assertEquals("INC-0001", node.get("incident").asText());
        assertEquals(4, node.get("seq").asLong());
        assertTrue(node.get("seq").isIntegralNumber());
        assertEquals("paged", node.get("type").asText());
        assertEquals("2026-03-04T11:00:00.250Z", node.get("at").asText());
        assertEquals("ana", node.get("actor").asText());
        assertEquals("L1", node.get("level").asText());
        assertEquals(1, node.get("cycle").asInt());
        assertFalse(node.has("payload"), "payload fields are inlined, not nested");
        for (JsonNode field : node) {
            assertTrue(field.isValueNode(), "flat: no nested objects, got " + field);
        }
        assertEquals(List.of("incident", "seq", "type", "at", "actor", "level", "target", "contact", "cycle",
                "pageKey", "pager"), iterator(node));
        assertTrue(TimelineJson.toJson(List.of(e)).endsWith("\n"));
    }

    private static List<String> iterator(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void nullFields_areOmitted_andReadBackAsNull() {
        TimelineEvent e = new TimelineEvent("INC-0002", 2, AT, "ana",
                new EventPayload.MitigationApplied("rollback", "Roll back", false, null, null));
        JsonNode node = TimelineJson.toNode(e);
        assertFalse(node.has("runbook"));
        assertFalse(node.has("step"));
        assertEquals(e, TimelineJson.fromNode(node));
    }

    @Test
    void nanDoubles_survive() {
        EventPayload.AlertFired alert = new EventPayload.AlertFired("fast", "slo", Severity.SEV1, "page", "1h/5m",
                Double.NaN, Double.NaN, 14.4, Double.NaN, "no data");
        EventPayload.SliObserved sli = new EventPayload.SliObserved("slo", Double.NaN, 0.999, "5m");
        List<TimelineEvent> events = List.of(new TimelineEvent("INC-0003", 2, AT, "warroom", alert),
                new TimelineEvent("INC-0003", 3, AT, "warroom", sli));
        List<TimelineEvent> back = TimelineJson.fromJson(TimelineJson.toJson(events));
        EventPayload.AlertFired a = (EventPayload.AlertFired) back.get(0).payload();
        assertTrue(Double.isNaN(a.longBurn()));
        assertTrue(Double.isNaN(a.budgetRemaining()));
        assertEquals(14.4, a.factor());
        assertTrue(Double.isNaN(((EventPayload.SliObserved) back.get(1).payload()).sli()));
    }

    @Test
    void alertFired_storedBeforeFingerprintsExisted_stillReads() {
        // the exact payload column of a store written before alerts carried a fingerprint or runbook URL
        String stored = "{\"type\":\"alert_fired\",\"alert\":\"fast-burn\",\"slo\":\"checkout-availability\","
                + "\"severity\":\"sev1\",\"action\":\"page\",\"window\":\"1h/5m\",\"longBurn\":16.2,"
                + "\"shortBurn\":17.5,\"factor\":14.4,\"budgetRemaining\":0.97,\"explanation\":\"burning\"}";
        EventPayload.AlertFired a = (EventPayload.AlertFired) TimelineJson.payloadFromJson(stored);
        assertEquals(new EventPayload.AlertFired("fast-burn", "checkout-availability", Severity.SEV1, "page", "1h/5m",
                16.2, 17.5, 14.4, 0.97, "burning"), a);
        assertEquals(null, a.fingerprint());
        assertEquals(null, a.runbookUrl());
        // and the policy's alerts keep writing the same JSON: no null fields appear
        assertEquals(stored, TimelineJson.payloadToJson(a));
    }

    @Test
    void alertFired_fromAlertmanager_keepsFingerprintAndRunbookUrl() {
        EventPayload.AlertFired a = new EventPayload.AlertFired("ModelProviderErrors", "chat-availability",
                Severity.SEV1, "page", null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, "0123abcd",
                "https://runbooks.example.com/provider-outage.md");
        JsonNode node = TimelineJson.toNode(new TimelineEvent("INC-0004", 2, AT, "alertmanager", a));
        assertEquals("0123abcd", node.get("fingerprint").asText());
        assertEquals("https://runbooks.example.com/provider-outage.md", node.get("runbookUrl").asText());
        EventPayload.AlertFired back = (EventPayload.AlertFired) TimelineJson.fromNode(node).payload();
        assertEquals("0123abcd", back.fingerprint());
        assertEquals(a.runbookUrl(), back.runbookUrl());
        assertTrue(Double.isNaN(back.longBurn()));
    }

    @Test
    void severity_isWrittenAsItsId() {
        JsonNode node = TimelineJson.toNode(new TimelineEvent("INC-0001", 2, AT, "ana",
                new EventPayload.SeverityChanged(Severity.SEV2, Severity.SEV1, "worse")));
        assertEquals("sev2", node.get("from").asText());
        assertEquals("sev1", node.get("to").asText());
    }

    @Test
    void badJson_errorsAreIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> TimelineJson.fromJson("[{"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimelineJson.payloadFromJson("{\"type\":\"launched_rocket\"}"));
        assertTrue(e.getMessage().contains("launched_rocket"), e.getMessage());
    }
}
