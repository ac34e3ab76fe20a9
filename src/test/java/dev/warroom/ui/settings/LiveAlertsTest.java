package dev.warroom.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.console.ConsoleServices;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's webhook, Alertmanager poll and Grafana annotations as {@link LiveAlerts} runs them
 * for a console built like the app's: incidents that Alertmanager's notifications open are in the
 * console's own timeline; a request without the shared secret opens nothing; a port in use is said,
 * not thrown; and with annotations on, declaring an incident posts it to Grafana.
 */
class LiveAlertsTest {
    private static final String SECRET = "hook-secret-5d2e";
    private static final String GRAFANA_TOKEN = "glsa_test_token_81c4";
    private static final String RUNBOOK_URL = "https://runbooks.example.com/runbooks/provider-outage.md";
    /** A firing notification as Alertmanager 0.25 sends it (reference/apis.md 2.1). */
    private static final String NOTIFICATION = """
            {"version": "4", "groupKey": "{}:{alertname=\\"ModelProviderErrors\\"}", "truncatedAlerts": 0,
             "status": "firing", "receiver": "warroom",
             "groupLabels": {"alertname": "ModelProviderErrors"},
             "commonLabels": {"alertname": "ModelProviderErrors", "severity": "critical"},
             "commonAnnotations": {},
             "externalURL": "http://127.0.0.1:9093",
             "alerts": [{"status": "firing",
               "labels": {"alertname": "ModelProviderErrors", "severity": "critical", "service": "chat-api"},
               "annotations": {"summary": "chat-api answers 503 from the model provider", "runbook_url": "%s"},
               "startsAt": "2026-11-18T01:59:30.123Z", "endsAt": "0001-01-01T00:00:00Z",
               "generatorURL": "http://127.0.0.1:9090/graph?g0.expr=x", "fingerprint": "c4b1a0f3d2e5a6b7"}]}
            """.formatted(RUNBOOK_URL);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private final LiveAlerts alerts = new LiveAlerts(fixtures.timeline, fixtures.wall);
    /** The console's services as the app wires them: the timeline is the one LiveAlerts hands out. */
    private final ConsoleServices services = consoleOf(alerts);
    private MockWebServer grafana;

    @AfterEach
    void stop() throws IOException {
        alerts.close();
        fixtures.scheduler.shutdownNow();
        if (grafana != null) {
            grafana.shutdown();
        }
    }

    @Test
    void theWebhook_opensAnIncidentInTheConsolesTimeline_andRefusesRequestsWithoutTheSecret() throws Exception {
        int port = freePort();
        alerts.apply(prometheus().withAlerting(null, new DataSourceSettings.Webhook(port, secret("hook.secret", SECRET)), true));
        String url = "http://127.0.0.1:" + port + "/alertmanager";
        assertEquals(url, alerts.status().webhookUrl());
        assertEquals("listening on " + url, DataSourceViewModel.webhookWords(alerts.status()));

        assertEquals(401, post(url, null).statusCode());
        assertEquals(401, post(url, "Bearer not-" + SECRET).statusCode());
        assertEquals(List.of(), services.timeline().incidents(), "nothing opened without the secret");

        HttpResponse<String> accepted = post(url, "Bearer " + SECRET);

        assertEquals(200, accepted.statusCode(), accepted.body());
        List<Incident> open = services.timeline().openIncidents();
        assertEquals(1, open.size());
        Incident incident = open.get(0);
        assertEquals("chat-api answers 503 from the model provider", incident.title());
        assertEquals(Severity.SEV1, incident.severity());
        EventPayload.AlertFired fired = services.timeline().events(incident.id()).stream()
                .map(e -> e.payload()).filter(EventPayload.AlertFired.class::isInstance)
                .map(EventPayload.AlertFired.class::cast).findFirst().orElseThrow();
        assertEquals(RUNBOOK_URL, fired.runbookUrl());
        assertEquals(open, fixtures.timeline.openIncidents(), "recorded in the store the console holds");

        assertEquals(200, post(url, "Bearer " + SECRET).statusCode());
        assertEquals(1, services.timeline().incidents().size(), "a repeated notification opens nothing new");
    }

    @Test
    void aPortInUse_isSaidInTheHealthView_andTheConsoleCarriesOn() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            alerts.apply(prometheus().withAlerting(null,
                    new DataSourceSettings.Webhook(port, secret("hook.secret", SECRET)), true));

