package dev.warroom.metrics;

import dev.warroom.slo.spec.CheckoutSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Decision;
import dev.warroom.slo.spec.SloDefinition;
import dev.warroom.slo.spec.SloSpecs;
import dev.warroom.time.VirtualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault the issue lists, on both sources (Prometheus, and Prometheus behind Grafana's data
 * source proxy), through the live SLO monitor the board reads: a good poll, then the fault, which
 * shows as stale with its reason within that one poll while the last good decision stays, then a good
 * poll again, which clears it. Nothing throws out of a poll.
 */
class LiveSloFaultsTest {
    private static final String SPEC = CheckoutSpec.SLOTH;
    private static final String GOOD = vector("0.0005");
    private static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");

    private MockWebServer server;
    private volatile Function<RecordedRequest, MockResponse> answer;
    private SloMonitor monitor;
    private MetricsSource source;

    @AfterEach
    void close() throws IOException {
        if (monitor != null) {
            monitor.close();
        }
        if (source != null) {
            source.close();
        }
        server.shutdown();
    }

    private static String vector(String ratio) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"warroom_slo\":\"checkout-requests-availability\"},\"value\":[1795143600,\"" + ratio + "\"]},"
                + "{\"metric\":{\"warroom_events\":\"checkout-requests-availability\"},\"value\":[1795143600,\"50\"]}]}}";
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** A fault: what the server does, and words the stale reason must contain. */
    record Fault(String name, Function<RecordedRequest, MockResponse> response, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> faults() {
        List<Fault> faults = List.of(
                new Fault("down mid-poll", r -> json(200, GOOD).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY),
                        "unreachable"),
                new Fault("503 plain text", r -> new MockResponse().setResponseCode(503)
                        .setHeader("Content-Type", "text/plain").setBody("overloaded\nplease retry"), "503"),
                new Fault("slower than the timeout", r -> json(200, GOOD).setHeadersDelay(3, TimeUnit.SECONDS), "timeout"),
                new Fault("malformed JSON", r -> json(200, "{\"status\":\"success\",\"data\":{\"resultType\":"), "malformed"),
                new Fault("NaN", r -> json(200, vector("NaN")), "NaN"),
                new Fault("+Inf", r -> json(200, vector("+Inf")), "+Inf"),
                new Fault("empty result", r -> json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"),
                        "no series came back"),
                new Fault("401", r -> json(401, "{\"message\":\"invalid API key\"}"), "401"),
                new Fault("403", r -> json(403, "{\"message\":\"permission denied\"}"), "403"),
                new Fault("400 bad query", r -> json(400, "{\"status\":\"error\",\"errorType\":\"bad_data\","
                        + "\"error\":\"1:6: parse error: unexpected right parenthesis ')'\"}"), "parse error"));
        return Stream.of("prometheus", "grafana").flatMap(kind -> faults.stream().map(f -> Arguments.of(kind, f)));
    }

    private void startServer(int port) throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer.apply(request);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), port);
    }

    private void monitor(String kind) {
        SourceConfig config = SourceConfig.of(kind, "http://127.0.0.1:" + server.getPort() + "/")
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(800), Duration.ofMillis(800));
        source = kind.equals("prometheus") ? new PrometheusSource(config)
                : new GrafanaSource(config, "prom-uid", GrafanaSource.Mode.PROXY);
        List<SloDefinition> defs = SloSpecs.read(SPEC, "checkout.yml");
        monitor = new SloMonitor(source, defs, AlertPolicy.sreWorkbook(), PollSettings.defaults(), new VirtualClock(T0), s -> { });
    }

    private static Function<RecordedRequest, MockResponse> good() {
        return r -> {
            String body = r.getBody().clone().readUtf8();
            return json(200, body.contains("sloth_window") ? "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}" : GOOD);
        };
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("faults")
    void fault_showsStaleWithItsReasonWithinOnePoll_keepsTheLastGoodDecision_andRecovers(String kind, Fault fault)
            throws IOException {
        answer = good();
        startServer(0);
        monitor(kind);
        monitor.pollOnce(T0);
        SloMonitor.Status first = monitor.statuses().get(0);
        assertEquals(Decision.State.OK, first.decision().state(), first.decision().explanation());
        assertFalse(first.freshness().isStale());

        answer = fault.response();
        monitor.pollOnce(T0.plusSeconds(15));
        SloMonitor.Status stale = monitor.statuses().get(0);
        assertTrue(stale.freshness().isStale(), fault + " did not turn the tile stale");
        assertTrue(stale.freshness().staleReason().contains(fault.reason()),
                fault + ": stale reason '" + stale.freshness().staleReason() + "' does not say " + fault.reason());
        assertEquals(Decision.State.OK, stale.decision().state(), "the last good decision stays on the tile");

        answer = good();
        monitor.pollOnce(T0.plusSeconds(30));
        assertFalse(monitor.statuses().get(0).freshness().isStale(), "the next good poll clears " + fault);
    }

    @ParameterizedTest(name = "{0}: connection refused")
    @MethodSource("kinds")
    void connectionRefused_showsStale_andRecoversWhenTheServerIsBack(String kind) throws IOException {
        answer = good();
        startServer(0);
        int port = server.getPort();
        monitor(kind);
        monitor.pollOnce(T0);
        server.shutdown();

        monitor.pollOnce(T0.plusSeconds(15));
        SloMonitor.Status stale = monitor.statuses().get(0);
        assertTrue(stale.freshness().isStale());
        assertTrue(stale.freshness().staleReason().contains("refused"), stale.freshness().staleReason());

        startServer(port);
        monitor.pollOnce(T0.plusSeconds(30));
        assertFalse(monitor.statuses().get(0).freshness().isStale(), monitor.statuses().get(0).freshness().toString());
    }

    static Stream<String> kinds() {
        return Stream.of("prometheus", "grafana");
    }
}
