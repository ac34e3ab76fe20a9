package dev.warroom.metrics.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The real-server harness itself: backfilled history is served, configs are valid, missing binaries skip or fail. */
class PrometheusHarnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void backfilledOpenMetrics_isServedByAPrometheusStartedOnThatTsdb() throws Exception {
        // three hours back, whole minutes: old enough to be outside the head block promtool must not overlap
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        StringBuilder om = new StringBuilder("# HELP warroom_backfill_requests_total Requests.\n"
                + "# TYPE warroom_backfill_requests counter\n");
        for (int minute = 0; minute <= 30; minute++) {
            om.append("warroom_backfill_requests_total{service=\"chat-api\"} ").append(minute * 600).append(' ')
                    .append(start.getEpochSecond() + minute * 60L).append('\n');
        }
        om.append("# EOF\n");
        Path file = dir.resolve("history.om");
        Files.writeString(file, om);
        Path tsdb = dir.resolve("tsdb");

        String output = Promtool.backfillOpenMetrics(file, tsdb);
        assertTrue(Files.list(tsdb).anyMatch(Files::isDirectory), "promtool wrote no block: " + output);

        try (PrometheusProcess prom = PrometheusProcess.in(dir.resolve("prom"))
                .config("global:\n  scrape_interval: 15s\n").tsdb(tsdb).retention("10y").start()) {
            Instant at = start.plus(20, ChronoUnit.MINUTES);
            String query = "/api/v1/query?query=" + URLEncoder.encode(
                    "rate(warroom_backfill_requests_total{service=\"chat-api\"}[5m])", StandardCharsets.UTF_8)
                    + "&time=" + at.getEpochSecond();
            JsonNode result = JSON.readTree(prom.get(query)).path("data").path("result");
            assertEquals(1, result.size(), result + "\n" + prom.tail());
            // 600 requests a minute is 10 per second
            assertEquals(10.0, Double.parseDouble(result.get(0).path("value").get(1).asText()), 1e-9);
        }
    }

    @Test
    void theChainsConfigsAndRules_passPromtool() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules")).resolve("chat-availability-slo.yml");
        Files.writeString(rules, AlertChain.resource("rules/chat-availability-slo.yml"));
        assertTrue(Promtool.checkRules(rules).contains("SUCCESS: 8 rules found"));
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, AlertChain.resource("prometheus.yml")
                .replace("${ALERTMANAGER_TARGET}", "127.0.0.1:9093").replace("${MOCK_TARGET}", "127.0.0.1:8080"));
        assertTrue(Promtool.checkConfig(config).contains("SUCCESS"));
        assertFalse(AlertChain.resource("alertmanager.yml").contains("0.0.0.0"));
    }

    @Test
    void aBadConfig_failsAtStart_withTheServersOwnWordsInTheMessage() {
        ServerProcess.binary(PrometheusProcess.BINARY, "prometheus");
        AssertionError e = assertThrows(AssertionError.class, () -> PrometheusProcess.in(dir)
                .config("global:\n  scrape_interval: soon\n").start());
        assertTrue(e.getMessage().contains("exited with"), e.getMessage());
        assertTrue(e.getMessage().contains("--- last lines of " + dir.resolve("prometheus.log")), e.getMessage());
        assertTrue(e.getMessage().contains("soon"), "the log tail says what was wrong: " + e.getMessage());
    }

    @Test
    void aMissingBinary_skipsTheTest_orFailsItWhenCiRequiresTheServers() {
        if ("1".equals(System.getenv(ServerProcess.REQUIRE_ENV))) {
            AssertionError e = assertThrows(AssertionError.class,
                    () -> ServerProcess.binary("/nonexistent/prometheus", "prometheus"));
            assertTrue(e.getMessage().contains(ServerProcess.REQUIRE_ENV + "=1 requires it"), e.getMessage());
        } else {
            TestAbortedException e = assertThrows(TestAbortedException.class,
                    () -> ServerProcess.binary("/nonexistent/prometheus", "prometheus"));
            assertTrue(e.getMessage().contains("apt-get install prometheus"), e.getMessage());
        }
    }

    @Test
    void alertmanager_runsAloneWithoutGossip_onLoopback_andStopsOnClose() throws Exception {
        AlertmanagerProcess am = AlertmanagerProcess.start(dir, "route:\n  receiver: none\nreceivers:\n  - name: none\n");
        try {
            assertTrue(am.url().startsWith("http://127.0.0.1:"));
            HttpResponse<String> status = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(am.url() + "/api/v2/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("disabled", JSON.readTree(status.body()).path("cluster").path("status").asText(),
                    "an empty --cluster.listen-address turns gossip off: " + status.body());
        } finally {
            am.close();
        }
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", am.port()).close(), "nothing listens after close()");
    }
}
