package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.InMemoryTimeline;
import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentState;
import dev.warroom.incident.Severity;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.store.StoreException;
import dev.warroom.store.WarroomStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookReceiverTest {
    static final String SECRET = "s3cret-for-tests";
    static final String FINGERPRINT = "c4b1a0f3d2e5a6b7";
    static final String RUNBOOK_URL = "https://runbooks.example.com/runbooks/provider-outage.md";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T11:00:00Z"), ZoneOffset.UTC);
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    // ---- bodies shaped like Alertmanager 0.25's

    static ObjectNode alert(String status, String fingerprint, Map<String, String> labels, Map<String, String> annotations) {
        ObjectNode a = JSON.createObjectNode();
        a.put("status", status);
        ObjectNode l = a.putObject("labels");
        labels.forEach(l::put);
        ObjectNode an = a.putObject("annotations");
        annotations.forEach(an::put);
        a.put("startsAt", "2026-03-04T10:59:30.123456789Z");
        a.put("endsAt", status.equals("firing") ? "0001-01-01T00:00:00Z" : "2026-03-04T11:20:00.5Z");
        a.put("generatorURL", "http://127.0.0.1:9090/graph?g0.expr=x");
        a.put("fingerprint", fingerprint);
        return a;
    }

    static ObjectNode providerAlert(String status) {
        return alert(status, FINGERPRINT, providerLabels(), providerAnnotations());
    }

    static Map<String, String> providerLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "ModelProviderErrors");
        labels.put("severity", "critical");
        labels.put("sloth_service", "chat-api");
        labels.put("sloth_slo", "chat-availability");
        labels.put("job", "warroom-mock");
        return labels;
    }

    static Map<String, String> providerAnnotations() {
        return Map.of("summary", "chat-api is burning its error budget 500x too fast",
                "description", "half of all completions fail", "runbook_url", RUNBOOK_URL);
    }

    static String notification(ObjectNode... alerts) {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", "4");
        n.put("groupKey", "{}:{alertname=\"ModelProviderErrors\"}");
        n.put("truncatedAlerts", 0);
        boolean anyFiring = false;
        for (ObjectNode a : alerts) {
            anyFiring |= a.path("status").asText().equals("firing");
        }
        n.put("status", anyFiring ? "firing" : "resolved");
        n.put("receiver", "warroom");
        n.putObject("groupLabels").put("alertname", "ModelProviderErrors");
        n.putObject("commonLabels");
        n.putObject("commonAnnotations");
        n.put("externalURL", "http://127.0.0.1:9093");
        ArrayNode list = n.putArray("alerts");
        for (ObjectNode a : alerts) {
            list.add(a);
        }
        return n.toString();
    }

    // ---- HTTP

    WebhookReceiver start(Timeline timeline) throws IOException {
        return start(timeline, new WebhookReceiver.Config(0, SECRET));
    }

    WebhookReceiver start(Timeline timeline, WebhookReceiver.Config config) throws IOException {
        receiver = WebhookReceiver.start(timeline, config);
        return receiver;
    }

    static HttpResponse<String> post(WebhookReceiver r, String authorization, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(r.url())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(WebhookReceiver r, String body) throws Exception {
        return post(r, "Bearer " + SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    static List<EventPayload> payloads(Timeline timeline, String incidentId) {
        return timeline.events(incidentId).stream().map(TimelineEvent::payload).toList();
    }

    // ---- start-up

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void config_withoutASecret_isRefused(String secret) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WebhookReceiver.Config(0, secret));
        assertTrue(e.getMessage().contains("shared secret"), e.getMessage());
    }

    @Test
    void bindsToLoopbackOnly_onThePortItReports() throws Exception {
        start(new InMemoryTimeline(CLOCK));
        InetAddress bound = receiver.address().getAddress();
        assertTrue(bound.isLoopbackAddress(), "bound to " + bound);
        assertEquals("127.0.0.1", bound.getHostAddress());
        assertTrue(receiver.port() > 0);
        assertEquals("http://127.0.0.1:" + receiver.port() + "/alertmanager", receiver.url());
        assertFalse(new WebhookReceiver.Config(0, SECRET).toString().contains(SECRET), "the secret is never printed");
    }

    // ---- refusals

    @Test
    void missingOrWrongSecret_is401_andRecordsNothing() throws Exception {
        Timeline timeline = new InMemoryTimeline(CLOCK);
        start(timeline);
        byte[] body = notification(providerAlert("firing")).getBytes(StandardCharsets.UTF_8);
        for (String auth : new String[] {null, "Bearer wrong", "Bearer " + SECRET + "x", "Bearer", "bearer " + SECRET,
                "Basic " + SECRET, SECRET}) {
            HttpResponse<String> r = post(receiver, auth, body);
            assertEquals(401, r.statusCode(), "Authorization: " + auth);
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            assertFalse(r.body().contains(SECRET), r.body());
        }
        assertEquals(List.of(), timeline.incidents());
    }

    @Test
    void oversizedBody_is413_whetherItsLengthIsDeclaredOrNot() throws Exception {
        Timeline timeline = new InMemoryTimeline(CLOCK);
        start(timeline, new WebhookReceiver.Config(0, "/alertmanager", SECRET, 4096));
        ObjectNode big = providerAlert("firing");
        ((ObjectNode) big.get("annotations")).put("description", "x".repeat(5000));
        byte[] body = notification(big).getBytes(StandardCharsets.UTF_8);

        assertEquals(413, post(receiver, "Bearer " + SECRET, body).statusCode());
        // without Content-Length (chunked), the cap applies while reading
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(receiver.url()))
                .header("Authorization", "Bearer " + SECRET)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        assertEquals(413, HTTP.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(List.of(), timeline.incidents());
        // just under the limit is fine
        assertEquals(200, post(receiver, notification(providerAlert("firing"))).statusCode());
    }

    @Test
    void malformedJson_is400_namingLineAndColumn() throws Exception {
        start(new InMemoryTimeline(CLOCK));
        HttpResponse<String> r = post(receiver, "{\n  \"version\": \"4\",\n  \"alerts\": [}\n");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().startsWith("malformed JSON at line 3, column "), r.body());
    }

    @Test
    void wrongShapes_are400_namingTheField() throws Exception {
        Timeline timeline = new InMemoryTimeline(CLOCK);
        start(timeline);
        String good = notification(providerAlert("firing"), alert("firing", "0123abcd", Map.of("alertname", "Other"),
                Map.of()));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(good.replace("\"version\":\"4\"", "\"version\":\"3\""), "field 'version' is \"3\"");
        cases.put(good.replace("\"version\":\"4\"", "\"version\":4"), "field 'version' must be the string \"4\"");
        cases.put(good.replace("\"version\":\"4\",", ""), "field 'version' must be the string \"4\", got nothing");
        cases.put(good.replace("\"alerts\":[", "\"alerts\":{\"x\":[").replaceAll("]}$", "]}}"),
                "field 'alerts' must be a list");
        cases.put(good.replace("\"status\":\"firing\",\"labels\":{\"alertname\":\"Other\"}",
                "\"status\":\"burning\",\"labels\":{\"alertname\":\"Other\"}"), "field 'alerts[1].status'");
        cases.put(good.replace("\"fingerprint\":\"0123abcd\"", "\"fingerprint\":\"not hex!\""),
                "field 'alerts[1].fingerprint'");
        cases.put(good.replace(",\"fingerprint\":\"0123abcd\"", ""), "field 'alerts[1].fingerprint' must be");
        cases.put(good.replace("\"severity\":\"critical\"", "\"severity\":1"), "field 'alerts[0].labels.severity' must be a string");
        cases.put(good.replace("\"startsAt\":\"2026-03-04T10:59:30.123456789Z\"", "\"startsAt\":\"yesterday\""),
                "field 'alerts[0].startsAt' must be an RFC 3339 time");
        cases.put("[]", "expected a JSON object");
        cases.put("", "empty body");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> r = post(receiver, c.getKey());
            assertEquals(400, r.statusCode(), c.getKey());
            assertTrue(r.body().contains(c.getValue()), "expected '" + c.getValue() + "' in: " + r.body());
        }
        assertEquals(List.of(), timeline.incidents(), "a refused notification is refused whole");
    }

    @Test
    void otherMethodsAndPaths_areRefused() throws Exception {
        start(new InMemoryTimeline(CLOCK));
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(receiver.url()))
                .header("Authorization", "Bearer " + SECRET).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> elsewhere = HTTP.send(HttpRequest.newBuilder(URI.create(receiver.url() + "/x"))
                .header("Authorization", "Bearer " + SECRET).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, elsewhere.statusCode());
    }

    // ---- what notifications do

    @Test
    void firing_declaresAnIncidentFromTheLabels_andRecordsTheAlertWithItsRunbookUrl() throws Exception {
        Timeline timeline = new InMemoryTimeline(CLOCK);
        start(timeline);
        HttpResponse<String> r = post(receiver, notification(providerAlert("firing")));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("declared", JSON.readTree(r.body()).at("/alerts/0/action").asText());

        Incident incident = timeline.incidents().get(0);
        assertEquals("chat-api is burning its error budget 500x too fast", incident.title());
        assertEquals(Severity.SEV1, incident.severity());
        assertEquals("chat-api", incident.service(), "sloth_service beats job");
        assertEquals("chat-availability", incident.slo());
        assertFalse(incident.drill());
        assertEquals(IncidentState.DETECTED, incident.state());

        List<TimelineEvent> events = timeline.events(incident.id());
        assertEquals(2, events.size());
        assertEquals(WebhookIntake.ACTOR, events.get(0).actor());
        EventPayload.IncidentDeclared declared = (EventPayload.IncidentDeclared) events.get(0).payload();
        assertEquals("half of all completions fail", declared.summary());
        EventPayload.AlertFired fired = (EventPayload.AlertFired) events.get(1).payload();
        assertEquals("ModelProviderErrors", fired.alert());
        assertEquals(FINGERPRINT, fired.fingerprint());
        assertEquals(RUNBOOK_URL, fired.runbookUrl());
        assertEquals(Severity.SEV1, fired.severity());
        assertEquals("page", fired.action());
        assertEquals("chat-availability", fired.slo());
        assertTrue(Double.isNaN(fired.longBurn()), "the webhook carries no burn numbers");
    }

    @Test
    void firingTwice_opensOneIncident_andRecordsNothingTheSecondTime() throws Exception {
        Timeline timeline = new InMemoryTimeline(CLOCK);
        start(timeline);
        String body = notification(providerAlert("firing"));
        assertEquals(200, post(receiver, body).statusCode());
        HttpResponse<String> again = post(receiver, body);
        assertEquals(200, again.statusCode());
        assertEquals("already_open", JSON.readTree(again.body()).at("/alerts/0/action").asText());
        assertEquals(1, timeline.incidents().size());
        assertEquals(2, timeline.events(timeline.incidents().get(0).id()).size());
    }

    @Test
    void titleFallsBackToTitleAnnotationThenAlertName_andServiceToJob() throws Exception {
        Timeline timeline = new InMemoryTimeline(CLOCK);
        start(timeline);
        post(receiver, notification(
                alert("firing", "01", Map.of("alertname", "DiskFull", "severity", "warning", "job", "node"),
                        Map.of("title", "Disk almost full")),
                alert("firing", "02", Map.of("alertname", "QueueLag", "severity", "sev2", "service", "billing",
                        "slo", "billing-latency"), Map.of())));
        Map<String, Incident> byTitle = new LinkedHashMap<>();
        timeline.incidents().forEach(i -> byTitle.put(i.title(), i));
        assertEquals(Severity.SEV3, byTitle.get("Disk almost full").severity());
        assertEquals("node", byTitle.get("Disk almost full").service());
        assertNull(byTitle.get("Disk almost full").slo());
        assertEquals("billing", byTitle.get("QueueLag").service());
        assertEquals("billing-latency", byTitle.get("QueueLag").slo());
        EventPayload.AlertFired ticket = (EventPayload.AlertFired) payloads(timeline, byTitle.get("Disk almost full").id())
                .get(1);
        assertEquals("ticket", ticket.action());
        assertNull(ticket.runbookUrl());
    }

    @Test
    void unknownSeverity_declaresSev2_andSaysSoInANote() throws Exception {
        Timeline timeline = new InMemoryTimeline(CLOCK);
        start(timeline);
        post(receiver, notification(alert("firing", "0abc", Map.of("alertname", "Weird", "severity", "urgent"), Map.of())));
        Incident incident = timeline.incidents().get(0);
        assertEquals(Severity.SEV2, incident.severity());
        List<EventPayload> events = payloads(timeline, incident.id());
        assertEquals(3, events.size());
        assertTrue(((EventPayload.Note) events.get(2)).text().contains("severity=urgent"), events.get(2).toString());
    }

    @Test
    void resolved_recordsAlertResolved_leavesTheIncidentOpen_andIsNotRecordedTwice() throws Exception {
        Timeline timeline = new InMemoryTimeline(CLOCK);
        start(timeline);
        post(receiver, notification(providerAlert("firing")));
        String id = timeline.incidents().get(0).id();

        HttpResponse<String> r = post(receiver, notification(providerAlert("resolved")));
        assertEquals(200, r.statusCode());
        assertEquals("resolved", JSON.readTree(r.body()).at("/alerts/0/action").asText());
        List<EventPayload> events = payloads(timeline, id);
        assertEquals(new EventPayload.AlertResolved("ModelProviderErrors", FINGERPRINT, "2026-03-04T11:20:00.500Z"),
                events.get(2));
        assertEquals(IncidentState.DETECTED, timeline.require(id).state(), "people resolve incidents, not alerts");

        HttpResponse<String> again = post(receiver, notification(providerAlert("resolved")));
        assertEquals("already_resolved", JSON.readTree(again.body()).at("/alerts/0/action").asText());
        assertEquals(3, timeline.events(id).size());
    }

    @Test
    void firingAgainAfterResolved_recordsOnTheSameOpenIncident() throws Exception {
        Timeline timeline = new InMemoryTimeline(CLOCK);
        start(timeline);
        post(receiver, notification(providerAlert("firing")));
        post(receiver, notification(providerAlert("resolved")));
        HttpResponse<String> r = post(receiver, notification(providerAlert("firing")));
        assertEquals("fired_again", JSON.readTree(r.body()).at("/alerts/0/action").asText());
        assertEquals(1, timeline.incidents().size());
        List<EventPayload> events = payloads(timeline, timeline.incidents().get(0).id());
        assertEquals(List.of("incident_declared", "alert_fired", "alert_resolved", "alert_fired"),
                events.stream().map(EventPayload::type).toList());
    }

    @Test
    void resolvedAlertNeverSeenFiring_recordsNothing() throws Exception {
        Timeline timeline = new InMemoryTimeline(CLOCK);
        start(timeline);
        HttpResponse<String> r = post(receiver, notification(providerAlert("resolved")));
        assertEquals(200, r.statusCode(), "retrying cannot help, so it is not a failure");
        assertEquals("unknown_alert", JSON.readTree(r.body()).at("/alerts/0/action").asText());
        assertEquals(List.of(), timeline.incidents());
    }

    @Test
    void firingAfterPeopleResolvedTheIncident_opensANewOne() throws Exception {
        Timeline timeline = new InMemoryTimeline(CLOCK);
        start(timeline);
        post(receiver, notification(providerAlert("firing")));
        String first = timeline.incidents().get(0).id();
        timeline.recordAll(first, "ana", List.of(new EventPayload.SymptomNamed("503s"),
                new EventPayload.MitigationApplied("fail-over-provider", "Fail over", true, null, null),
                new EventPayload.Mitigated("back under objective", 0.9995),
                new EventPayload.Resolved("provider recovered", null)));
        post(receiver, notification(providerAlert("firing")));
        assertEquals(2, timeline.incidents().size());
        assertTrue(timeline.require(first).state() == IncidentState.RESOLVED);
    }

    // ---- store failures

    /** A timeline whose store fails on chosen writes, without writing anything on those. */
    static final class FailingTimeline implements Timeline {
        private final Timeline delegate;
        private final AtomicInteger writes = new AtomicInteger();
        private volatile int failFrom = Integer.MAX_VALUE;
        private volatile int failUntil = Integer.MAX_VALUE;

        FailingTimeline(Timeline delegate) {
            this.delegate = delegate;
        }

        /** The {@code n}th write from now (1 = the next) fails, and so does every one after it until {@link #heal}. */
        void failFromWrite(int n) {
            failFrom = writes.get() + n;
            failUntil = Integer.MAX_VALUE;
        }

        void heal() {
            failUntil = writes.get();
        }

        private void write() {
            int n = writes.incrementAndGet();
            if (n >= failFrom && n <= failUntil) {
                throw new StoreException("test.mv.db", "cannot record events in the Warroom store test.mv.db:"
                        + " disk I/O error (write " + n + ")", null);
            }
        }

        @Override
        public Incident declare(String actor, EventPayload.IncidentDeclared declared) {
            write();
            return delegate.declare(actor, declared);
        }

        @Override
        public TimelineEvent record(String incidentId, String actor, EventPayload payload) {
            write();
            return delegate.record(incidentId, actor, payload);
        }

        @Override
        public List<TimelineEvent> recordAll(String incidentId, String actor, List<? extends EventPayload> payloads) {
            write();
            return delegate.recordAll(incidentId, actor, payloads);
        }

        @Override
        public List<TimelineEvent> events(String incidentId) {
            return delegate.events(incidentId);
        }

        @Override
        public Optional<Incident> incident(String incidentId) {
            return delegate.incident(incidentId);
        }

        @Override
        public List<Incident> incidents() {
            return delegate.incidents();
        }
    }

    @Test
    void storeFailsOnDeclare_is503_andTheRetryDeclaresOnce() throws Exception {
        FailingTimeline timeline = new FailingTimeline(new InMemoryTimeline(CLOCK));
        start(timeline);
        timeline.failFromWrite(1);
        String body = notification(providerAlert("firing"));
        HttpResponse<String> failed = post(receiver, body);
        assertEquals(503, failed.statusCode());
        assertTrue(failed.body().contains("not every alert was recorded"), failed.body());
        assertTrue(failed.body().contains("disk I/O error"), failed.body());
        assertEquals(List.of(), timeline.incidents());

        timeline.heal();
        assertEquals(200, post(receiver, body).statusCode());
        assertEquals(1, timeline.incidents().size());
    }

    @Test
    void storeFailsBetweenDeclarationAndAlert_is503_andTheRetryCompletesTheSameIncident() throws Exception {
        FailingTimeline timeline = new FailingTimeline(new InMemoryTimeline(CLOCK));
        start(timeline);
        timeline.failFromWrite(2);
        String body = notification(providerAlert("firing"));
        HttpResponse<String> failed = post(receiver, body);
        assertEquals(503, failed.statusCode(), "the declaration alone is not reported as recorded");
        assertEquals(1, timeline.incidents().size(), "the declaration was committed before the failure");
        assertEquals(1, timeline.events(timeline.incidents().get(0).id()).size());

        timeline.heal();
        HttpResponse<String> retried = post(receiver, body);
        assertEquals(200, retried.statusCode());
        assertEquals("completed", JSON.readTree(retried.body()).at("/alerts/0/action").asText());
        assertEquals(1, timeline.incidents().size(), "the retry must not declare a second incident");
        List<EventPayload> events = payloads(timeline, timeline.incidents().get(0).id());
        assertEquals(List.of("incident_declared", "alert_fired"), events.stream().map(EventPayload::type).toList());

        assertEquals(200, post(receiver, body).statusCode());
        assertEquals(2, timeline.events(timeline.incidents().get(0).id()).size());
    }

    @Test
    void storeFailsOnTheSecondAlert_is503_andTheRetryAddsOnlyWhatIsMissing() throws Exception {
        FailingTimeline timeline = new FailingTimeline(new InMemoryTimeline(CLOCK));
        start(timeline);
        timeline.failFromWrite(3);
        String body = notification(providerAlert("firing"),
                alert("firing", "0badc0de", Map.of("alertname", "QueueLag", "severity", "warning"), Map.of()));
        assertEquals(503, post(receiver, body).statusCode());
        assertEquals(1, timeline.incidents().size());

        timeline.heal();
        HttpResponse<String> retried = post(receiver, body);
        assertEquals(200, retried.statusCode());
        assertEquals(List.of("already_open", "declared"), List.of(JSON.readTree(retried.body()).at("/alerts/0/action").asText(),
                JSON.readTree(retried.body()).at("/alerts/1/action").asText()));
        assertEquals(2, timeline.incidents().size());
    }

    @Test
    void closedStore_is503_namingTheStore(@TempDir Path dir) throws Exception {
        WarroomStore store = WarroomStore.openH2(dir.resolve("warroom"));
        Timeline timeline = store.timeline(CLOCK);
        start(timeline);
        store.close();
        HttpResponse<String> r = post(receiver, notification(providerAlert("firing")));
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("is closed"), r.body());
        assertTrue(r.body().contains(store.location()), r.body());

        try (WarroomStore reopened = WarroomStore.openH2(dir.resolve("warroom"))) {
            assertEquals(List.of(), reopened.timeline(CLOCK).incidents(), "nothing half-written");
        }
    }

    @Test
    void h2Store_recordsTheIncidentDurably(@TempDir Path dir) throws Exception {
        try (WarroomStore store = WarroomStore.openH2(dir.resolve("warroom"))) {
            start(store.timeline(CLOCK));
            assertEquals(200, post(receiver, notification(providerAlert("firing"))).statusCode());
            receiver.close();
            receiver = null;
        }
        try (WarroomStore reopened = WarroomStore.openH2(dir.resolve("warroom"))) {
            Timeline timeline = reopened.timeline(CLOCK);
            Incident incident = timeline.incidents().get(0);
            EventPayload.AlertFired fired = (EventPayload.AlertFired) payloads(timeline, incident.id()).get(1);
            assertEquals(FINGERPRINT, fired.fingerprint());
            assertEquals(RUNBOOK_URL, fired.runbookUrl());
        }
    }
}
