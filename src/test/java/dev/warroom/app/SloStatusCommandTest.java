package dev.warroom.app;

import dev.warroom.slo.spec.CheckoutSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warroom slo status} against a server that answers as Prometheus does. */
class SloStatusCommandTest {
    private static final String SPEC = CheckoutSpec.SLOTH;

    private final MockWebServer prometheus = new MockWebServer();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    @TempDir
    Path dir;
    private Path slos;

    @BeforeEach
    void start() throws IOException {
        slos = Files.writeString(dir.resolve("checkout.yml"), SPEC);
        prometheus.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = URLDecoder.decode(request.getBody().readUtf8(), StandardCharsets.UTF_8);
                bodies.add(body);
                String data = body.contains("group by (sloth_id, sloth_window)")
                        ? "[]"
                        : "[{\"metric\":{\"warroom_slo\":\"checkout-requests-availability\"},\"value\":[1763607600,\"0.02\"]},"
                        + "{\"metric\":{\"warroom_events\":\"checkout-requests-availability\"},\"value\":[1763607600,\"50\"]}]";
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":" + data + "}}");
            }
        });
        prometheus.start();
    }

    @AfterEach
    void stop() throws IOException {
        prometheus.shutdown();
    }

    @Test
    void json_perSloPerWindow_ratioBurnBudgetDecision() throws Exception {
        CommandLineTest.Result r = CommandLineTest.run("slo", "status", "--source", prometheus.url("/").toString(),
                "--slos", slos.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertEquals(1, rows.size());
        JsonNode row = rows.get(0);
        assertEquals("checkout-requests-availability", row.get("slo").asText());
        assertEquals(8, row.get("windows").size(), "the policy's seven windows and the 30d period");
        JsonNode fiveMinutes = row.get("windows").get(0);
        assertEquals("5m", fiveMinutes.get("window").asText());
        assertEquals(0.02, fiveMinutes.get("error_ratio").asDouble(), 1e-12);
        assertEquals(20.0, fiveMinutes.get("burn_rate").asDouble(), 1e-9);
        assertEquals(1 - 20.0, row.get("budget_remaining").asDouble(), 1e-9, "30d ratio 0.02 spends 20 budgets");
        assertEquals("page", row.get("decision").asText());
        assertEquals("sev1", row.get("severity").asText());
        assertTrue(row.get("explanation").asText().startsWith("Sev-1 page: burning 20x over 1h"), row.get("explanation").asText());
    }

    @Test
    void at_evaluatesAtThatInstant_onEveryQuery() {
        CommandLineTest.Result r = CommandLineTest.run("slo", "status", "--source", prometheus.url("/").toString(),
                "--slos", slos.toString(), "--at", "2026-11-20T03:00:00Z");
        assertEquals(0, r.exit(), r.err());
        assertEquals(9, bodies.size(), "discovery and one batched query per window");
        assertTrue(bodies.stream().allMatch(b -> b.contains("time=1795143600")), bodies.get(0));
        assertTrue(r.out().contains("checkout-requests-availability"), r.out());
        assertTrue(r.out().contains("Sev-1 PAGE"), r.out());
    }

    @Test
    void unreachableSource_saysSo_andExitsNonZero() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CommandLineTest.Result r = CommandLineTest.run("slo", "status", "--source", "http://127.0.0.1:" + port,
                "--slos", slos.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("unreachable"), r.err());
    }

    @Test
    void badSpec_namesFileAndLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yml"), SPEC.replace("objective: 99.9", "objective: high"));
        CommandLineTest.Result r = CommandLineTest.run("slo", "status", "--source", prometheus.url("/").toString(),
                "--slos", bad.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("bad.yml:5: slos[0].objective"), r.err());
    }

    @Test
    void badInstant_isAUsageError() {
        CommandLineTest.Result r = CommandLineTest.run("slo", "status", "--source", prometheus.url("/").toString(),
                "--slos", slos.toString(), "--at", "yesterday");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--at"), r.err());
    }
}
