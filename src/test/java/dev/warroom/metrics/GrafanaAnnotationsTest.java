package dev.warroom.metrics;

import static dev.warroom.metrics.Faults.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.metrics.GrafanaAnnotations.Milestone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrafanaAnnotationsTest {
    private static final String TOKEN = "glsa_Xq3Zt9pLmN4vB7cR2sK8wY5hJ1dF6gT0_4e2a9c1b";
    private static final Milestone DECLARED = new Milestone("INC-2026-0042", "sev1", "declared",
            Instant.parse("2026-11-18T02:03:04.567Z"), "Checkout error budget burning at 14.4x");
    private static final Milestone MITIGATED = new Milestone("INC-2026-0042", "sev1", "mitigated",
            Instant.parse("2026-11-18T02:20:00Z"), "Failed over to the secondary payment provider");
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

    private SourceConfig config(String url) {
        return SourceConfig.of("grafana", url).withCredentials(Credentials.bearer(Credentials.Secret.of(TOKEN)));
    }

    @Test
    void post_sendsTimeTagsAndText_withTheToken() throws Exception {
        server.enqueue(json(200, "{\"message\":\"Annotation added\",\"id\":1}"));
        try (GrafanaAnnotations annotations = new GrafanaAnnotations(config(Faults.url(server)))) {
            annotations.post(DECLARED);

            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("POST", request.getMethod());
            assertEquals("/api/annotations", request.getPath());
            assertEquals("Bearer " + TOKEN, request.getHeader("Authorization"));
            JsonNode body = JSON.readTree(request.getBody().readUtf8());
            assertEquals(1_794_967_384_567L, body.get("time").asLong());
            assertEquals("[\"INC-2026-0042\",\"sev1\",\"declared\"]", body.get("tags").toString());
            assertEquals("Checkout error budget burning at 14.4x", body.get("text").asText());
            await(() -> annotations.pending() == 0);
            assertNull(annotations.lastError());
        }
    }

    @Test
    void a500_isRetriedWithBackoff_untilPosted_inOrder() throws Exception {
        Queue<MockResponse> answers = new ConcurrentLinkedQueue<>(List.of(
                Faults.plain(500, "database is locked"),
                Faults.plain(503, "overloaded"),
                json(200, "{\"message\":\"Annotation added\",\"id\":7}"),
                json(200, "{\"message\":\"Annotation added\",\"id\":8}")));
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(System.nanoTime());
                bodies.add(request.getBody().readUtf8());
                return answers.remove();
            }
        });
        try (GrafanaAnnotations annotations = new GrafanaAnnotations(config(Faults.url(server)),
                Duration.ofMillis(100), Duration.ofSeconds(1))) {
            annotations.post(DECLARED);
            annotations.post(MITIGATED);

            await(() -> annotations.lastError() != null);
            String error = annotations.lastError();
            assertTrue(List.of("500 from grafana: database is locked", "503 from grafana: overloaded").contains(error), error);
            await(() -> annotations.pending() == 0);

            assertNull(annotations.lastError(), "a success clears the error");
            assertEquals(0, annotations.dropped());
            assertEquals(4, arrivals.size());
            long firstWait = arrivals.get(1) - arrivals.get(0);
            long secondWait = arrivals.get(2) - arrivals.get(1);
            assertTrue(firstWait >= TimeUnit.MILLISECONDS.toNanos(100), "waits before the first retry: " + firstWait / 1_000_000 + " ms");
            assertTrue(secondWait >= TimeUnit.MILLISECONDS.toNanos(200), "backs off further: " + secondWait / 1_000_000 + " ms");
            assertTrue(bodies.get(2).contains("declared") && bodies.get(3).contains("mitigated"), "in order: " + bodies);
        }
    }

    @Test
    void grafanaDown_neverBlocksTheCaller_andCloseStopsTheRetries() throws Exception {
        int port = Faults.closedPort();
        GrafanaAnnotations annotations = new GrafanaAnnotations(config("http://127.0.0.1:" + port),
                Duration.ofMillis(50), Duration.ofMillis(200));
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            annotations.post(DECLARED);
        }
        long took = System.nanoTime() - started;

        assertTrue(took < TimeUnit.MILLISECONDS.toNanos(200), "100 posts took " + took / 1_000_000 + " ms");
        await(() -> annotations.lastError() != null);
        assertEquals("grafana unreachable: connection refused by 127.0.0.1:" + port, annotations.lastError());
        assertEquals(100, annotations.pending());
        annotations.close();
        await(() -> !threadAlive("grafana-annotations")); // close() stops the retry thread
        annotations.post(MITIGATED);
        assertEquals(1, annotations.dropped(), "a post after close is counted, not sent");
    }

    @Test
    void aGrafanaThatHangs_neverBlocksTheCaller_andCloseEndsTheCall() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        GrafanaAnnotations annotations = new GrafanaAnnotations(config(Faults.url(server)));
        annotations.post(DECLARED);
        server.takeRequest(5, TimeUnit.SECONDS);

        long started = System.nanoTime();
        annotations.post(MITIGATED);
        assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(100), "post waits for nothing");
        assertEquals(2, annotations.pending());

        long closing = System.nanoTime();
        annotations.close();
        assertTrue(System.nanoTime() - closing < TimeUnit.SECONDS.toNanos(3), "close does not wait out the call timeout");
        await(() -> !threadAlive("grafana-annotations"));
    }

    @Test
    void aRejectedAnnotation_isDropped_andTheNextOneStillGoes() throws Exception {
        server.enqueue(json(400, "{\"message\":\"bad request data\"}"));
        server.enqueue(json(200, "{\"message\":\"Annotation added\",\"id\":2}"));
        try (GrafanaAnnotations annotations = new GrafanaAnnotations(config(Faults.url(server)), Duration.ofMillis(50), Duration.ofSeconds(1))) {
            annotations.post(DECLARED);
            annotations.post(MITIGATED);

            await(() -> annotations.pending() == 0);
            assertEquals(1, annotations.dropped());
            assertEquals(2, server.getRequestCount());
        }
    }

    @Test
    void aTokenEchoedBackNeverReachesLastError() throws Exception {
        server.enqueue(json(401, "{\"message\":\"invalid API key: " + TOKEN + "\"}"));
        try (GrafanaAnnotations annotations = new GrafanaAnnotations(config(Faults.url(server)), Duration.ofSeconds(30), Duration.ofSeconds(30))) {
            annotations.post(DECLARED);
            await(() -> annotations.lastError() != null);
            assertFalse(annotations.lastError().contains(TOKEN), annotations.lastError());
            assertTrue(annotations.lastError().startsWith("401 from grafana: unauthorized, check the credentials"), annotations.lastError());
            assertEquals(1, annotations.pending(), "a refused token is retried: rights can be granted without a restart");
        }
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(10);
        }
    }
}
