package dev.warroom.drill;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the mock system's counters at {@code /metrics} in the Prometheus text format, on loopback
 * only, so a real Prometheus can scrape a drill. {@code POST /mitigations/<id>} applies a mitigation
 * and {@code DELETE /mitigations/<id>} reverts it, so live-data drills can be driven from outside.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final MockService mock;
    private final Clock clock;

    private MetricsEndpoint(HttpServer server, ExecutorService executor, MockService mock, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.mock = mock;
        this.clock = clock;
    }

    /** Starts serving on 127.0.0.1:{@code port} (0 picks a free port). */
    public static MetricsEndpoint start(MockService mock, Clock clock, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "mock-metrics");
            t.setDaemon(true);
            return t;
        });
        MetricsEndpoint endpoint = new MetricsEndpoint(server, executor, mock, clock);
        server.createContext("/metrics", endpoint::metrics);
        server.createContext("/mitigations/", endpoint::mitigations);
        server.createContext("/", endpoint::index);
        server.setExecutor(executor);
        server.start();
        return endpoint;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/metrics";
    }

    /** The exposition text for the current instant. */
    public String exposition() {
        Scenario s = mock.scenario();
        long[] counters = mock.counters();
        String labels = "{service=\"" + s.service() + "\",scenario=\"" + s.id() + "\",slo=\"" + s.slo().name() + "\"}";
        StringBuilder b = new StringBuilder();
        b.append("# HELP warroom_mock_requests_total Requests served by the Warroom mock service.\n");
        b.append("# TYPE warroom_mock_requests_total counter\n");
        b.append("warroom_mock_requests_total").append(labels).append(' ').append(counters[0]).append('\n');
        b.append("# HELP warroom_mock_bad_requests_total Requests that failed the SLO (errors or too slow).\n");
        b.append("# TYPE warroom_mock_bad_requests_total counter\n");
        b.append("warroom_mock_bad_requests_total").append(labels).append(' ').append(counters[1]).append('\n');
        b.append("# HELP warroom_mock_health Fraction of requests the mock currently serves well.\n");
        b.append("# TYPE warroom_mock_health gauge\n");
        b.append("warroom_mock_health").append(labels).append(' ')
                .append(String.format(Locale.ROOT, "%.6f", mock.health(clock.instant()))).append('\n');
        b.append("# HELP warroom_mock_slo_objective The SLO objective the scenario burns.\n");
        b.append("# TYPE warroom_mock_slo_objective gauge\n");
        b.append("warroom_mock_slo_objective").append(labels).append(' ').append(s.slo().objective()).append('\n');
        for (Mitigation m : s.mitigations()) {
            b.append("warroom_mock_mitigation_applied{scenario=\"").append(s.id()).append("\",mitigation=\"")
                    .append(m.id()).append("\"} ").append(mock.appliedMitigations().contains(m.id()) ? 1 : 0).append('\n');
        }
        return b.toString();
    }

    private void metrics(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", exposition());
    }

    private void mitigations(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/mitigations/".length());
        try {
            switch (exchange.getRequestMethod()) {
                case "POST" -> mock.apply(id);
                case "DELETE" -> mock.revert(id);
                default -> {
                    respond(exchange, 405, "text/plain", "use POST to apply or DELETE to revert\n");
                    return;
                }
            }
            respond(exchange, 200, "text/plain", "ok " + exchange.getRequestMethod() + " " + id + "\n");
        } catch (IllegalArgumentException | IllegalStateException e) {
            respond(exchange, 404, "text/plain", e.getMessage() + "\n");
        }
    }

    private void index(HttpExchange exchange) throws IOException {
        Scenario s = mock.scenario();
        respond(exchange, 200, "text/plain", "Warroom mock system, scenario " + s.id() + ": " + s.title()
                + "\nmetrics: /metrics\nmitigations: POST /mitigations/<id> (" + String.join(", ",
                s.mitigations().stream().map(Mitigation::id).toList()) + ")\n");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
