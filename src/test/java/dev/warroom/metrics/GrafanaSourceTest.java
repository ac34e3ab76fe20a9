package dev.warroom.metrics;

import static dev.warroom.metrics.Faults.fails;
import static dev.warroom.metrics.Faults.json;
import static dev.warroom.metrics.Faults.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.metrics.GrafanaSource.Mode;
import dev.warroom.metrics.SourceException.Failure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GrafanaSourceTest {
    private static final String UID = "P1809F7CD0C75ACF3";
    private static final String NAME = "grafana/" + UID;
    private static final String TOKEN = "glsa_Xq3Zt9pLmN4vB7cR2sK8wY5hJ1dF6gT0_4e2a9c1b";
    private static final Instant AT = Instant.parse("2026-11-18T02:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = Faults.loopbackServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private GrafanaSource grafana(Mode mode) {
        return new GrafanaSource(config(), UID, mode);
    }

    private SourceConfig config() {
        return SourceConfig.of("grafana", Faults.url(server)).withCredentials(Credentials.bearer(Credentials.Secret.of(TOKEN)));
    }

    /** A success in the mode's own shape: one series, value 0.25. */
    private static MockResponse oneSeries(Mode mode) {
        return mode == Mode.PROXY
                ? json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                        + "{\"metric\":{\"job\":\"checkout\"},\"value\":[1794967200,\"0.25\"]}]}}")
                : json(200, frames("{\"job\":\"checkout\"}", "[1794967200000]", "[0.25]", "null"));
    }

    private static String frames(String labels, String times, String values, String entities) {
        return "{\"results\":{\"A\":{\"status\":200,\"frames\":[{\"schema\":{\"refId\":\"A\",\"fields\":["
                + "{\"name\":\"Time\",\"type\":\"time\",\"typeInfo\":{\"frame\":\"time.Time\"}},"
                + "{\"name\":\"Value\",\"type\":\"number\",\"typeInfo\":{\"frame\":\"float64\",\"nullable\":true},\"labels\":" + labels + "}]},"
                + "\"data\":{\"values\":[" + times + "," + values + "],\"entities\":[null," + entities + "]}}]}}}";
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void instant_sendsTheBearerToken_toTheModesEndpoint(Mode mode) throws Exception {
        server.enqueue(oneSeries(mode));
        try (GrafanaSource grafana = grafana(mode)) {
            List<Sample> samples = grafana.instant("up{job=\"checkout\"}", AT);
            assertEquals(List.of(new Sample(Map.of("job", "checkout"), AT, 0.25)), samples);
        }
        RecordedRequest request = server.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("Bearer " + TOKEN, request.getHeader("Authorization"));
        if (mode == Mode.PROXY) {
            assertEquals("/api/datasources/proxy/uid/" + UID + "/api/v1/query", request.getPath());
            assertEquals(Map.of("query", "up{job=\"checkout\"}", "time", "1794967200", "timeout", "10"), Faults.form(request));
        } else {
            assertEquals("/api/ds/query", request.getPath());
            JsonNode body = JSON.readTree(request.getBody().readUtf8());
            assertEquals("1794966900000", body.get("from").textValue(), "epoch ms as a JSON string");
            assertEquals("1794967200000", body.get("to").textValue());
            JsonNode q = body.get("queries").get(0);
            assertEquals("A", q.get("refId").asText());
            assertEquals(UID, q.get("datasource").get("uid").asText());
            assertEquals("prometheus", q.get("datasource").get("type").asText());
            assertEquals("up{job=\"checkout\"}", q.get("expr").asText());
            assertTrue(q.get("instant").asBoolean());
            assertFalse(q.get("range").asBoolean());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void connectionRefused_isUnreachable(Mode mode) throws Exception {
        int port = Faults.closedPort();
        SourceConfig config = SourceConfig.of("grafana", "http://127.0.0.1:" + port);
        try (GrafanaSource nobody = new GrafanaSource(config, UID, mode)) {
            SourceException e = fails(Failure.UNREACHABLE, () -> nobody.instant("up", AT));
            assertEquals(NAME + " unreachable: connection refused by 127.0.0.1:" + port, e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void serverDownMidPoll_isUnreachable(Mode mode) throws Exception {
        server.enqueue(oneSeries(mode));
        MockResponse cut = oneSeries(mode);
        cut.setBody(cut.getBody().readUtf8() + " ".repeat(4096)).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
        server.enqueue(cut);
        try (GrafanaSource grafana = grafana(mode)) {
            assertEquals(1, grafana.instant("up", AT).size());
            SourceException e = fails(Failure.UNREACHABLE, () -> grafana.instant("up", AT));
            assertTrue(e.getMessage().startsWith(NAME + " unreachable: connection closed in the middle of the answer"), e.getMessage());
            int port = server.getPort();
            server.shutdown();
            assertEquals(NAME + " unreachable: connection refused by 127.0.0.1:" + port,
                    fails(Failure.UNREACHABLE, () -> grafana.instant("up", AT)).getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void status503WithPlainText_isUnavailable(Mode mode) {
        server.enqueue(plain(503, "overloaded\nupstream queue full"));
        try (GrafanaSource grafana = grafana(mode)) {
            assertEquals("503 from " + NAME + ": overloaded", fails(Failure.UNAVAILABLE, () -> grafana.instant("up", AT)).getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void slowerThanTheReadTimeout_isTimeout(Mode mode) {
        server.enqueue(oneSeries(mode).setHeadersDelay(3, TimeUnit.SECONDS));
        SourceConfig config = config().withTimeouts(Duration.ofSeconds(1), Faults.SHORT_READ, Duration.ofSeconds(5));
        try (GrafanaSource slow = new GrafanaSource(config, UID, mode)) {
            assertEquals(NAME + " timed out: no data for 0.4 s (read timeout)",
                    fails(Failure.TIMEOUT, () -> slow.instant("up", AT)).getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void throttledPastTheCallTimeout_isTimeout(Mode mode) {
        server.enqueue(oneSeries(mode).throttleBody(16, 250, TimeUnit.MILLISECONDS));
        SourceConfig config = config().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(800));
        try (GrafanaSource slow = new GrafanaSource(config, UID, mode)) {
            assertEquals(NAME + " timed out: no complete answer within 0.8 s (call timeout)",
                    fails(Failure.TIMEOUT, () -> slow.instant("up", AT)).getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void malformedJson_isMalformed(Mode mode) {
        server.enqueue(json(200, "{\"results\":{\"A\":{\"frames\":[{\"schema\":"));
        try (GrafanaSource grafana = grafana(mode)) {
            assertEquals("malformed answer from " + NAME + ": answer is not JSON: {\"results\":{\"A\":{\"frames\":[{\"schema\":",
                    fails(Failure.MALFORMED, () -> grafana.instant("up", AT)).getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void status401And403_areUnauthorized(Mode mode) {
        server.enqueue(json(401, "{\"message\":\"invalid API key\"}"));
        server.enqueue(json(403, "{\"message\":\"access denied\"}"));
        try (GrafanaSource grafana = grafana(mode)) {
            assertEquals("401 from " + NAME + ": unauthorized, check the credentials (invalid API key)",
                    fails(Failure.UNAUTHORIZED, () -> grafana.instant("up", AT)).getMessage());
            assertEquals("403 from " + NAME + ": forbidden, the credentials lack permission (access denied)",
                    fails(Failure.UNAUTHORIZED, () -> grafana.instant("up", AT)).getMessage());
        }
    }

    @Test
    void proxy_status400ForABadQuery_isBadQuery_withPrometheusOwnWords() {
        server.enqueue(json(400, "{\"status\":\"error\",\"errorType\":\"bad_data\","
                + "\"error\":\"invalid parameter \\\"query\\\": 1:4: parse error: unexpected end of input\"}"));
        try (GrafanaSource grafana = grafana(Mode.PROXY)) {
            assertEquals("400 from " + NAME + ": invalid parameter \"query\": 1:4: parse error: unexpected end of input",
                    fails(Failure.BAD_QUERY, () -> grafana.instant("sum(", AT)).getMessage());
        }
    }

    @Test
    void dsQuery_status400ForABadQuery_isBadQuery_withTheRefIdsError() {
        server.enqueue(json(400, "{\"results\":{\"A\":{\"status\":400,\"error\":\"bad_data: invalid parameter \\\"query\\\": "
                + "1:4: parse error: unexpected end of input\",\"errorSource\":\"downstream\"}}}"));
        try (GrafanaSource grafana = grafana(Mode.DS_QUERY)) {
            assertEquals("400 from " + NAME + ": bad_data: invalid parameter \"query\": 1:4: parse error: unexpected end of input",
                    fails(Failure.BAD_QUERY, () -> grafana.instant("sum(", AT)).getMessage());
        }
    }

    @Test
    void dsQuery_refIdFailureInA200_usesItsOwnStatus() {
        server.enqueue(json(200, "{\"results\":{\"A\":{\"status\":500,\"error\":\"Post \\\"http://prom:9090/api/v1/query\\\": "
                + "dial tcp: connection refused\"}}}"));
        server.enqueue(json(200, "{\"results\":{\"A\":{\"error\":\"query failed\"}}}"));
        try (GrafanaSource grafana = grafana(Mode.DS_QUERY)) {
            assertEquals("500 from " + NAME + ": Post \"http://prom:9090/api/v1/query\": dial tcp: connection refused",
                    fails(Failure.UNAVAILABLE, () -> grafana.instant("up", AT)).getMessage());
            assertEquals("500 from " + NAME + ": query failed", fails(Failure.UNAVAILABLE, () -> grafana.instant("up", AT)).getMessage());
        }
    }

    @Test
    void proxy_nanAndInfinities_areValues() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"slo\":\"a\"},\"value\":[1794967200,\"NaN\"]},"
                + "{\"metric\":{\"slo\":\"b\"},\"value\":[1794967200,\"+Inf\"]},"
                + "{\"metric\":{\"slo\":\"c\"},\"value\":[1794967200,\"-Inf\"]}]}}"));
        try (GrafanaSource grafana = grafana(Mode.PROXY)) {
            List<Sample> samples = grafana.instant("slo:burn_rate:1h", AT);
            assertTrue(Double.isNaN(samples.get(0).value()));
            assertEquals(Double.POSITIVE_INFINITY, samples.get(1).value());
            assertEquals(Double.NEGATIVE_INFINITY, samples.get(2).value());
        }
    }

    @Test
    void dsQuery_nanAndInfinities_comeBackFromTheEntities_andUnlistedNullsAreGaps() throws Exception {
        server.enqueue(json(200, frames("{\"slo\":\"checkout\"}",
                "[1794967200000,1794967260000,1794967320000,1794967380000,1794967440000]",
                "[0.5,null,null,null,null]", "{\"NaN\":[1],\"Inf\":[2],\"NegInf\":[3]}")));
        try (GrafanaSource grafana = grafana(Mode.DS_QUERY)) {
            List<Series> series = grafana.range("slo:burn_rate:5m", AT, AT.plusSeconds(240), Duration.ofMinutes(1));
            assertEquals(1, series.size());
            assertEquals(Map.of("slo", "checkout"), series.get(0).labels());
            List<Series.Point> points = series.get(0).points();
            assertEquals(4, points.size(), "row 4 is null without an entity: no sample");
            assertEquals(new Series.Point(AT, 0.5), points.get(0));
            assertTrue(Double.isNaN(points.get(1).value()));
            assertEquals(Double.POSITIVE_INFINITY, points.get(2).value());
            assertEquals(new Series.Point(AT.plusSeconds(180), Double.NEGATIVE_INFINITY), points.get(3));
        }
    }

    @Test
    void dsQuery_range_asksForTheStepAndRange() throws Exception {
        server.enqueue(json(200, frames("{}", "[1794967200000]", "[1]", "null")));
        try (GrafanaSource grafana = grafana(Mode.DS_QUERY)) {
            grafana.range("up", AT, AT.plusSeconds(600), Duration.ofSeconds(15));
        }
        JsonNode body = JSON.readTree(server.takeRequest().getBody().readUtf8());
        assertEquals("1794967200000", body.get("from").textValue());
        assertEquals("1794967800000", body.get("to").textValue());
        JsonNode q = body.get("queries").get(0);
        assertTrue(q.get("range").asBoolean());
        assertFalse(q.get("instant").asBoolean());
        assertEquals(15_000, q.get("intervalMs").asLong());
        assertEquals(41, q.get("maxDataPoints").asLong());
        assertEquals("15000ms", q.get("interval").asText());
    }

    @Test
    void dsQuery_over11000Points_isSplit() throws Exception {
        for (int i = 0; i < 2; i++) {
            server.enqueue(json(200, frames("{}", "[1794967200000]", "[1]", "null")));
        }
        try (GrafanaSource grafana = grafana(Mode.DS_QUERY)) {
            grafana.range("up", AT, AT.plusSeconds(11_000L * 15), Duration.ofSeconds(15));
        }
        assertEquals(2, server.getRequestCount());
        JsonNode first = JSON.readTree(server.takeRequest().getBody().readUtf8()).get("queries").get(0);
        JsonNode second = JSON.readTree(server.takeRequest().getBody().readUtf8()).get("queries").get(0);
        assertEquals(11_000, first.get("maxDataPoints").asLong());
        assertEquals(1, second.get("maxDataPoints").asLong());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void emptyResult_isAnEmptyList(Mode mode) throws Exception {
        server.enqueue(mode == Mode.PROXY
                ? json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
                : json(200, "{\"results\":{\"A\":{\"status\":200,\"frames\":[]}}}"));
        server.enqueue(mode == Mode.PROXY
                ? json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}")
                : json(200, "{\"results\":{\"A\":{\"status\":200,\"frames\":[{\"schema\":{\"refId\":\"A\",\"fields\":[]},"
                        + "\"data\":{\"values\":[]}}]}}}"));
        try (GrafanaSource grafana = grafana(mode)) {
            assertEquals(List.of(), grafana.instant("up{job=\"none\"}", AT));
            assertEquals(List.of(), grafana.range("up{job=\"none\"}", AT, AT.plusSeconds(60), Duration.ofSeconds(15)));
        }
    }

    @Test
    void dsQuery_wrongShape_isMalformed() {
        server.enqueue(json(200, "{\"results\":{\"B\":{}}}"));
        server.enqueue(json(200, frames("{}", "[1794967200000,1794967260000]", "[1]", "null")));
        try (GrafanaSource grafana = grafana(Mode.DS_QUERY)) {
            assertEquals("malformed answer from " + NAME + ": answer has no result for query A",
                    fails(Failure.MALFORMED, () -> grafana.instant("up", AT)).getMessage());
            assertEquals("malformed answer from " + NAME + ": a frame's value column is not as long as its time column",
                    fails(Failure.MALFORMED, () -> grafana.instant("up", AT)).getMessage());
        }
    }

    @Test
    void health_readsVersionAndDatabase() throws Exception {
        server.enqueue(json(200, "{\"commit\":\"abc\",\"database\":\"ok\",\"version\":\"10.4.2\"}"));
        server.enqueue(json(503, "{\"commit\":\"abc\",\"database\":\"failing\",\"version\":\"10.4.2\"}"));
        try (GrafanaSource grafana = new GrafanaSource(config(), UID, Mode.PROXY, Clock.fixed(AT, ZoneOffset.UTC))) {
            assertEquals(new SourceHealth(NAME, true, true, "10.4.2", null, AT), grafana.health());
            assertEquals(new SourceHealth(NAME, true, false, "10.4.2", "503 from " + NAME + ": database failing", AT), grafana.health());
        }
        assertEquals("/api/health", server.takeRequest().getPath());
    }

    @Test
    void health_ofAClosedPort_neverThrows() throws Exception {
        int port = Faults.closedPort();
        try (GrafanaSource nobody = new GrafanaSource(SourceConfig.of("grafana", "http://127.0.0.1:" + port), UID, Mode.DS_QUERY)) {
            SourceHealth health = nobody.health();
            assertFalse(health.reachable());
            assertNull(health.version());
            assertEquals(NAME + " unreachable: connection refused by 127.0.0.1:" + port, health.lastError());
        }
    }

    @Test
    void dataSourceUid_isChecked() {
        SourceConfigException e = assertThrows(SourceConfigException.class, () -> new GrafanaSource(config(), "../admin", Mode.PROXY));
        assertEquals("source grafana: data source UID must be 1 to 40 letters, digits, '-' or '_', not \"../admin\"", e.getMessage());
    }
}
