package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertmanagerClientTest {
    /** Two alerts as Alertmanager 0.25 lists them (api/v2/openapi.yaml "gettableAlerts"), newest first. */
    static final String TWO_ALERTS = """
            [{"labels":{"alertname":"QueueLag","severity":"warning"},
              "annotations":{"summary":"queue lag"},
              "receivers":[{"name":"warroom"}],
              "fingerprint":"0badc0de00000001",
              "startsAt":"2024-05-01T12:05:00.5+02:00",
              "updatedAt":"2024-05-01T10:05:00.456Z",
              "endsAt":"2024-05-01T10:09:00.123Z",
              "generatorURL":"http://127.0.0.1:9090/graph?g0.expr=x",
              "status":{"state":"active","silencedBy":[],"inhibitedBy":[],"mutedBy":[]},
              "someFieldFromANewerRelease":{"x":1}},
             {"labels":{"alertname":"MyAppDown","severity":"page"},
              "annotations":{"summary":"myapp down","runbook_url":"https://runbooks.example.com/myapp-down"},
              "receivers":[{"name":"warroom"}],
              "fingerprint":"c4b1a0f3d2e5a6b7",
              "startsAt":"2024-05-01T10:00:00.123456789Z",
              "updatedAt":"2024-05-01T10:05:00.456Z",
              "endsAt":"2024-05-01T10:09:00.123Z",
              "generatorURL":"http://127.0.0.1:9090/graph?g0.expr=up",
              "status":{"state":"active","silencedBy":[],"inhibitedBy":[]}}]
            """;

    private MockWebServer server;
    private AlertmanagerClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = new AlertmanagerClient(loopback("/"), null, Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    /** By address, not by name: nothing here may reach anything but 127.0.0.1. */
    private String loopback(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private void answer(int code, String contentType, String body) {
        MockResponse r = new MockResponse().setResponseCode(code).setBody(body);
        if (contentType != null) {
            r.setHeader("Content-Type", contentType);
        }
        server.enqueue(r);
    }

    @Test
    void firingAlerts_asksForActiveUnsilencedUninhibited_andReadsTheDocumentedShape() throws Exception {
        answer(200, "application/json", TWO_ALERTS);
        List<AlertmanagerClient.FiringAlert> alerts = client.firingAlerts();

        RecordedRequest request = server.takeRequest();
        assertEquals("GET", request.getMethod());
        assertEquals("/api/v2/alerts", request.getRequestUrl().encodedPath());
        assertEquals("true", request.getRequestUrl().queryParameter("active"));
        assertEquals("false", request.getRequestUrl().queryParameter("silenced"));
        assertEquals("false", request.getRequestUrl().queryParameter("inhibited"));
        assertNull(request.getHeader("Authorization"));

        assertEquals(2, alerts.size());
        AlertmanagerClient.FiringAlert first = alerts.get(0);
        assertEquals("c4b1a0f3d2e5a6b7", first.fingerprint(), "oldest first");
        assertEquals("MyAppDown", first.name());
        assertEquals(Map.of("alertname", "MyAppDown", "severity", "page"), first.labels());
        assertEquals("https://runbooks.example.com/myapp-down", first.runbookUrl());
        assertEquals(Instant.parse("2024-05-01T10:00:00.123456789Z"), first.startsAt());
        assertEquals("active", first.status());
        AlertmanagerClient.FiringAlert second = alerts.get(1);
        assertEquals(Instant.parse("2024-05-01T10:05:00.5Z"), second.startsAt(), "offsets are honoured");
        assertNull(second.runbookUrl());
    }

    @Test
    void alerts_canIncludeSilencedAndInhibited_andSendTheBearerToken() throws Exception {
        try (AlertmanagerClient behindProxy = new AlertmanagerClient(loopback("/am/"), "tok-123",
                Duration.ofSeconds(2))) {
            answer(200, "application/json", "[]");
            assertEquals(List.of(), behindProxy.alerts(true, true));
            RecordedRequest request = server.takeRequest();
            assertEquals("/am/api/v2/alerts", request.getRequestUrl().encodedPath());
            assertEquals("true", request.getRequestUrl().queryParameter("silenced"));
            assertEquals("true", request.getRequestUrl().queryParameter("inhibited"));
            assertEquals("Bearer tok-123", request.getHeader("Authorization"));
        }
    }

    /**
     * The mapping is HttpExchange's, shared with the Prometheus and Grafana sources. Two things differ
     * from what this client once did on its own: a 404 is MALFORMED, not BAD_QUERY (the base URL does
     * not point at the API; no query of ours is wrong), and only the first line of a plain-text body
     * is shown, so a badge stays one line.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"500, UNAVAILABLE", "503, UNAVAILABLE", "429, UNAVAILABLE", "401, UNAUTHORIZED",
            "403, UNAUTHORIZED", "400, BAD_QUERY", "404, MALFORMED"})
    void httpErrors_mapToTheirFailureKind(int code, SourceException.Failure expected) {
        answer(code, "text/plain", "bad things\nsecond line");
        SourceException e = assertThrows(SourceException.class, () -> client.firingAlerts());
        assertEquals(expected, e.failure());
        assertTrue(e.getMessage().startsWith(code + " from alertmanager 127.0.0.1:" + server.getPort() + ": "),
                e.getMessage());
        assertTrue(e.getMessage().contains("bad things"), e.getMessage());
        assertFalse(e.getMessage().contains("second line"), e.getMessage());
    }

    @Test
    void aRedirect_isNotFollowed_andTheTokenStaysHome() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start(InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(new MockResponse().setResponseCode(302)
                    .setHeader("Location", "http://127.0.0.1:" + elsewhere.getPort() + "/api/v2/alerts"));
            try (AlertmanagerClient behindProxy = new AlertmanagerClient(loopback("/"), "tok-123", Duration.ofSeconds(2))) {
                SourceException e = assertThrows(SourceException.class, behindProxy::firingAlerts);
                // not a retryable outage and not a bad query: the base URL needs to be where it points
                assertEquals(SourceException.Failure.MALFORMED, e.failure());
                assertTrue(e.getMessage().startsWith("302 from alertmanager 127.0.0.1:" + server.getPort()
                        + ": redirected"), e.getMessage());
            }
            assertEquals(1, server.getRequestCount());
            assertEquals(0, elsewhere.getRequestCount(), "a redirect to another host must not get the bearer token");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "401 | text/plain       | no such key am-proxy-7f3a9c",
            "500 | application/json | {\"error\":\"upstream refused am-proxy-7f3a9c\"}",
            "400 | application/json | \"bad header: Bearer am-proxy-7f3a9c\"",
            "404 | text/plain       | no route for am-proxy-7f3a9c",
            "200 | text/plain       | hello am-proxy-7f3a9c",
            "200 | application/json | [{\"fingerprint\":\"01\",\"startsAt\":\"am-proxy-7f3a9c\"}]"})
    void aTokenEchoedByTheServer_neverReachesTheMessage(int code, String contentType, String body) throws Exception {
        // the token has no credential shape (no "Bearer " before it in most rows), so only the literal
        // known-secret scrub can catch it: that is the one this client must pass its messages through
        try (AlertmanagerClient behindProxy = new AlertmanagerClient(loopback("/"), "am-proxy-7f3a9c",
                Duration.ofSeconds(2))) {
            answer(code, contentType, body);
            SourceException e = assertThrows(SourceException.class, behindProxy::firingAlerts);
            assertFalse(e.getMessage().contains("am-proxy-7f3a9c"), e.getMessage());
            assertTrue(e.getMessage().contains(Redactor.MASK), e.getMessage());
        }
    }

    @Test
    void fromASourceConfig_usesItsNameCredentialsAndCaFile() throws Exception {
        SourceConfig config = SourceConfig.of("am-prod", loopback("/"))
                .withCredentials(Credentials.bearer(Credentials.Secret.of("tok-456")));
        try (AlertmanagerClient configured = new AlertmanagerClient(config)) {
            assertEquals("am-prod 127.0.0.1:" + server.getPort(), configured.name());
            answer(200, "application/json", "[]");
            assertEquals(List.of(), configured.firingAlerts());
            assertEquals("Bearer tok-456", server.takeRequest().getHeader("Authorization"));
        }
        SourceConfigException missingCa = assertThrows(SourceConfigException.class,
                () -> new AlertmanagerClient(config.withCaCertificate(Path.of("/nonexistent/warroom-ca.pem"))));
        assertTrue(missingCa.getMessage().contains("does not exist"), missingCa.getMessage());
    }

    @Test
    void alertmanagers400_bareJsonString_isShownAsText() {
        answer(400, "application/json", "\"bad matcher format: severity=~\"");
        SourceException e = assertThrows(SourceException.class, () -> client.firingAlerts());
        assertEquals(SourceException.Failure.BAD_QUERY, e.failure());
        assertTrue(e.getMessage().endsWith(": bad matcher format: severity=~"), e.getMessage());
    }

    @Test
    void notJson_orNotTheDocumentedShape_isMalformed() {
        answer(200, "text/html", "<html>login</html>");
        SourceException html = assertThrows(SourceException.class, () -> client.firingAlerts());
        assertEquals(SourceException.Failure.MALFORMED, html.failure());
        assertTrue(html.getMessage().contains("text/html instead of JSON"), html.getMessage());

        answer(200, "application/json", "{\"status\":\"success\",\"data\":[]}");
        SourceException object = assertThrows(SourceException.class, () -> client.firingAlerts());
        assertEquals(SourceException.Failure.MALFORMED, object.failure());
        assertTrue(object.getMessage().contains("expected a JSON array"), object.getMessage());

        answer(200, "application/json", "[{\"labels\":{\"alertname\":\"X\"}}]");
        SourceException noFingerprint = assertThrows(SourceException.class, () -> client.firingAlerts());
        assertTrue(noFingerprint.getMessage().contains("[0].fingerprint is missing"), noFingerprint.getMessage());

        answer(200, "application/json", "[{\"fingerprint\":\"01\",\"labels\":{\"a\":1}}]");
        SourceException number = assertThrows(SourceException.class, () -> client.firingAlerts());
        assertTrue(number.getMessage().contains("[0].labels.a is not a string"), number.getMessage());

        answer(200, "application/json", "[{\"fingerprint\":\"01\",\"startsAt\":\"soon\"}]");
        SourceException time = assertThrows(SourceException.class, () -> client.firingAlerts());
        assertTrue(time.getMessage().contains("[0].startsAt is not an RFC 3339 time"), time.getMessage());

        answer(200, "application/json", "[{");
        assertEquals(SourceException.Failure.MALFORMED,
                assertThrows(SourceException.class, () -> client.firingAlerts()).failure());
    }

    @Test
    void noAnswerInTime_isTimeout() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        try (AlertmanagerClient impatient = new AlertmanagerClient(loopback("/"), null,
                Duration.ofMillis(300))) {
            SourceException e = assertThrows(SourceException.class, impatient::firingAlerts);
            assertEquals(SourceException.Failure.TIMEOUT, e.failure());
            assertTrue(e.failure().isTransient());
        }
    }

    @Test
    void nothingListening_isUnreachable_andNeverShowsCredentials() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        try (AlertmanagerClient nobody = new AlertmanagerClient("http://am:hunter2@127.0.0.1:" + port, "tok-xyz",
                Duration.ofSeconds(2))) {
            SourceException e = assertThrows(SourceException.class, nobody::firingAlerts);
            assertEquals(SourceException.Failure.UNREACHABLE, e.failure());
            assertEquals("alertmanager 127.0.0.1:" + port, nobody.name());
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
            assertFalse(e.getMessage().contains("tok-xyz"), e.getMessage());
        }
    }

    @Test
    void badBaseUrl_isRefusedAtConstruction_withoutEchoingCredentials() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AlertmanagerClient("ftp://am:hunter2@127.0.0.1:9093"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
