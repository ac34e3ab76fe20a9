package dev.warroom.drill;

import dev.warroom.time.VirtualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metrics_servePrometheusTextOnLoopbackAndMitigationsApply() throws Exception {
        Scenario outage = ScenarioLibrary.bundled().require("provider-outage");
        VirtualClock clock = new VirtualClock(Instant.parse("2026-11-18T02:00:00Z"));
        MockService mock = new MockService(outage, clock, 1);
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(mock, clock, 0)) {
            assertTrue(InetAddress.getByName("127.0.0.1").equals(InetAddress.getLoopbackAddress()));
            clock.advance(Duration.ofMinutes(20));
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(endpoint.url())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode());
            assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            assertTrue(first.body().contains("# TYPE warroom_mock_requests_total counter"));
            long total = value(first.body(), "warroom_mock_requests_total");
            long bad = value(first.body(), "warroom_mock_bad_requests_total");
            assertEquals(mock.counters()[0], total);
            assertTrue(bad > 0 && bad < total);

            HttpResponse<String> applied = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port()
                    + "/mitigations/fail-over-provider")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, applied.statusCode());
            assertEquals(java.util.List.of("fail-over-provider"), mock.appliedMitigations());
            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port()
                    + "/mitigations/nope")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, unknown.statusCode());

            clock.advance(Duration.ofMinutes(1));
            long later = value(http.send(HttpRequest.newBuilder(URI.create(endpoint.url())).build(),
                    HttpResponse.BodyHandlers.ofString()).body(), "warroom_mock_requests_total");
            assertTrue(later > total, "counters only grow");
        }
    }

    private static long value(String exposition, String metric) {
        Matcher m = Pattern.compile("(?m)^" + metric + "\\{[^}]*} (\\d+)$").matcher(exposition);
        assertTrue(m.find(), metric + " missing in:\n" + exposition);
        return Long.parseLong(m.group(1));
    }
}
