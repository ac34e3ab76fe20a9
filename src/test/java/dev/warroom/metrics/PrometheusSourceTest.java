package dev.warroom.metrics;

import static dev.warroom.metrics.Faults.fails;
import static dev.warroom.metrics.Faults.json;
import static dev.warroom.metrics.Faults.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.metrics.SourceException.Failure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusSourceTest {
    private static final Instant AT = Instant.parse("2026-11-18T02:00:00.250Z");
    private static final String VECTOR = """
            {"status":"success","data":{"resultType":"vector","result":[
              {"metric":{"__name__":"up","job":"checkout","instance":"10.0.0.5:8080"},"value":[1794967200.25,"1"]},
              {"metric":{"__name__":"up","job":"checkout","instance":"10.0.0.6:8080"},"value":[1794967200.25,"0"]}]}}""";

    private MockWebServer server;
    private PrometheusSource prom;

    @BeforeEach
    void start() throws Exception {
        server = Faults.loopbackServer();
        prom = new PrometheusSource(SourceConfig.of("prom", Faults.url(server)));
    }

    @AfterEach
    void stop() throws Exception {
        prom.close();
        server.shutdown();
    }

    @Test
    void instant_postsAFormWithQueryTimeAndTimeout_andReadsTheVector() throws Exception {
        server.enqueue(json(200, VECTOR));

        List<Sample> samples = prom.instant("up{job=\"checkout\"}", AT);

        RecordedRequest request = server.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/api/v1/query", request.getPath());
        assertTrue(request.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"), request.getHeader("Content-Type"));
        assertEquals(Map.of("query", "up{job=\"checkout\"}", "time", "1794967200.25", "timeout", "10"), Faults.form(request));
        assertNull(request.getHeader("Authorization"));
        assertEquals(2, samples.size());
        assertEquals("10.0.0.5:8080", samples.get(0).label("instance"));
        assertEquals(1.0, samples.get(0).value());
        assertEquals(0.0, samples.get(1).value());
        assertEquals(AT, samples.get(0).at());
    }

    @Test
    void instant_withoutTime_leavesTheServersNow() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1794967200.25,\"0.999\"]}}"));

        List<Sample> samples = prom.instant("scalar(slo:sli:ratio)", null);

        assertFalse(Faults.form(server.takeRequest()).containsKey("time"));
        assertEquals(List.of(new Sample(Map.of(), AT, 0.999)), samples);
    }

    @Test
    void instant_nanAndInfinities_areValuesNotErrors() throws Exception {
        server.enqueue(json(200, """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"slo":"a"},"value":[1794967200.25,"NaN"]},
                  {"metric":{"slo":"b"},"value":[1794967200.25,"+Inf"]},
                  {"metric":{"slo":"c"},"value":[1794967200.25,"-Inf"]},
                  {"metric":{"slo":"d"},"value":[1794967200.25,"1e-07"]}]}}"""));

        List<Sample> samples = prom.instant("slo:burn_rate:1h", AT);

        assertTrue(Double.isNaN(samples.get(0).value()));
        assertEquals(Double.POSITIVE_INFINITY, samples.get(1).value());
        assertEquals(Double.NEGATIVE_INFINITY, samples.get(2).value());
        assertEquals(1e-7, samples.get(3).value());
    }

    @Test
    void instant_emptyVector_isAnEmptyList() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));

        assertEquals(List.of(), prom.instant("up{job=\"nothing\"}", AT));
    }

    @Test
    void connectionRefused_isUnreachable() throws Exception {
        int port = Faults.closedPort();
        try (PrometheusSource nobody = new PrometheusSource(SourceConfig.of("prom", "http://127.0.0.1:" + port))) {
            SourceException e = fails(Failure.UNREACHABLE, () -> nobody.instant("up", AT));
            assertEquals("prom unreachable: connection refused by 127.0.0.1:" + port, e.getMessage());
        }
    }

    @Test
    void serverDownMidPoll_isUnreachable_whetherItDiesInTheAnswerOrBetweenCalls() throws Exception {
        server.enqueue(json(200, VECTOR));
        server.enqueue(json(200, VECTOR.repeat(1).replace("]}}", "]}}" + " ".repeat(4096)))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        assertEquals(2, prom.instant("up", AT).size());
        SourceException midAnswer = fails(Failure.UNREACHABLE, () -> prom.instant("up", AT));
        assertTrue(midAnswer.getMessage().startsWith("prom unreachable: connection closed in the middle of the answer"),
                midAnswer.getMessage());

        int port = server.getPort();
        server.shutdown();
        SourceException gone = fails(Failure.UNREACHABLE, () -> prom.instant("up", AT));
        assertEquals("prom unreachable: connection refused by 127.0.0.1:" + port, gone.getMessage());
    }

    @Test
    void status503WithPlainText_isUnavailable_withItsFirstLine() {
        server.enqueue(plain(503, "overloaded\nretry later, 12 queries queued\n"));

        SourceException e = fails(Failure.UNAVAILABLE, () -> prom.instant("up", AT));

        assertEquals("503 from prom: overloaded", e.getMessage());
        assertTrue(e.failure().isTransient());
    }

    @Test
    void status429AndJson500_areUnavailable() {
        server.enqueue(plain(429, ""));
        server.enqueue(json(500, "{\"status\":\"error\",\"errorType\":\"internal\",\"error\":\"chunk not found\"}"));

        assertEquals("429 from prom: too many requests", fails(Failure.UNAVAILABLE, () -> prom.instant("up", AT)).getMessage());
        assertEquals("500 from prom: chunk not found", fails(Failure.UNAVAILABLE, () -> prom.instant("up", AT)).getMessage());
    }

    @Test
    void headersSlowerThanTheReadTimeout_isTimeout() throws Exception {
        server.enqueue(json(200, VECTOR).setHeadersDelay(3, TimeUnit.SECONDS));
        SourceConfig config = SourceConfig.of("prom", Faults.url(server))
                .withTimeouts(Duration.ofSeconds(1), Faults.SHORT_READ, Duration.ofSeconds(5));
        try (PrometheusSource slow = new PrometheusSource(config)) {
            SourceException e = fails(Failure.TIMEOUT, () -> slow.instant("up", AT));
            assertEquals("prom timed out: no data for 0.4 s (read timeout)", e.getMessage());
        }
    }

    @Test
    void throttledBodyLongerThanTheCallTimeout_isTimeout() throws Exception {
        // every byte arrives well within the read timeout, the whole answer does not arrive within the call timeout
        server.enqueue(json(200, VECTOR).throttleBody(16, 250, TimeUnit.MILLISECONDS));
        SourceConfig config = SourceConfig.of("prom", Faults.url(server))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(800));
        try (PrometheusSource slow = new PrometheusSource(config)) {
            SourceException e = fails(Failure.TIMEOUT, () -> slow.instant("up", AT));
            assertEquals("prom timed out: no complete answer within 0.8 s (call timeout)", e.getMessage());
        }
        assertEquals("0.8", Faults.form(server.takeRequest()).get("timeout"), "Prometheus is told to give up when we do");
    }

    @Test
    void malformedJson_isMalformed() {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{"));

        SourceException e = fails(Failure.MALFORMED, () -> prom.instant("up", AT));

        assertEquals("malformed answer from prom: answer is not JSON: {\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{",
                e.getMessage());
    }

    @Test
    void wrongShapes_areMalformed() {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1794967200.25,\"hello\"]}}"));
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1794967200.25,1]}]}}"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<html><body>Grafana login</body></html>"));
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1794967200.25,\"Infinity\"]}]}}"));

        assertEquals("malformed answer from prom: result type \"string\" is not supported here",
                fails(Failure.MALFORMED, () -> prom.instant("\"hello\"", AT)).getMessage());
        assertEquals("malformed answer from prom: a sample value is not a string",
                fails(Failure.MALFORMED, () -> prom.instant("up", AT)).getMessage());
        assertEquals("malformed answer from prom: answer is not JSON: <html><body>Grafana login</body></html>",
                fails(Failure.MALFORMED, () -> prom.instant("up", AT)).getMessage());
        assertEquals("malformed answer from prom: not a Prometheus value: \"Infinity\"",
                fails(Failure.MALFORMED, () -> prom.instant("up", AT)).getMessage());
    }

    @Test
    void status401And403_areUnauthorized() {
        server.enqueue(plain(401, ""));
        server.enqueue(plain(403, "access denied by policy\n"));

        SourceException unauthorized = fails(Failure.UNAUTHORIZED, () -> prom.instant("up", AT));
        SourceException forbidden = fails(Failure.UNAUTHORIZED, () -> prom.instant("up", AT));

        assertEquals("401 from prom: unauthorized, check the credentials", unauthorized.getMessage());
        assertEquals("403 from prom: forbidden, the credentials lack permission (access denied by policy)", forbidden.getMessage());
        assertFalse(unauthorized.failure().isTransient());
    }

    @Test
    void status400ForABadQuery_isBadQuery_withPrometheusOwnWords() {
        server.enqueue(json(400, "{\"status\":\"error\",\"errorType\":\"bad_data\","
                + "\"error\":\"invalid parameter \\\"query\\\": 1:4: parse error: unexpected end of input\"}"));
        server.enqueue(json(422, "{\"status\":\"error\",\"errorType\":\"execution\","
                + "\"error\":\"vector cannot contain metrics with the same labelset\"}"));

        SourceException bad = fails(Failure.BAD_QUERY, () -> prom.instant("sum(", AT));
        SourceException execution = fails(Failure.BAD_QUERY, () -> prom.instant("a or a", AT));

        assertEquals("400 from prom: invalid parameter \"query\": 1:4: parse error: unexpected end of input", bad.getMessage());
        assertEquals("422 from prom: vector cannot contain metrics with the same labelset", execution.getMessage());
    }

    @Test
    void errorEnvelopeIn200_isMappedByErrorType() {
        server.enqueue(json(200, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"end timestamp must not be before start time\"}"));

        SourceException e = fails(Failure.BAD_QUERY, () -> prom.instant("up", AT));

        assertEquals("prom: bad_data: end timestamp must not be before start time", e.getMessage());
    }

    @Test
    void warnings_areKeptWithAValidResult() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"warnings\":[\"results may be incomplete\"],"
                + "\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));

        assertEquals(List.of(), prom.instant("up", AT));
        assertEquals(List.of("results may be incomplete"), prom.lastWarnings());
    }

    @Test
    void range_postsStartEndStep_andReadsTheMatrix() throws Exception {
        server.enqueue(json(200, """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"slo":"checkout"},"values":[[1794967200,"0.5"],[1794967260,"NaN"],[1794967320,"+Inf"]]}]}}"""));
        Instant start = Instant.parse("2026-11-18T02:00:00Z");

        List<Series> series = prom.range("slo:burn_rate:5m", start, start.plusSeconds(120), Duration.ofMinutes(1));

        RecordedRequest request = server.takeRequest();
        assertEquals("/api/v1/query_range", request.getPath());
        assertEquals(Map.of("query", "slo:burn_rate:5m", "start", "1794967200", "end", "1794967320", "step", "60", "timeout", "10"),
                Faults.form(request));
        assertEquals(1, series.size());
        assertEquals(Map.of("slo", "checkout"), series.get(0).labels());
        List<Series.Point> points = series.get(0).points();
        assertEquals(new Series.Point(start, 0.5), points.get(0));
        assertTrue(Double.isNaN(points.get(1).value()));
        assertEquals(Double.POSITIVE_INFINITY, points.get(2).value());
    }

    @Test
    void range_ofExactly11000Points_isOneRequest() throws Exception {
        server.setDispatcher(new FakeRange());
        Instant start = Instant.parse("2026-11-18T00:00:00Z");

        List<Series> series = prom.range("up", start, start.plusSeconds(10_999L * 15), Duration.ofSeconds(15));

        assertEquals(1, server.getRequestCount());
        assertEquals(11_000, series.get(0).points().size());
    }

    @Test
    void range_over11000Points_isSplitIntoChunksOnTheSameGrid_andJoined() throws Exception {
        server.setDispatcher(new FakeRange());
        Instant start = Instant.parse("2026-11-18T00:00:00Z");
        Instant end = start.plusSeconds(25_000L * 15 + 7);

        List<Series> series = prom.range("up", start, end, Duration.ofSeconds(15));

        assertEquals(3, server.getRequestCount());
        List<Map<String, String>> forms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            forms.add(Faults.form(server.takeRequest()));
        }
        long s0 = start.getEpochSecond();
        assertEquals(List.of(String.valueOf(s0), String.valueOf(s0 + 11_000L * 15), String.valueOf(s0 + 22_000L * 15)),
                forms.stream().map(f -> f.get("start")).toList());
        assertEquals(List.of(String.valueOf(s0 + 10_999L * 15), String.valueOf(s0 + 21_999L * 15), String.valueOf(end.getEpochSecond())),
                forms.stream().map(f -> f.get("end")).toList());
        for (Map<String, String> f : forms) {
            long points = (long) ((Double.parseDouble(f.get("end")) - Double.parseDouble(f.get("start"))) / 15) + 1;
            assertTrue(points <= PrometheusSource.MAX_POINTS_PER_REQUEST, f.toString());
            assertEquals("15", f.get("step"));
        }
        assertEquals(1, series.size(), "one series across the chunks");
        List<Series.Point> points = series.get(0).points();
        assertEquals(25_001, points.size());
        for (int i = 0; i < points.size(); i++) {
            assertEquals(start.plusSeconds(15L * i), points.get(i).at(), "point " + i);
        }
    }

    @Test
    void range_needingMoreThanMaxChunks_isRefusedWithTheStepThatFits_beforeAnyRequest() {
        Instant start = Instant.parse("2026-11-01T00:00:00Z");

        SourceException e = fails(Failure.BAD_QUERY, () -> prom.range("up", start, start.plus(Duration.ofDays(30)), Duration.ofSeconds(1)));

        assertEquals("range query of 2592001 points per series at step 1s needs 236 requests (at most 10); "
                + "use a step of at least 23.564s", e.getMessage());
        assertEquals(0, server.getRequestCount());
        long fits = (long) (23.564 * 1000);
        assertTrue(Duration.ofDays(30).toMillis() / fits + 1 <= 10L * PrometheusSource.MAX_POINTS_PER_REQUEST);
        assertTrue(Duration.ofDays(30).toMillis() / (fits - 1) + 1 > 10L * PrometheusSource.MAX_POINTS_PER_REQUEST);
    }

    @Test
    void range_endBeforeStart_isBadQueryWithoutARequest() {
        Instant start = Instant.parse("2026-11-18T00:00:00Z");

        SourceException e = fails(Failure.BAD_QUERY, () -> prom.range("up", start, start.minusSeconds(1), Duration.ofSeconds(15)));

        assertEquals("range query ends (2026-11-17T23:59:59Z) before it starts (2026-11-18T00:00:00Z)", e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void health_readsBuildInfoAndReadiness() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"version\":\"2.42.0\",\"revision\":\"x\",\"branch\":\"debian/sid\"}}"));
        server.enqueue(plain(200, "Prometheus Server is Ready.\n"));
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        try (PrometheusSource source = new PrometheusSource(SourceConfig.of("prom", Faults.url(server)), clock)) {
            assertEquals(new SourceHealth("prom", true, true, "2.42.0", null, AT), source.health());
        }
        assertEquals("/api/v1/status/buildinfo", server.takeRequest().getPath());
        assertEquals("/-/ready", server.takeRequest().getPath());
    }

    @Test
    void health_whileStartingUp_isReachableButNotReady() {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"version\":\"2.42.0\"}}"));
        server.enqueue(plain(503, "Service Unavailable"));

        SourceHealth health = prom.health();

        assertTrue(health.reachable());
        assertFalse(health.ready());
        assertEquals("2.42.0", health.version());
        assertEquals("503 from prom: Service Unavailable", health.lastError());
    }

    @Test
    void health_ofAClosedPort_neverThrows() throws Exception {
        int port = Faults.closedPort();
        try (PrometheusSource nobody = new PrometheusSource(SourceConfig.of("prom", "http://127.0.0.1:" + port))) {
            SourceHealth health = nobody.health();
            assertFalse(health.reachable());
            assertFalse(health.ready());
            assertNull(health.version());
            assertEquals("prom unreachable: connection refused by 127.0.0.1:" + port, health.lastError());
        }
    }

    @Test
    void routePrefix_isKept() throws Exception {
        server.enqueue(json(200, VECTOR));
        try (PrometheusSource prefixed = new PrometheusSource(SourceConfig.of("prom", Faults.url(server) + "prometheus/"))) {
            prefixed.instant("up", AT);
        }
        assertEquals("/prometheus/api/v1/query", server.takeRequest().getPath());
    }

    @Test
    void timestamps_and_steps_areUnixSecondsWithTheMillisecondFraction() {
        assertEquals("1794967200.25", PrometheusSource.unixSeconds(AT));
        assertEquals("1794967200", PrometheusSource.unixSeconds(Instant.parse("2026-11-18T02:00:00Z")));
        assertEquals("0.5", PrometheusSource.seconds(Duration.ofMillis(500)));
        assertEquals("300", PrometheusSource.seconds(Duration.ofMinutes(5)));
    }

    /** A Prometheus that answers any range with one series whose values are the evaluation times. */
    private static final class FakeRange extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            Map<String, String> f = Faults.form(request);
            BigDecimal start = new BigDecimal(f.get("start"));
            BigDecimal end = new BigDecimal(f.get("end"));
            BigDecimal step = new BigDecimal(f.get("step"));
            StringBuilder values = new StringBuilder();
            for (BigDecimal t = start; t.compareTo(end) <= 0; t = t.add(step)) {
                values.append(values.length() == 0 ? "" : ",").append('[').append(t.toPlainString()).append(",\"")
                        .append(t.toPlainString()).append("\"]");
            }
            return json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                    + "{\"metric\":{\"__name__\":\"up\"},\"values\":[" + values + "]}]}}");
        }
    }
}