            assertNull(alerts.status().webhookUrl());
            assertEquals("not listening: port " + port + " in use", DataSourceViewModel.webhookWords(alerts.status()));
        }
    }

    @Test
    void aSecretFileOthersCanRead_keepsTheWebhookShut_andSaysWhy() throws Exception {
        Path open = secret("open.secret", SECRET);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        alerts.apply(prometheus().withAlerting(null, new DataSourceSettings.Webhook(freePort(), open), true));

        String words = DataSourceViewModel.webhookWords(alerts.status());
        assertTrue(words.startsWith("not listening: no shared secret: " + open + ": token file is open to group or others"),
                words);
        assertFalse(words.contains(SECRET));
    }

    @Test
    void reconnectingOnTheSamePort_replacesTheReceiver_andCloseLetsThePortGo() throws Exception {
        int port = freePort();
        DataSourceSettings settings = prometheus().withAlerting(null,
                new DataSourceSettings.Webhook(port, secret("hook.secret", SECRET)), true);
        alerts.apply(settings);
        alerts.apply(settings);

        assertNotNull(alerts.status().webhookUrl(), DataSourceViewModel.webhookWords(alerts.status()));
        assertEquals(200, post(alerts.status().webhookUrl(), "Bearer " + SECRET).statusCode());

        alerts.close();
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void anAlertmanagerThatIsDown_isSaidInWords_andNothingIsThrown() throws Exception {
        int closed = freePort();
        assertEquals("not set up in datasource.yaml", DataSourceViewModel.alertmanagerWords(alerts.firing()));

        alerts.apply(prometheus().withAlerting(new DataSourceSettings.Alertmanager("http://127.0.0.1:" + closed, null),
                null, true));

        waitFor(() -> alerts.firing().lastError() != null);
        String words = DataSourceViewModel.alertmanagerWords(alerts.firing());
        // the wording is HttpExchange's, shared with the Prometheus and Grafana sources
        assertTrue(words.startsWith("alertmanager 127.0.0.1:" + closed + " unreachable: connection refused"), words);
        assertTrue(alerts.firing().stale());
        assertEquals(List.of(), alerts.firing().alerts());
    }

    @Test
    void withAnnotationsOn_declaringAnIncident_postsItToGrafana() throws Exception {
        grafana = grafana();
        alerts.apply(grafanaSettings(true));
        assertTrue(alerts.status().annotationsOn());

        Incident incident = services.timeline().declare("li", new EventPayload.IncidentDeclared(
                "Checkout 503s from model provider", Severity.SEV1, "checkout", null, false, null, null));

        RecordedRequest posted = grafana.takeRequest(10, TimeUnit.SECONDS);
        assertNotNull(posted, "no annotation reached Grafana");
        assertEquals("POST", posted.getMethod());
        assertEquals("/api/annotations", posted.getPath());
        assertEquals("Bearer " + GRAFANA_TOKEN, posted.getHeader("Authorization"));
        JsonNode body = new ObjectMapper().readTree(posted.getBody().readUtf8());
        assertEquals(incident.declaredAt().toEpochMilli(), body.path("time").asLong());
        assertEquals(List.of(incident.id(), "sev1", "declared"),
                List.of(body.path("tags").get(0).asText(), body.path("tags").get(1).asText(), body.path("tags").get(2).asText()));
        assertEquals(incident.id() + " declared: Checkout 503s from model provider", body.path("text").asText());
        waitFor(() -> alerts.status().annotationsPending() == 0);
        assertEquals("on \u00B7 0 pending", DataSourceViewModel.annotationsWords(alerts.status(), grafanaSettings(true)));
    }

    @Test
    void withAnnotationsOff_nothingGoesToGrafana() throws Exception {
        grafana = grafana();
        alerts.apply(grafanaSettings(false));

        services.timeline().declare("li", new EventPayload.IncidentDeclared(
                "Checkout 503s from model provider", Severity.SEV1, "checkout", null, false, null, null));

        assertNull(grafana.takeRequest(500, TimeUnit.MILLISECONDS));
        assertFalse(alerts.status().annotationsOn());
        assertEquals("off", DataSourceViewModel.annotationsWords(alerts.status(), grafanaSettings(false)));
        assertEquals(1, services.timeline().incidents().size(), "the incident is recorded all the same");
    }

    // ---- helpers

    private ConsoleServices consoleOf(LiveAlerts alerts) {
        ConsoleServices s = fixtures.services;
        return new ConsoleServices(alerts.timeline(), s.timelineOn(), s.runbooks(), s.scenarios(), s.severities(),
                s.escalation(), s.alertPolicy(), s.pager(), s.wall(), s.background(), s.fxThread(), s.scheduler(),
                s.storeName(), new LiveDataSource(null, s.alertPolicy(), s.wall(), alerts));
    }

    private DataSourceSettings prometheus() {
        return DataSourceSettings.prometheus("http://127.0.0.1:9/", List.of(dir.resolve("slos.yml")));
    }

    private DataSourceSettings grafanaSettings(boolean annotations) throws IOException {
        return new DataSourceSettings(DataSourceSettings.Kind.GRAFANA, "http://127.0.0.1:" + grafana.getPort() + "/",
                "P1809F7CD0C75ACF3", null, DataSourceSettings.Auth.BEARER, null, secret("grafana.token", GRAFANA_TOKEN),
                null, null, List.of(dir.resolve("slos.yml")), null, null, annotations);
    }

    private static MockWebServer grafana() throws IOException {
        MockWebServer server = new MockWebServer();
        // Grafana's answer to POST /api/annotations (reference/apis.md 3.6)
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"message\":\"Annotation added\",\"id\":1}"));
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    private Path secret(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> post(String url, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NOTIFICATION));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
